package org.comptoir.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.security.Caller;

/**
 * The stock pool as other modules use it (carts and orders). Every method joins the caller's
 * transaction: an order that fails after its hold rolls the hold back with it.
 */
public interface Inventory {

    /** What is held and why. */
    enum HoldKind {
        CART,
        ORDER,
        PERSON
    }

    /** Units of a SKU at a location. */
    record StockLine(String locationCode, String sku, int quantity) {}

    /** A hold to place; {@code expiresAt} null means the kind's default (orders never expire by themselves). */
    record StockHold(HoldKind kind, String reference, String channelCode, Instant expiresAt, String note,
            List<StockLine> lines) {}

    /**
     * What the channel can promise of each SKU at each location it sells from (buffers, ring-fences
     * and safety stock applied); locations with nothing are left out.
     */
    Map<String, Map<String, Integer>> available(String channelCode, Collection<String> skus);

    /**
     * The same by location, then SKU: for routing, which weighs locations rather than SKUs, without
     * turning the answer around on every order. A location appears once it can promise some of one SKU.
     */
    Map<String, Map<String, Integer>> availableByLocation(String channelCode, Collection<String> skus);

    /** The same added up over the locations, per SKU: what the channel can promise of it anywhere. */
    Map<String, Integer> availableAnywhere(String channelCode, Collection<String> skus);

    /**
     * {@link #availableAnywhere} read in the round trip of the caller's statements: the answer is there
     * once they have run (where ring-fences must be weighed location by location, it is read when
     * asked). For a caller that would otherwise ask the database twice in a row.
     */
    Supplier<Map<String, Integer>> availableAnywhere(String channelCode, Collection<String> skus,
            RenderedSql.Together together);

    /**
     * Holds every line or none; rows are locked in the global (location, SKU) order.
     *
     * @throws OutOfStock when a line cannot be promised
     */
    UUID hold(StockHold hold, Caller caller);

    /**
     * {@link #hold} under the id the caller chose, with the caller's statements sent in the round trip
     * that reserves the stock: for a caller recording, in the same transaction, what the hold is for.
     * When a line is short they have run too; the {@link OutOfStock} must roll them back with the
     * transaction (or a savepoint), as it does the lines already reserved.
     */
    void hold(UUID id, StockHold hold, Caller caller, Consumer<RenderedSql.Together> alsoSend);

    /** A location able to hand the SKU over near a point, nearest first. */
    record Nearby(String locationCode, String name, int available, double distanceKm, boolean openNow) {}

    /**
     * Locations that can hand the SKU over within {@code radiusKm} of a point for the channel (pickup
     * capability, allowed for the channel), with what they have, nearest first.
     */
    java.util.List<Nearby> near(String sku, String channelCode, org.comptoir.network.GeoPoint point, double radiusKm);

    /**
     * When the SKU is next expected at a location of the channel that has none left (a warehouse's next
     * delivery): empty when no such location expects any.
     */
    java.util.Optional<java.time.LocalDate> backOn(String sku, String channelCode);

    /**
     * For each SKU the channel has none of anywhere, when it is next expected (the earliest delivery at
     * one of its locations); SKUs in stock or expected nowhere are left out. For a list of many.
     */
    Map<String, java.time.LocalDate> expectedBack(String channelCode, Collection<String> skus);

    /**
     * Releases an active hold and places another in its stead, with every row of both locked first in
     * the global order: crossing replacements never deadlock.
     *
     * @throws OutOfStock when a line of the new hold cannot be promised (the old one then stays)
     */
    UUID replace(UUID holdId, StockHold hold, Caller caller);

    /**
     * The stock a person's hold keeps (an agent's "kept for you at Boulogne until tomorrow") becomes an
     * order's at the till, in one step: the hold is replaced by the order's, its units never free in
     * between, whatever else the order adds. The caller must see the hold (a store's key: its store's).
     *
     * @throws org.comptoir.platform.web.ApiProblem 404 for a hold the caller does not see, 409 for one no
     *     longer active or not a person's
     * @throws OutOfStock when a line of the order cannot be promised (the person's hold then stays)
     */
    UUID takeOver(UUID holdId, StockHold hold, Caller caller);

    /** Turns a hold into sales (ledger movements). */
    void confirm(UUID holdId);

    /** Gives a whole hold back; harmless if it is already released or expired. */
    void release(UUID holdId);

    /** Gives part of a hold back (a cancelled order line); the rest stays held. */
    void releasePart(UUID holdId, StockLine part);

    /**
     * Units a customer brought back, fit to sell again, go back on hand at the location that received
     * them (a RETURN movement; the same {@code reference} twice records it once).
     */
    void returned(StockLine line, String reference, String reason, Caller caller);
}
