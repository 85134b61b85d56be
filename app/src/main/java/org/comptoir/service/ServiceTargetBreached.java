package org.comptoir.service;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A conversation missed its first-response or resolution target (in business time). */
public record ServiceTargetBreached(UUID eventId, Instant occurredAt, UUID conversationId, String target, Instant due) implements DomainEvent {

    @Override
    public String eventType() {
        return "service.target.breached";
    }

    @Override
    public String subject() {
        return conversationId.toString();
    }
}
