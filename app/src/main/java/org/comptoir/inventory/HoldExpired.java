package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A hold reached its expiry unconfirmed and its stock went back to the pool. */
public record HoldExpired(UUID eventId, Instant occurredAt, UUID holdId, String kind, String reference,
        String channelCode) implements DomainEvent {

    @Override
    public String eventType() {
        return "inventory.hold.expired";
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
