package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One call to a payment provider, recorded before it is made: its id is the idempotency key the
 * provider is given, so that a retry after a crash or a time-out can never move money twice.
 */
record PaymentOperation(UUID id, UUID paymentId, UUID orderId, Kind kind, long amount, Status status, String token,
        String reason, int attempts, Instant nextAttemptAt, String requestedBy) {

    enum Kind {
        AUTHORIZE,
        CAPTURE,
        REFUND,
        VOID
    }

    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED
    }
}
