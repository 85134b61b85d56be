package org.comptoir.ordering;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A known customer's non-empty cart saw no activity for the configured time; engagement journeys start from it. */
public record CartAbandoned(UUID eventId, Instant occurredAt, UUID cartId, String channelCode, String customerRef, int lines, long total, String currency) implements DomainEvent {

    @Override
    public String eventType() {
        return "ordering.cart.abandoned";
    }

    @Override
    public String subject() {
        return cartId.toString();
    }
}
