package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** An order ready for pickup is still waiting: collect it before {@code keptUntil} or it is cancelled. */
public record PickupReminder(UUID eventId, Instant occurredAt, UUID fulfilmentOrderId, UUID orderId,
        String orderNumber, String locationCode, Instant keptUntil) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.pickup.reminder";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
