package org.comptoir.ordering;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** An order was placed on a channel with its stock held. */
public record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, String channelCode, String customerRef, long total, String currency) implements DomainEvent {

    @Override
    public String eventType() {
        return "ordering.order.placed";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
