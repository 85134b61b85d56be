package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.CustomerStats.CUSTOMER_STATS;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** What orders say of each profile, and RFM scores relative to every other customer. */
@Repository
class StatsRepository {

    /**
     * Orders and spend on every channel; {@code recency}, {@code frequency}, {@code monetary} are
     * quintiles (5 best) among customers who ordered, null until the first scoring pass.
     */
    record Stats(UUID customerId, int orders, long spent, String currency, Instant firstOrderAt, Instant lastOrderAt,
            String channels, String stores, Integer recency, Integer frequency, Integer monetary, Instant updatedAt) {}

    private final DSLContext db;

    StatsRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Stats> find(UUID customerId) {
        return db.selectFrom(CUSTOMER_STATS).where(CUSTOMER_STATS.CUSTOMER_ID.eq(customerId))
                .fetchOptional(r -> new Stats(r.getCustomerId(), r.getOrders(), r.getSpent(), r.getCurrency(),
                        r.getFirstOrderAt(), r.getLastOrderAt(), r.getChannels(), r.getStores(), r.getRecency(),
                        r.getFrequency(), r.getMonetary(), r.getUpdatedAt()));
    }

    /** Writes the counts, keeping the scores of the last pass. */
    void save(Stats s) {
        db.mergeInto(CUSTOMER_STATS).using(DSL.selectOne())
                .on(CUSTOMER_STATS.CUSTOMER_ID.eq(s.customerId()))
                .whenMatchedThenUpdate().set(CUSTOMER_STATS.ORDERS, s.orders()).set(CUSTOMER_STATS.SPENT, s.spent())
                .set(CUSTOMER_STATS.CURRENCY, s.currency()).set(CUSTOMER_STATS.FIRST_ORDER_AT, s.firstOrderAt())
                .set(CUSTOMER_STATS.LAST_ORDER_AT, s.lastOrderAt()).set(CUSTOMER_STATS.CHANNELS, s.channels())
                .set(CUSTOMER_STATS.STORES, s.stores()).set(CUSTOMER_STATS.UPDATED_AT, s.updatedAt())
                .whenNotMatchedThenInsert(CUSTOMER_STATS.CUSTOMER_ID, CUSTOMER_STATS.ORDERS, CUSTOMER_STATS.SPENT,
                        CUSTOMER_STATS.CURRENCY, CUSTOMER_STATS.FIRST_ORDER_AT, CUSTOMER_STATS.LAST_ORDER_AT,
                        CUSTOMER_STATS.CHANNELS, CUSTOMER_STATS.STORES, CUSTOMER_STATS.UPDATED_AT)
                .values(s.customerId(), s.orders(), s.spent(), s.currency(), s.firstOrderAt(), s.lastOrderAt(),
                        s.channels(), s.stores(), s.updatedAt())
                .execute();
    }

    void delete(Collection<UUID> customerIds) {
        db.deleteFrom(CUSTOMER_STATS).where(CUSTOMER_STATS.CUSTOMER_ID.in(customerIds)).execute();
    }

    /** RFM: every customer who ordered gets quintile scores, in one statement. */
    int score() {
        Table<?> ranked = DSL.select(CUSTOMER_STATS.CUSTOMER_ID,
                        DSL.ntile(5).over(DSL.orderBy(CUSTOMER_STATS.LAST_ORDER_AT)).as("r"),
                        DSL.ntile(5).over(DSL.orderBy(CUSTOMER_STATS.ORDERS)).as("f"),
                        DSL.ntile(5).over(DSL.orderBy(CUSTOMER_STATS.SPENT)).as("m"))
                .from(CUSTOMER_STATS).where(CUSTOMER_STATS.ORDERS.gt(0)).asTable("ranked");
        var id = DSL.field(DSL.name("ranked", "customer_id"), UUID.class);
        return db.mergeInto(CUSTOMER_STATS).using(ranked).on(CUSTOMER_STATS.CUSTOMER_ID.eq(id))
                .whenMatchedThenUpdate()
                .set(CUSTOMER_STATS.RECENCY, DSL.field(DSL.name("ranked", "r"), Integer.class))
                .set(CUSTOMER_STATS.FREQUENCY, DSL.field(DSL.name("ranked", "f"), Integer.class))
                .set(CUSTOMER_STATS.MONETARY, DSL.field(DSL.name("ranked", "m"), Integer.class))
                .execute();
    }
}
