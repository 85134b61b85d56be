package org.comptoir.returns;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A return was opened: {@code code} is what the customer shows or scans to bring it back. */
public record ReturnOpened(UUID eventId, Instant occurredAt, UUID returnId, String code, UUID orderId,
        String orderNumber, String customerRef, String method, String locationCode, long refundAmount,
        String currency) implements DomainEvent {

    @Override
    public String eventType() {
        return "returns.return.opened";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
