package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.RingFence.RING_FENCE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Ring-fences: units of a SKU at a location kept for one channel. Holds of other channels must leave
 * them (the condition is part of the reserving update itself); holds of the owner draw them down
 * first and give them back on release. Reads use an in-memory snapshot, refreshed on change here and
 * every few seconds for changes made on other nodes.
 */
@Component
class RingFences {

    /** The location code of a fence kept across all the locations its channel sells from. */
    static final String NETWORK = "*";

    /** A ring-fence as listed. */
    record Fence(String channelCode, String locationCode, String sku, int quantity, int remaining) {}

    private final DSLContext db;
    /** Fences by SKU, then by location: most SKUs have none, and a read of those costs one lookup. */
    private final Snapshot<Map<String, Map<String, List<Fence>>>> snapshot;
    /** {@link #networkFencesOfOthers} by SKU count, read and locking. */
    private final Map<Integer, RenderedSql> network = new ConcurrentHashMap<>();
    private final Map<Integer, RenderedSql> networkLocking = new ConcurrentHashMap<>();

    RingFences(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.snapshot = new Snapshot<>(topics, "inventory.ring-fences", this::load);
    }

    /** What other channels' fences keep back at a location, as a sub-query of the reserving update. */
    static Field<Integer> keptFrom(Field<String> channelCode, Field<String> sku, Field<String> locationCode) {
        return DSL.field(DSL.select(DSL.coalesce(DSL.sum(RING_FENCE.REMAINING), DSL.inline(0)).cast(Integer.class))
                .from(RING_FENCE)
                .where(RING_FENCE.SKU.eq(sku), RING_FENCE.LOCATION_CODE.eq(locationCode),
                        RING_FENCE.CHANNEL_CODE.ne(channelCode)));
    }

    /** The same from the snapshot, for availability reads. */
    int keptFromCached(String channelCode, String sku, String locationCode) {
        int kept = 0;
        Map<String, List<Fence>> ofSku = fresh().get(sku);
        if (ofSku == null) {
            return 0;
        }
        for (Fence fence : ofSku.getOrDefault(locationCode, List.of())) {
            if (!fence.channelCode().equals(channelCode)) {
                kept += fence.remaining();
            }
        }
        return kept;
    }

    /** Whether any fence (of any channel, anywhere) is kept on one of the SKUs, from the snapshot. */
    boolean anyOn(java.util.Collection<String> skus) {
        var fenced = fresh();
        for (String sku : skus) {
            if (fenced.containsKey(sku)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Network-wide fences of other channels on these SKUs, locked when asked, in primary-key order.
     * Every hold asks, and most find none: the statement is rendered once per SKU count and lock mode.
     */
    List<Fence> networkFencesOfOthers(String channelCode, java.util.Collection<String> skus, boolean lock) {
        RenderedSql sql = (lock ? networkLocking : network).computeIfAbsent(skus.size(), n -> {
            var query = db.selectFrom(RING_FENCE)
                    .where(RING_FENCE.SKU.in(RenderedSql.numbered("sku", n, String.class)),
                            RING_FENCE.LOCATION_CODE.eq(DSL.inline(NETWORK)),
                            RING_FENCE.CHANNEL_CODE.ne(DSL.param("channel", String.class)),
                            RING_FENCE.REMAINING.gt(DSL.inline(0)))
                    .orderBy(RING_FENCE.SKU, RING_FENCE.LOCATION_CODE, RING_FENCE.CHANNEL_CODE);
            List<String> order = new ArrayList<>(RenderedSql.numberedNames("sku", n));
            order.add("channel");
            return RenderedSql.of(db, lock ? query.forUpdate() : query, order.toArray(String[]::new));
        });
        Object[] values = new Object[skus.size() + 1];
        int i = 0;
        for (String sku : skus) {
            values[i++] = sku;
        }
        values[i] = channelCode;
        return sql.fetch(rs -> new Fence(rs.getString(RING_FENCE.CHANNEL_CODE.getName()),
                rs.getString(RING_FENCE.LOCATION_CODE.getName()), rs.getString(RING_FENCE.SKU.getName()),
                rs.getInt(RING_FENCE.QUANTITY.getName()), rs.getInt(RING_FENCE.REMAINING.getName())), values);
    }

    /** What other channels keep of a SKU across the network, from the snapshot (for reads). */
    int networkKeptCached(String channelCode, String sku) {
        return keptFromCached(channelCode, sku, NETWORK);
    }

    /** Takes up to {@code quantity} from the channel's own fence (the row is locked); returns what it took. */
    int draw(String channelCode, String sku, String locationCode, int quantity) {
        if (!fresh().containsKey(sku)) {
            // Most SKUs have no fence: no row to lock. A fence made on another node in the last few
            // seconds is missed at worst, and then the owner's hold takes free stock instead.
            return 0;
        }
        Integer remaining = db.select(RING_FENCE.REMAINING).from(RING_FENCE)
                .where(RING_FENCE.SKU.eq(sku), RING_FENCE.LOCATION_CODE.eq(locationCode),
                        RING_FENCE.CHANNEL_CODE.eq(channelCode))
                .forUpdate().fetchOne(RING_FENCE.REMAINING);
        if (remaining == null || remaining == 0) {
            return 0;
        }
        int taken = Math.min(remaining, quantity);
        db.update(RING_FENCE).set(RING_FENCE.REMAINING, RING_FENCE.REMAINING.minus(taken))
                .where(RING_FENCE.SKU.eq(sku), RING_FENCE.LOCATION_CODE.eq(locationCode),
                        RING_FENCE.CHANNEL_CODE.eq(channelCode))
                .execute();
        snapshot.changed();
        return taken;
    }

    /** Gives released units back to the fence they came from (never above its quantity). */
    void giveBack(String channelCode, String sku, String locationCode, int quantity) {
        db.update(RING_FENCE).set(RING_FENCE.REMAINING, DSL.least(RING_FENCE.QUANTITY,
                        RING_FENCE.REMAINING.plus(quantity)))
                .where(RING_FENCE.SKU.eq(sku), RING_FENCE.LOCATION_CODE.eq(locationCode),
                        RING_FENCE.CHANNEL_CODE.eq(channelCode))
                .execute();
        snapshot.changed();
    }

    /** Sets a fence to {@code quantity}, all of it remaining. */
    void set(String channelCode, String sku, String locationCode, int quantity) {
        db.insertInto(RING_FENCE)
                .set(RING_FENCE.CHANNEL_CODE, channelCode)
                .set(RING_FENCE.LOCATION_CODE, locationCode)
                .set(RING_FENCE.SKU, sku)
                .set(RING_FENCE.QUANTITY, quantity)
                .set(RING_FENCE.REMAINING, quantity)
                .onConflict(RING_FENCE.SKU, RING_FENCE.LOCATION_CODE, RING_FENCE.CHANNEL_CODE).doUpdate()
                .set(RING_FENCE.QUANTITY, quantity)
                .set(RING_FENCE.REMAINING, quantity)
                .execute();
        snapshot.changed();
    }

    boolean remove(String channelCode, String sku, String locationCode) {
        boolean removed = db.deleteFrom(RING_FENCE).where(RING_FENCE.SKU.eq(sku),
                RING_FENCE.LOCATION_CODE.eq(locationCode), RING_FENCE.CHANNEL_CODE.eq(channelCode)).execute() == 1;
        snapshot.changed();
        return removed;
    }

    List<Fence> of(String channelCode) {
        return db.selectFrom(RING_FENCE).where(RING_FENCE.CHANNEL_CODE.eq(channelCode))
                .orderBy(RING_FENCE.SKU, RING_FENCE.LOCATION_CODE)
                .fetch(r -> new Fence(r.getChannelCode(), r.getLocationCode(), r.getSku(), r.getQuantity(),
                        r.getRemaining()));
    }

    private Map<String, Map<String, List<Fence>>> fresh() {
        return snapshot.get();
    }

    private Map<String, Map<String, List<Fence>>> load() {
        Map<String, Map<String, List<Fence>>> all = new HashMap<>();
        db.selectFrom(RING_FENCE).forEach(r -> all.computeIfAbsent(r.getSku(), k -> new HashMap<>())
                .computeIfAbsent(r.getLocationCode(), k -> new java.util.ArrayList<>())
                .add(new Fence(r.getChannelCode(), r.getLocationCode(), r.getSku(), r.getQuantity(), r.getRemaining())));
        return all;
    }

}
