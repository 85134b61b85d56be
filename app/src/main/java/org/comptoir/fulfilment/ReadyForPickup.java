package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * An order waits at a store until {@code keptUntil}. The code the customer shows to collect it is not
 * in the event (events reach the outbox, webhooks and Kafka): whoever tells the customer reads it with
 * {@code GET /api/v1/fulfilment/orders/{fulfilmentOrderId}/pickup-code}.
 */
public record ReadyForPickup(UUID eventId, Instant occurredAt, UUID fulfilmentOrderId, UUID orderId,
        String orderNumber, String locationCode, Instant keptUntil) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.pickup.ready";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
