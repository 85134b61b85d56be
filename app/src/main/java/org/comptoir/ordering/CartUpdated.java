package org.comptoir.ordering;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A cart changed (lines, codes, fulfilment or customer); total is its new payable amount. */
public record CartUpdated(UUID eventId, Instant occurredAt, UUID cartId, String channelCode, String customerRef, int lines, long total, String currency) implements DomainEvent {

    @Override
    public String eventType() {
        return "ordering.cart.updated";
    }

    @Override
    public String subject() {
        return cartId.toString();
    }
}
