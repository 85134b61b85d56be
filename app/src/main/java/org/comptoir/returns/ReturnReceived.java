package org.comptoir.returns;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * A return was received at a location: what was refunded, what is still owed (refunded by the
 * marketplace that sold it), and the store credit code when the customer chose credit.
 */
public record ReturnReceived(UUID eventId, Instant occurredAt, UUID returnId, UUID orderId, String orderNumber,
        String customerRef, String locationCode, long refunded, long refundDue, String creditCode, String currency)
        implements DomainEvent {

    @Override
    public String eventType() {
        return "returns.return.received";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
