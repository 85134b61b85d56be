package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.Price.PRICE;
import static org.comptoir.pricing.internal.db.tables.PriceList.PRICE_LIST;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.comptoir.pricing.internal.db.tables.records.PriceListRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class PriceListRepository {

    /** A price and the list it comes from. */
    record ListedPrice(String sku, long amount, Long compareAt, PriceList list) {}

    private final DSLContext db;

    PriceListRepository(DSLContext db) {
        this.db = db;
    }

    void insert(PriceList list, Instant now) {
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
        db.batch(prices.stream().map(p -> db.insertInto(PRICE)
                .set(PRICE.PRICE_LIST_ID, list.id()).set(PRICE.SKU, p.sku()).set(PRICE.AMOUNT, p.amount())
                .set(PRICE.COMPARE_AT, p.compareAt())
                .onConflict(PRICE.SKU, PRICE.PRICE_LIST_ID).doUpdate()
                .set(PRICE.AMOUNT, p.amount()).set(PRICE.COMPARE_AT, p.compareAt())).toList()).execute();
    }

    boolean deletePrice(PriceList list, String sku) {
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
        return db.select(PRICE.SKU, PRICE.AMOUNT, PRICE.COMPARE_AT).select(PRICE_LIST.fields())
                .from(PRICE).join(PRICE_LIST).on(PRICE_LIST.ID.eq(PRICE.PRICE_LIST_ID))
                .where(PRICE.SKU.in(skus), PRICE_LIST.CURRENCY.eq(currency), PRICE_LIST.ACTIVE.isTrue(),
                        PRICE_LIST.VALID_FROM.isNull().or(PRICE_LIST.VALID_FROM.le(at)),
                        PRICE_LIST.VALID_TO.isNull().or(PRICE_LIST.VALID_TO.gt(at)))
                .fetch(r -> new ListedPrice(r.get(PRICE.SKU), r.get(PRICE.AMOUNT), r.get(PRICE.COMPARE_AT),
                        toList(r.into(PRICE_LIST))));
    }

    private static PriceList toList(PriceListRecord r) {
        return new PriceList(r.getId(), r.getCode(), r.getListName(), r.getCurrency(), r.getChannelCode(),
                r.getCustomerGroup(), r.getPriority(), r.getValidFrom(), r.getValidTo(), r.getActive(),
                r.getVersion());
    }
}
