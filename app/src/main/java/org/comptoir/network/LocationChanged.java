package org.comptoir.network;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A location was created or changed (hours, capabilities, activation). */
public record LocationChanged(UUID eventId, Instant occurredAt, String locationCode, boolean created,
        boolean active) implements DomainEvent {

    @Override
    public String eventType() {
        return created ? "network.location.created" : "network.location.updated";
    }

    @Override
    public String subject() {
        return locationCode;
    }
}
