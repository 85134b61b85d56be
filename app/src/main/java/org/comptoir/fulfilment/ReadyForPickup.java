package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * An order waits at a store: the code the customer shows to collect it (sent to them by the
 * transactional message), and until when it is kept.
 */
public record ReadyForPickup(UUID eventId, Instant occurredAt, UUID fulfilmentOrderId, UUID orderId,
        String orderNumber, String locationCode, String pickupCode, Instant keptUntil) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.pickup.ready";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
