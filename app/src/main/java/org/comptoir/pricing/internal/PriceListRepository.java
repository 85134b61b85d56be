package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.Price.PRICE;
import static org.comptoir.pricing.internal.db.tables.PriceList.PRICE_LIST;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.KeyedSnapshot;
import org.comptoir.platform.persistence.PlannerStatistics;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.persistence.Snapshot;
import org.comptoir.pricing.internal.db.tables.records.PriceListRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class PriceListRepository {

    /** A price and the list it comes from. */
    record ListedPrice(String sku, long amount, Long compareAt, PriceList list) {}

    private final DSLContext db;
    private final PlannerStatistics statistics;
    /**
     * The lists themselves are reference data (a handful, changed by hand): kept in memory like VAT
     * rates.
     */
    private final Snapshot<Map<UUID, PriceList>> lists;
    /**
     * The price rows of each SKU, read by every quote (each cart change, each order): kept as the lists
     * are, so that a price changed on another node is used within the same few seconds as a list
     * changed there. Every price written on this node forgets them.
     */
    private final KeyedSnapshot<List<PriceRow>> rows;

    private record PriceRow(String sku, long amount, Long compareAt, UUID listId) {}
    /** The prices of n SKUs, rendered once per n (every quote asks). */
    private final Map<Integer, RenderedSql> pricesOf = new ConcurrentHashMap<>();

    PriceListRepository(DSLContext db, PlannerStatistics statistics, CacheTopics topics) {
        this.rows = new KeyedSnapshot<>(topics, "pricing.price-rows", 500_000);
        this.db = db;
        this.statistics = statistics;
        this.lists = new Snapshot<>(topics, "pricing.price-lists",
                () -> db.selectFrom(PRICE_LIST).fetch(PriceListRepository::toList).stream()
                        .collect(Collectors.toUnmodifiableMap(PriceList::id, list -> list)));
    }

    void insert(PriceList list, Instant now) {
        lists.changed();
        db.insertInto(PRICE_LIST)
                .set(PRICE_LIST.ID, list.id()).set(PRICE_LIST.CODE, list.code()).set(PRICE_LIST.LIST_NAME, list.name())
                .set(PRICE_LIST.CURRENCY, list.currency()).set(PRICE_LIST.CHANNEL_CODE, list.channelCode())
                .set(PRICE_LIST.CUSTOMER_GROUP, list.customerGroup()).set(PRICE_LIST.PRIORITY, list.priority())
                .set(PRICE_LIST.VALID_FROM, list.validFrom()).set(PRICE_LIST.VALID_TO, list.validTo())
                .set(PRICE_LIST.ACTIVE, list.active()).set(PRICE_LIST.VERSION, list.version())
                .set(PRICE_LIST.CREATED_AT, now).set(PRICE_LIST.UPDATED_AT, now)
                .execute();
    }

    /** Writes the new state if the stored version is still the one read; false when it moved on. */
    boolean update(PriceList list, int readVersion, Instant now) {
        lists.changed();
        return db.update(PRICE_LIST)
                .set(PRICE_LIST.LIST_NAME, list.name()).set(PRICE_LIST.CHANNEL_CODE, list.channelCode())
                .set(PRICE_LIST.CUSTOMER_GROUP, list.customerGroup()).set(PRICE_LIST.PRIORITY, list.priority())
                .set(PRICE_LIST.VALID_FROM, list.validFrom()).set(PRICE_LIST.VALID_TO, list.validTo())
                .set(PRICE_LIST.ACTIVE, list.active()).set(PRICE_LIST.VERSION, list.version())
                .set(PRICE_LIST.UPDATED_AT, now)
                .where(PRICE_LIST.ID.eq(list.id()), PRICE_LIST.VERSION.eq(readVersion))
                .execute() == 1;
    }

    Optional<PriceList> find(String code) {
        return db.selectFrom(PRICE_LIST).where(PRICE_LIST.CODE.eq(code)).fetchOptional(PriceListRepository::toList);
    }

    List<PriceList> page(int limit, String afterCode) {
        return db.selectFrom(PRICE_LIST)
                .where(afterCode == null ? DSL.noCondition() : PRICE_LIST.CODE.gt(afterCode))
                .orderBy(PRICE_LIST.CODE).limit(limit).fetch(PriceListRepository::toList);
    }

    /** Inserts or replaces the prices of a list, in one statement per price, batched. */
    void upsert(PriceList list, List<PricingPayloads.PricePayload> prices) {
        rows.changed();
        db.batch(prices.stream().map(p -> db.insertInto(PRICE)
                .set(PRICE.PRICE_LIST_ID, list.id()).set(PRICE.SKU, p.sku()).set(PRICE.AMOUNT, p.amount())
                .set(PRICE.COMPARE_AT, p.compareAt())
                .onConflict(PRICE.SKU, PRICE.PRICE_LIST_ID).doUpdate()
                .set(PRICE.AMOUNT, p.amount()).set(PRICE.COMPARE_AT, p.compareAt())).toList()).execute();
        statistics.written(prices.size(), PRICE);
    }

    boolean deletePrice(PriceList list, String sku) {
        rows.changed();
        return db.deleteFrom(PRICE).where(PRICE.PRICE_LIST_ID.eq(list.id()), PRICE.SKU.eq(sku)).execute() == 1;
    }

    List<ListedPrice> prices(PriceList list, int limit, String afterSku) {
        return db.select(PRICE.SKU, PRICE.AMOUNT, PRICE.COMPARE_AT).from(PRICE)
                .where(PRICE.PRICE_LIST_ID.eq(list.id()))
                .and(afterSku == null ? DSL.noCondition() : PRICE.SKU.gt(afterSku))
                .orderBy(PRICE.SKU).limit(limit)
                .fetch(r -> new ListedPrice(r.value1(), r.value2(), r.value3(), list));
    }

    /**
     * Every price of these SKUs in the currency, from the lists active at {@code at}: the caller picks
     * the one that applies to its channel and group. One query, one index range per SKU.
     */
    List<ListedPrice> candidates(Collection<String> skus, String currency, Instant at) {
        if (skus.isEmpty()) {
            return List.of();
        }
        Map<String, List<PriceRow>> bySku = rows.get(skus, this::load);
        Map<UUID, PriceList> snapshot = lists.get();
        if (bySku.values().stream().flatMap(List::stream).anyMatch(row -> !snapshot.containsKey(row.listId()))) {
            // A list made on another node since the snapshot was taken.
            lists.changed();
        }
        Map<UUID, PriceList> known = lists.get();
        List<ListedPrice> open = new ArrayList<>();
        for (String sku : skus) {
            for (PriceRow row : bySku.getOrDefault(sku, List.of())) {
                PriceList list = known.get(row.listId());
                if (list != null && list.active() && list.currency().equals(currency)
                        && (list.validFrom() == null || !list.validFrom().isAfter(at))
                        && (list.validTo() == null || list.validTo().isAfter(at))) {
                    open.add(new ListedPrice(row.sku(), row.amount(), row.compareAt(), list));
                }
            }
        }
        return open;
    }

    /** The price rows of the SKUs that have some, in every list. */
    private Map<String, List<PriceRow>> load(Collection<String> skus) {
        RenderedSql sql = pricesOf.computeIfAbsent(skus.size(), n -> RenderedSql.of(db,
                db.select(PRICE.SKU, PRICE.AMOUNT, PRICE.COMPARE_AT, PRICE.PRICE_LIST_ID).from(PRICE)
                        .where(PRICE.SKU.in(RenderedSql.numbered("sku", n, String.class)))));
        return sql.fetch(rs -> new PriceRow(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class),
                rs.getObject(4, UUID.class)), skus.toArray()).stream()
                .collect(Collectors.groupingBy(PriceRow::sku, Collectors.toUnmodifiableList()));
    }

    private static PriceList toList(PriceListRecord r) {
        return new PriceList(r.getId(), r.getCode(), r.getListName(), r.getCurrency(), r.getChannelCode(),
                r.getCustomerGroup(), r.getPriority(), r.getValidFrom(), r.getValidTo(), r.getActive(),
                r.getVersion());
    }
}
