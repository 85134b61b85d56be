package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.Balance.BALANCE;
import static org.comptoir.inventory.internal.db.tables.Hold.HOLD;
import static org.comptoir.inventory.internal.db.tables.HoldLine.HOLD_LINE;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.comptoir.inventory.internal.db.tables.records.BalanceRecord;
import org.comptoir.platform.persistence.PlannerStatistics;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Balances change only through conditional single-statement updates that return the new row: the
 * check and the change are one atomic step, so two holds can never both take the last unit.
 */
@Repository
class BalanceRepository {

    private final DSLContext db;
    private final PlannerStatistics statistics;
    /**
     * The availability reads, rendered once (see {@link RenderedSql}): they run for every
     * availability answer, cart and order, and rendering them each time cost more than the database
     * took to answer.
     */
    private final RenderedSql ofSkuSql;
    /** By the number of SKUs asked (an IN list of that many parameters). */
    private final Map<Integer, RenderedSql> ofSkusSql = new ConcurrentHashMap<>();
    /** {@link #totals}, by the number of SKUs asked. */
    private final Map<Integer, RenderedSql> totalsSql = new ConcurrentHashMap<>();

    /**
     * Every held line of every cart and order: rendered once, checked at start to take its values in
     * the order {@link #reserve} binds them.
     */
    private final RenderedSql reserveSql;

    BalanceRepository(DSLContext db, PlannerStatistics statistics) {
        this.db = db;
        this.statistics = statistics;
        this.ofSkuSql = RenderedSql.of(db, quantities().where(BALANCE.SKU.eq(DSL.param("sku", String.class))));
        var sku = DSL.param("sku", String.class);
        var location = DSL.param("location", String.class);
        // No updated_at: the hold placed with it tells the stock feed of the change (hold.created_at).
        // Leaving the column indexed for the feed alone lets PostgreSQL update the row in place (a HOT
        // update: no new index entries), which every held line of every order does.
        this.reserveSql = RenderedSql.of(db, db.update(BALANCE)
                .set(BALANCE.RESERVED, BALANCE.RESERVED.plus(DSL.param("quantity", Integer.class)))
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(location),
                        BALANCE.ON_HAND.minus(BALANCE.RESERVED).minus(BALANCE.SAFETY_STOCK)
                                .minus(RingFences.keptFrom(DSL.param("channel", String.class), sku, location))
                                .ge(DSL.param("needed", Integer.class)))
                .returning(BALANCE.SKU, BALANCE.LOCATION_CODE, BALANCE.ON_HAND, BALANCE.RESERVED,
                        BALANCE.SAFETY_STOCK, BALANCE.LOW_STOCK_THRESHOLD),
                "quantity", "sku", "location", "sku", "location", "channel", "needed");
    }

    Optional<Balance> find(String sku, String locationCode) {
        return quantities().where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode))
                .fetchOptional(Records.mapping(Balance::new));
    }

    /** Every location holding the SKU: one range of the primary key. */
    List<Balance> ofSku(String sku) {
        return ofSkuSql.fetch(BalanceRepository::quantities, sku);
    }

    List<Balance> ofSkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        RenderedSql sql = ofSkusSql.computeIfAbsent(skus.size(), n -> RenderedSql.of(db, quantities().where(
                BALANCE.SKU.in(RenderedSql.numbered("sku", n, String.class)))));
        return sql.fetch(BalanceRepository::quantities, skus.toArray());
    }

    /**
     * Per SKU, the sum over its locations but the {@code excluded} of what each holds beyond its
     * safety stock and {@code buffer} (never less than nothing at a location): one row per SKU rather
     * than one per location, for a cart that only asks whether its lines can be had at all. SKUs
     * without a balance outside {@code excluded} are left out.
     */
    Map<String, Integer> totals(Collection<String> skus, Collection<String> excluded, int buffer) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return byKey(totalsSql(skus.size()).fetch(BalanceRepository::total, totalsValues(skus, excluded, buffer)));
    }

    /**
     * The same read sent with the caller's statements, in their round trip: its answer is there once
     * they have run. Nothing is sent for no SKUs.
     */
    Supplier<Map<String, Integer>> totals(Collection<String> skus, Collection<String> excluded, int buffer,
            RenderedSql.Together together) {
        if (skus.isEmpty()) {
            return Map::of;
        }
        var read = together.addRead(totalsSql(skus.size()), BalanceRepository::total,
                totalsValues(skus, excluded, buffer));
        return () -> byKey(read.rows());
    }

    /** A row of {@link #totals}: a SKU and its total. */
    private static Map.Entry<String, Integer> total(ResultSet rs) throws java.sql.SQLException {
        return Map.entry(rs.getString(1), rs.getInt(2));
    }

    private static Map<String, Integer> byKey(List<Map.Entry<String, Integer>> totals) {
        Map<String, Integer> answer = new java.util.HashMap<>();
        totals.forEach(total -> answer.put(total.getKey(), total.getValue()));
        return answer;
    }

    /** {@link #totals}, rendered once per number of SKUs asked. */
    private RenderedSql totalsSql(int skus) {
        return totalsSql.computeIfAbsent(skus, n -> {
            List<String> order = new java.util.ArrayList<>(List.of("buffer"));
            order.addAll(RenderedSql.numberedNames("sku", n));
            order.add("excluded");
            // The locations left out are few (usually none), and a filter: as an index condition, a
            // list of the locations to count costs a descent of the key per SKU and location.
            return RenderedSql.of(db, db.select(BALANCE.SKU, DSL.sum(DSL.greatest(BALANCE.ON_HAND
                                    .minus(BALANCE.RESERVED).minus(BALANCE.SAFETY_STOCK)
                                    .minus(DSL.param("buffer", Integer.class)), DSL.inline(0))))
                    .from(BALANCE)
                    .where(BALANCE.SKU.in(RenderedSql.numbered("sku", n, String.class)),
                            // A template: jOOQ would spell "= any" out as an in-list of the array's values for H2.
                            DSL.not(DSL.condition("{0} = any({1})", BALANCE.LOCATION_CODE,
                                    DSL.param("excluded", String[].class))))
                    .groupBy(BALANCE.SKU), order.toArray(String[]::new));
        });
    }

    private static Object[] totalsValues(Collection<String> skus, Collection<String> excluded, int buffer) {
        Object[] values = new Object[skus.size() + 2];
        values[0] = buffer;
        int i = 1;
        for (String sku : skus) {
            values[i++] = sku;
        }
        values[i] = excluded.toArray(String[]::new);
        return values;
    }

    /**
     * The columns availability reads need, mapped straight to {@link Balance}: the hottest read of the
     * platform skips the timestamp parsing and the updatable record a full row costs.
     */
    private SelectJoinStep<Record6<String, String, Integer, Integer, Integer, Integer>> quantities() {
        return db.select(BALANCE.SKU, BALANCE.LOCATION_CODE, BALANCE.ON_HAND, BALANCE.RESERVED,
                BALANCE.SAFETY_STOCK, BALANCE.LOW_STOCK_THRESHOLD).from(BALANCE);
    }

    List<Balance> at(String locationCode, int limit, String afterSku) {
        return quantities()
                .where(BALANCE.LOCATION_CODE.eq(locationCode))
                .and(afterSku == null ? DSL.noCondition() : BALANCE.SKU.gt(afterSku))
                .orderBy(BALANCE.SKU).limit(limit).fetch(Records.mapping(Balance::new));
    }

    /** Writes initial balances in one batch (a first load: no balance of these exists yet). */
    void insertAll(List<Balance> rows, Instant now) {
        var insert = db.insertInto(BALANCE, BALANCE.SKU, BALANCE.LOCATION_CODE, BALANCE.ON_HAND, BALANCE.RESERVED,
                BALANCE.SAFETY_STOCK, BALANCE.LOW_STOCK_THRESHOLD, BALANCE.UPDATED_AT);
        for (Balance b : rows) {
            insert = insert.values(b.sku(), b.locationCode(), b.onHand(), b.reserved(), b.safetyStock(),
                    b.lowStockThreshold(), now);
        }
        insert.execute();
        statistics.written(rows.size(), BALANCE);
    }

    boolean any() {
        return db.fetchExists(BALANCE);
    }

    /** Whether any of the (location, SKU) pairs has a balance already. */
    boolean anyOf(java.util.Set<String> skus, java.util.Set<String> locations, java.util.Set<String> pairs) {
        return db.select(BALANCE.SKU, BALANCE.LOCATION_CODE).from(BALANCE)
                .where(BALANCE.SKU.in(skus), BALANCE.LOCATION_CODE.in(locations))
                .fetch().stream().anyMatch(r -> pairs.contains(r.value2() + "\u0000" + r.value1()));
    }

    /**
     * Locks a balance row for the rest of the transaction and marks it changed (what a channel is
     * shown of it changes: incremental feeds must send it again).
     */
    void touch(String sku, String locationCode, Instant now) {
        db.update(BALANCE).set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode)).execute();
    }

    /** SKUs with a balance at the given locations, in SKU order, after {@code afterSku}. */
    List<String> skusAt(Collection<String> locations, String afterSku, int limit) {
        return db.selectDistinct(BALANCE.SKU).from(BALANCE)
                .where(BALANCE.LOCATION_CODE.in(locations))
                .and(afterSku == null ? DSL.noCondition() : BALANCE.SKU.gt(afterSku))
                .orderBy(BALANCE.SKU).limit(limit).fetch(BALANCE.SKU);
    }

    /**
     * SKUs whose stock at one of the locations changed at or after {@code since}: a balance written
     * (movements, releases, settings, fences) or a hold placed there, which leaves updated_at alone
     * (see {@link #reserve}).
     */
    List<String> skusChangedAt(Collection<String> locations, Instant since, String afterSku, int limit) {
        var changed = db.select(BALANCE.SKU.as("sku")).from(BALANCE)
                .where(BALANCE.LOCATION_CODE.in(locations), BALANCE.UPDATED_AT.ge(since))
                .union(db.select(HOLD_LINE.SKU).from(HOLD).join(HOLD_LINE).on(HOLD_LINE.HOLD_ID.eq(HOLD.ID))
                        .where(HOLD.CREATED_AT.ge(since), HOLD_LINE.LOCATION_CODE.in(locations)))
                .asTable("changed");
        Field<String> sku = changed.field("sku", String.class);
        return db.select(sku).from(changed)
                .where(afterSku == null ? DSL.noCondition() : sku.gt(afterSku))
                .orderBy(sku).limit(limit).fetch(sku);
    }

    /** Locks balance rows in the global (location, SKU) order, so that holds never deadlock. */
    void lockInOrder(java.util.SortedSet<Hold.Line> rows) {
        for (Hold.Line row : rows) {
            db.select(BALANCE.SKU).from(BALANCE)
                    .where(BALANCE.SKU.eq(row.sku()), BALANCE.LOCATION_CODE.eq(row.locationCode()))
                    .forUpdate().fetch();
        }
    }

    /** Creates the zero balance of a SKU at a location if there is none yet. */
    void ensure(String sku, String locationCode, Instant now) {
        db.insertInto(BALANCE)
                .set(BALANCE.SKU, sku)
                .set(BALANCE.LOCATION_CODE, locationCode)
                .set(BALANCE.ON_HAND, 0)
                .set(BALANCE.RESERVED, 0)
                .set(BALANCE.SAFETY_STOCK, 0)
                .set(BALANCE.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Holds each line's quantity if that much is available beyond the buffer and what other channels'
     * ring-fences keep back there (summed in the same statement): a balance after the change for each
     * line served, empty for each not. The updates go in one round trip and run in the lines' order,
     * which is the lock order of every hold; {@code then} may add writes that need no answer to the
     * same round trip (they are taken back with the transaction when a line is refused).
     */
    List<Optional<Balance>> reserve(List<Hold.Line> lines, int buffer, String channelCode,
            java.util.function.Consumer<RenderedSql.Together> then) {
        var together = RenderedSql.together(db);
        for (Hold.Line line : lines) {
            together.add(reserveSql, line.quantity(), line.sku(), line.locationCode(), line.sku(),
                    line.locationCode(), channelCode, line.quantity() + buffer);
        }
        then.accept(together);
        List<RenderedSql.Row<Balance>> rows = new java.util.ArrayList<>(
                java.util.Collections.nCopies(lines.size(), BalanceRepository::quantities));
        rows.addAll(java.util.Collections.nCopies(together.size() - lines.size(), null));
        return together.fetchEach(rows).subList(0, lines.size()).stream()
                .map(answer -> answer.stream().findFirst()).toList();
    }

    /** Gives held units back (a release, an expiry). */
    Optional<Balance> unreserve(String sku, String locationCode, int quantity, Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.RESERVED, BALANCE.RESERVED.minus(quantity))
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode), BALANCE.RESERVED.ge(quantity))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    /** Turns held units into a sale: they leave on hand and the reservation at once. */
    Optional<Balance> consume(String sku, String locationCode, int quantity, Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.RESERVED, BALANCE.RESERVED.minus(quantity))
                .set(BALANCE.ON_HAND, BALANCE.ON_HAND.minus(quantity))
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode), BALANCE.RESERVED.ge(quantity),
                        BALANCE.ON_HAND.ge(quantity))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    /** Adds {@code delta} to on hand unless that would make it negative. */
    Optional<Balance> adjust(String sku, String locationCode, int delta, Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.ON_HAND, BALANCE.ON_HAND.plus(delta))
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode),
                        BALANCE.ON_HAND.plus(delta).ge(0))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    /** Takes units out of on hand only if they are available (not held, not safety stock). */
    Optional<Balance> takeAvailable(String sku, String locationCode, int quantity, Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.ON_HAND, BALANCE.ON_HAND.minus(quantity))
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode),
                        BALANCE.ON_HAND.minus(BALANCE.RESERVED).minus(BALANCE.SAFETY_STOCK).ge(quantity))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    /** Sets on hand only if it still is what the sender last saw (compare-and-set). */
    Optional<Balance> compareAndSet(String sku, String locationCode, int expected, int value, Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.ON_HAND, value)
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode), BALANCE.ON_HAND.eq(expected))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    Optional<Balance> settings(String sku, String locationCode, int safetyStock, Integer lowStockThreshold,
            Instant now) {
        return db.update(BALANCE)
                .set(BALANCE.SAFETY_STOCK, safetyStock)
                .set(BALANCE.LOW_STOCK_THRESHOLD, lowStockThreshold)
                .set(BALANCE.UPDATED_AT, now)
                .where(BALANCE.SKU.eq(sku), BALANCE.LOCATION_CODE.eq(locationCode))
                .returning()
                .fetchOptional(BalanceRepository::toBalance);
    }

    /** The units of a SKU that can be promised in the whole network. */
    int networkAvailable(String sku) {
        Integer total = db.select(DSL.sum(DSL.greatest(BALANCE.ON_HAND.minus(BALANCE.RESERVED)
                        .minus(BALANCE.SAFETY_STOCK), DSL.inline(0))).cast(Integer.class))
                .from(BALANCE).where(BALANCE.SKU.eq(sku)).fetchOne(0, Integer.class);
        return total == null ? 0 : total;
    }

    /** A row of the quantity columns, in the order {@link #quantities()} selects them. */
    private static Balance quantities(ResultSet rs) throws java.sql.SQLException {
        return new Balance(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                RenderedSql.integer(rs, 6));
    }

    static Balance toBalance(BalanceRecord r) {
        return new Balance(r.getSku(), r.getLocationCode(), r.getOnHand(), r.getReserved(), r.getSafetyStock(),
                r.getLowStockThreshold());
    }
}
