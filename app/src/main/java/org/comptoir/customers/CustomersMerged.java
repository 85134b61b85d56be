package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** One profile absorbed another (automatically on a matching identity, or by an agent). */
public record CustomersMerged(UUID eventId, Instant occurredAt, UUID survivorId, UUID absorbedId, UUID mergeId, String rule) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.profile.merged";
    }

    @Override
    public String subject() {
        return survivorId.toString();
    }
}
