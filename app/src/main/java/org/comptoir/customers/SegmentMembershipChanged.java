package org.comptoir.customers;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A customer joined ({@code member}) or left a segment. */
public record SegmentMembershipChanged(UUID eventId, Instant occurredAt, String segmentCode, UUID customerId, boolean member) implements DomainEvent {

    @Override
    public String eventType() {
        return "customers.segment.membership-changed";
    }

    @Override
    public String subject() {
        return customerId.toString();
    }
}
