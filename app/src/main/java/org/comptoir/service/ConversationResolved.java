package org.comptoir.service;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A conversation was resolved, by an agent or by the bot alone. */
public record ConversationResolved(UUID eventId, Instant occurredAt, UUID conversationId, UUID customerId, UUID agentId, boolean handledByBot) implements DomainEvent {

    @Override
    public String eventType() {
        return "service.conversation.resolved";
    }

    @Override
    public String subject() {
        return conversationId.toString();
    }
}
