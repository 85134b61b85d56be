package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * A fulfilment order moved. {@code orderProgress} is where the whole order stands given all its
 * fulfilment orders (IN_FULFILMENT, PARTLY_SHIPPED, SHIPPED, READY_FOR_PICKUP, COLLECTED, DELIVERED),
 * or null when this move changes nothing for it.
 */
public record FulfilmentOrderChanged(UUID eventId, Instant occurredAt, UUID fulfilmentOrderId, UUID orderId,
        String orderNumber, String locationCode, String kind, String from, String to, String orderProgress,
        String actor, String detail) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.order.changed";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
