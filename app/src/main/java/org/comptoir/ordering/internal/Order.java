package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An order as placed on a channel, with its lines, fulfilment groups and where it stands. */
record Order(UUID id, String number, String channelCode, String externalId, String customerRef, UUID cartId,
        Status status, PaymentTerms paymentTerms, PaymentStatus paymentStatus, String currency, String country,
        List<String> codes, Totals totals, long paid, long refunded, UUID holdId, Instant expiresAt, String placedBy,
        Instant placedAt, int version, List<Fulfilment.Group> groups, List<Line> lines, long loyaltyPoints) {

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

    /** What is still to pay (positive) or to refund (negative). */
    long balance() {
        return totals.gross() - paid + refunded;
    }
}
