package org.comptoir.service;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** The bot handed the conversation over to the agents' queue, with why and a summary of what was asked and found. */
public record ConversationHandedOver(UUID eventId, Instant occurredAt, UUID conversationId, UUID customerId, String reason, String summary) implements DomainEvent {

    @Override
    public String eventType() {
        return "service.conversation.handed-over";
    }

    @Override
    public String subject() {
        return conversationId.toString();
    }
}
