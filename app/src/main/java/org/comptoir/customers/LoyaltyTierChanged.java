package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A loyalty member moved to another tier. */
public record LoyaltyTierChanged(UUID eventId, Instant occurredAt, UUID customerId, String cardNumber, String from, String to) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.loyalty.tier-changed";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
