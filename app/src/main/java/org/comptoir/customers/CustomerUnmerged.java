package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A merge was undone: the absorbed profile is back with what it brought. */
public record CustomerUnmerged(UUID eventId, Instant occurredAt, UUID survivorId, UUID restoredId, UUID mergeId) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.profile.unmerged";
    }

    @Override
    public String subject() {
        return restoredId.toString();
    }
}
