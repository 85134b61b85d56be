package org.comptoir.ordering;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** An order moved from one state to another (cancellations and expiries included), by whom and why. */
public record OrderStatusChanged(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, String channelCode, String customerRef, String from, String to, String actor, String reason) implements DomainEvent {

    @Override
    public String eventType() {
        return "ordering.order.status-changed";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
