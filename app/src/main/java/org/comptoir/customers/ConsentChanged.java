package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A consent was granted, confirmed or withdrawn; it takes effect at once. */
public record ConsentChanged(UUID eventId, Instant occurredAt, UUID customerId, ContactChannel channel, Purpose purpose, String status) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.consent.changed";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
