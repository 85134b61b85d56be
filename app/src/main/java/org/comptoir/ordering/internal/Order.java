package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An order as placed on a channel, with its lines, fulfilment groups and where it stands. Its money:
 * {@code paid} was taken, {@code refunded} went back to the payments, {@code returned} is what the goods
 * brought back were worth and {@code credited} what was given for them otherwise (store credit, an
 * exchange's credit). {@code secretHash} is the SHA-256 of the secret its confirmation link carries.
 */
record Order(UUID id, String number, String channelCode, String externalId, String customerRef, UUID cartId,
        Status status, PaymentTerms paymentTerms, PaymentStatus paymentStatus, String currency, String country,
        List<String> codes, Totals totals, long paid, long refunded, UUID holdId, Instant expiresAt, String placedBy,
        Instant placedAt, int version, List<Fulfilment.Group> groups, List<Line> lines, long loyaltyPoints,
        long returned, long credited, String secretHash) {

    enum Status {
        PLACED,
        CONFIRMED,
        IN_FULFILMENT,
        PARTLY_SHIPPED,
        SHIPPED,
        READY_FOR_PICKUP,
        DELIVERED,
        COLLECTED,
        CANCELLED,
        CLOSED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                PLACED, EnumSet.of(CONFIRMED, CANCELLED),
                CONFIRMED, EnumSet.of(IN_FULFILMENT, READY_FOR_PICKUP, COLLECTED, CANCELLED),
                IN_FULFILMENT, EnumSet.of(PARTLY_SHIPPED, SHIPPED, READY_FOR_PICKUP, CANCELLED),
                PARTLY_SHIPPED, EnumSet.of(SHIPPED),
                SHIPPED, EnumSet.of(DELIVERED),
                READY_FOR_PICKUP, EnumSet.of(COLLECTED, CANCELLED),
                DELIVERED, EnumSet.of(CLOSED),
                COLLECTED, EnumSet.of(CLOSED),
                CANCELLED, EnumSet.noneOf(Status.class),
                CLOSED, EnumSet.noneOf(Status.class));

        boolean canMoveTo(Status next) {
            return NEXT.get(this).contains(next);
        }

        /** The stock has left: shipped, delivered or handed over. */
        boolean stockGone() {
            return this == SHIPPED || this == DELIVERED || this == COLLECTED || this == CLOSED;
        }

        /** Lines may still be cancelled or edited: nothing was picked yet. */
        boolean beforeFulfilment() {
            return this == PLACED || this == CONFIRMED;
        }
    }

    /** When the order must be paid. */
    enum PaymentTerms {
        /** Paid at checkout; expires unpaid after the configured time. */
        PAY_NOW,
        /** Reserve & collect: paid in the store; expires if not collected. */
        PAY_AT_PICKUP,
        /** Paid elsewhere (a marketplace collected the money). */
        PREPAID
    }

    enum PaymentStatus {
        AWAITING,
        AUTHORIZED,
        PAID,
        PARTLY_REFUNDED,
        REFUNDED,
        NOT_REQUIRED
    }

    record Totals(long listTotal, long discount, long delivery, long net, long tax, long gross) {}

    record Line(int lineNo, String sku, String group, String locationCode, int quantity, int cancelled,
            long unitPrice, long discount, long total, int taxRateBp, long net, long tax, long gross) {

        int open() {
            return quantity - cancelled;
        }
    }

    /** What the customer owes for it: nothing once cancelled, less what they brought back. */
    long owed() {
        return status == Status.CANCELLED ? 0 : totals.gross() - returned;
    }

    /**
     * What the order's payments should hold: what is owed, and what was given back for returned goods
     * other than through them (store credit, an exchange's credit), which they keep.
     */
    long heldByPayments() {
        return owed() + credited;
    }

    /** What is still to pay (positive) or to give back (negative): owed, less what was kept of what was paid. */
    long balance() {
        return owed() - (paid - refunded - credited);
    }

    /** True when a line is taken from the location, or a group is collected there. */
    boolean involves(String locationCode) {
        return lines.stream().anyMatch(l -> locationCode.equals(l.locationCode()))
                || groups.stream().anyMatch(g -> locationCode.equals(g.locationCode()));
    }
}
