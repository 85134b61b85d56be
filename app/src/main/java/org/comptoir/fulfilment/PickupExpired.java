package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** An order was not collected in time: the order is cancelled and its stock goes back. */
public record PickupExpired(UUID eventId, Instant occurredAt, UUID fulfilmentOrderId, UUID orderId,
        String orderNumber, String locationCode) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.pickup.expired";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
