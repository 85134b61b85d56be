package org.comptoir.service;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A reply to send on a channel: email goes through the platform's SMTP server when one is configured; SMS, messaging apps and social networks through the integration that delivers this event. */
public record MessageSent(UUID eventId, Instant occurredAt, UUID conversationId, UUID messageId, UUID customerId, String channel, String inbox, String recipient, String body) implements DomainEvent {

    @Override
    public String eventType() {
        return "service.message.sent";
    }

    @Override
    public String subject() {
        return conversationId.toString();
    }
}
