package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Money asked of a provider for an order, and what became of it. {@code amount} is what was asked
 * (authorised, or taken at once); of it, {@code captured} was taken and {@code voided} let go; of what
 * was taken, {@code refunded} went back. The {@code …Pending} amounts are reserved by operations sent to
 * the provider and not settled yet: they are never available twice.
 */
record Payment(UUID id, UUID orderId, String provider, Status status, long amount, long captured, long refunded,
        long voided, long capturePending, long refundPending, long voidPending, String providerRef, String detail,
        Instant createdAt) {

    enum Status {
        /** Asked of the provider, no answer yet. */
        PROCESSING,
        /** Waiting for the money (a bank transfer). */
        PENDING,
        AUTHORIZED,
        CAPTURED,
        DECLINED,
        VOIDED,
        REFUNDED,
        /** The provider never gave an answer after every retry: a person must look. */
        FAILED
    }

    /**
     * What the payment holds for the order: money asked and not let go nor about to be (in flight or
     * waiting included, so that two payments racing for one order cannot both be asked for it all).
     */
    long reserved() {
        return switch (status) {
            case PROCESSING, PENDING -> amount;
            case AUTHORIZED -> amount - voided - voidPending;
            case CAPTURED, REFUNDED -> captured - refunded - refundPending;
            default -> 0;
        };
    }

    /** What secures the order (it may be fulfilled): authorised or taken, less what went back. */
    long secured() {
        return switch (status) {
            case AUTHORIZED -> amount - voided;
            case CAPTURED, REFUNDED -> captured - refunded;
            default -> 0;
        };
    }

    /** What can still be captured: the authorisation not captured, let go, or about to be. */
    long capturable() {
        return status == Status.AUTHORIZED ? amount - voided - capturePending - voidPending : 0;
    }

    /** What can still be refunded: taken, not refunded nor about to be. */
    long refundable() {
        return captured - refunded - refundPending;
    }
}
