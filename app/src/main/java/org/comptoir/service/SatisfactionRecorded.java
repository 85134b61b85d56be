package org.comptoir.service;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A customer rated the service (1 to 5) after their conversation was resolved. */
public record SatisfactionRecorded(UUID eventId, Instant occurredAt, UUID conversationId, UUID customerId, UUID agentId, int score, String comment) implements DomainEvent {

    @Override
    public String eventType() {
        return "service.csat.recorded";
    }

    @Override
    public String subject() {
        return conversationId.toString();
    }
}
