package org.comptoir.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.platform.security.Caller;

/** Orders as other modules (returns) read them, and refunds through an order's payments. */
public interface OrderBook {

    /** A line as sold: {@code gross} is what the customer pays for its units not cancelled. */
    record Line(int lineNo, String sku, int quantity, int cancelled, long gross, int taxRateBp) {

        public int open() {
            return quantity - cancelled;
        }

        /** What one unit was paid, discounts included (rounded down: never more than was paid). */
        public long unitGross() {
            return open() == 0 ? 0 : gross / open();
        }
    }

    /**
     * An order: {@code handedOverAt} is when its goods reached the customer (delivered or collected,
     * else shipped), null while they have not left.
     */
    record Summary(UUID id, String number, String channelCode, String customerRef, String status, String currency,
            String paymentTerms, Instant placedAt, Instant handedOverAt, List<Line> lines) {}

    Optional<Summary> find(UUID id);

    Optional<Summary> findByNumber(String number);

    /**
     * Refunds up to {@code amount} through the order's captured payments, newest first, in the
     * caller's transaction (no stock row may be locked yet: providers are called). Returns what was
     * refunded; less when the order has less to refund (a marketplace refunds its own orders).
     */
    long refund(UUID orderId, long amount, String reason, Caller caller);
}
