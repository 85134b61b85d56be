package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A double opt-in waits for the person: send them the token (a link) at the address. */
public record ConsentConfirmationRequested(UUID eventId, Instant occurredAt, UUID customerId, ContactChannel channel, Purpose purpose, String address, String token) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.consent.confirmation-requested";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
