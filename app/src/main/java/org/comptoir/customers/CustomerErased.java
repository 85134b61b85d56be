package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A person's data was erased everywhere (right to erasure or retention); orders stay, anonymous. */
public record CustomerErased(UUID eventId, Instant occurredAt, UUID customerId) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.profile.erased";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
