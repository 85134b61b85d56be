package org.comptoir.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Caller;

/** Orders as other modules (returns) read them, and refunds through an order's payments. */
public interface OrderBook {

    /** A line as sold: {@code gross} is what the customer pays for its units not cancelled. */
    record Line(int lineNo, String sku, int quantity, int cancelled, long gross, int taxRateBp,
            String locationCode) {

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
     * else shipped), null while they have not left; {@code total} is what the order costs (delivery
     * included, cancelled lines not), {@code refunded} what was paid back.
     */
    record Summary(UUID id, String number, String channelCode, String customerRef, String status, String currency,
            String paymentTerms, Instant placedAt, Instant handedOverAt, List<Line> lines, long total,
            long refunded) {}

    Optional<Summary> find(UUID id);

    /** The orders placed under any of these customer references, newest first, at most {@code limit}. */
    List<Summary> ofCustomer(Set<String> customerRefs, int limit);

    Optional<Summary> findByNumber(String number);

    /**
     * Gives back up to {@code amount} through the order's payments, newest first, in the caller's
     * transaction: taken money is refunded, an authorisation not taken yet is let go. The calls to the
     * providers are made once that transaction commits, never if it rolls back. Returns what was given
     * back; less when the order has less to give (a marketplace refunds its own orders).
     */
    long refund(UUID orderId, long amount, String reason, Caller caller);

    /**
     * Goods of the order came back, worth {@code value}: the customer owes that much less. Of it,
     * {@code credited} was given back other than through the order's payments (store credit, an
     * exchange's credit). In the caller's transaction.
     */
    void returned(UUID orderId, long value, long credited, Caller caller);

    /** Where a replacement is sent when it is not taken from the store's shelf. */
    record ShipTo(String line1, String postalCode, String city, String country) {}

    /**
     * A replacement for returned goods: {@code sku} from the store's shelf now ({@code shipTo} null)
     * or reserved and shipped, paid first with {@code credit} (what the returned goods were worth).
     */
    record Exchange(String channelCode, String customerRef, String storeCode, String sku, int quantity,
            ShipTo shipTo, long credit) {}

    /** The replacement's order: what it costs, how much of the credit it used, what is left to pay. */
    record Placed(UUID orderId, String number, String status, long gross, long creditUsed, long due) {}

    /** What the replacement costs now on the channel (delivery included when shipped), nothing held. */
    long price(Exchange exchange);

    /**
     * Places the replacement's order and pays it with the credit as far as it goes, in the caller's
     * transaction: all of it happens or none. Taken from the shelf and fully paid, it is handed over
     * at once; otherwise it waits for the rest of the money like any order.
     */
    Placed placeExchange(Exchange exchange, Caller caller);
}
