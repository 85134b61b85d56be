package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * A double opt-in waits for the person to confirm it. Its token is not in the event (events reach the
 * outbox, webhooks and Kafka): the platform emails the confirmation itself.
 */
public record ConsentConfirmationRequested(UUID eventId, Instant occurredAt, UUID customerId, UUID consentId,
        ContactChannel channel, Purpose purpose) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.consent.confirmation-requested";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
