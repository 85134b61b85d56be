package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** Lines of an order are now held elsewhere ({@code lineNo → location}) under a new hold. */
public record OrderRerouted(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID holdId,
        Map<Integer, String> locations, String reason) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.order.rerouted";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
