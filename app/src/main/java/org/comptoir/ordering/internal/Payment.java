package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.UUID;

/** Money asked of a provider for an order, and what became of it. */
record Payment(UUID id, UUID orderId, String provider, Status status, long amount, long captured, long refunded,
        String providerRef, String detail, Instant createdAt) {

    enum Status {
        /** Waiting for the money (a bank transfer). */
        PENDING,
        AUTHORIZED,
        CAPTURED,
        DECLINED,
        VOIDED,
        REFUNDED
    }

    /** What counts towards paying the order: authorised or taken, less what went back. */
    long secured() {
        return switch (status) {
            case AUTHORIZED -> amount;
            case CAPTURED, REFUNDED -> captured - refunded;
            default -> 0;
        };
    }
}
