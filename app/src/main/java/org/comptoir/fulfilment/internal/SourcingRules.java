package org.comptoir.fulfilment.internal;

import static org.comptoir.fulfilment.internal.db.tables.LocationCapacity.LOCATION_CAPACITY;
import static org.comptoir.fulfilment.internal.db.tables.SourcingRule.SOURCING_RULE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.fulfilment.internal.db.tables.records.SourcingRuleRecord;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Sourcing rules per channel and method, and the daily capacity of locations. */
@Repository
class SourcingRules {

    /** Applies to every channel that has no rule of its own for the method. */
    static final String ANY_CHANNEL = "*";

    /** A stored rule with what it applies to. */
    record StoredRule(String channelCode, DeliveryMethod method, SourcingEngine.Rule rule, String updatedBy,
            Instant updatedAt) {}

    record Capacity(String locationCode, int dailyOrders, Instant updatedAt) {}

    private final DSLContext db;
    /** Every order is routed with them: read from memory, refreshed on change and every few seconds. */
    private final Snapshot<List<StoredRule>> cachedRules;
    private final Snapshot<Map<String, Integer>> cachedCapacities;

    SourcingRules(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.cachedRules = new Snapshot<>(topics, "fulfilment.sourcing-rules", this::all);
        this.cachedCapacities = new Snapshot<>(topics, "fulfilment.location-capacities",
                () -> db.select(LOCATION_CAPACITY.LOCATION_CODE, LOCATION_CAPACITY.DAILY_ORDERS)
                        .from(LOCATION_CAPACITY)
                        .fetchMap(LOCATION_CAPACITY.LOCATION_CODE, LOCATION_CAPACITY.DAILY_ORDERS));
    }

    /** The channel's rule for the method, else the rule for every channel, else none. */
    Optional<StoredRule> applicable(String channelCode, DeliveryMethod method) {
        StoredRule any = null;
        for (StoredRule rule : cachedRules.get()) {
            if (rule.method() == method) {
                if (rule.channelCode().equals(channelCode)) {
                    return Optional.of(rule);
                }
                if (rule.channelCode().equals(ANY_CHANNEL)) {
                    any = rule;
                }
            }
        }
        return Optional.ofNullable(any);
    }

    List<StoredRule> all() {
        return db.selectFrom(SOURCING_RULE).orderBy(SOURCING_RULE.CHANNEL_CODE, SOURCING_RULE.METHOD)
                .fetch(SourcingRules::toRule);
    }

    Optional<StoredRule> find(String channelCode, DeliveryMethod method) {
        return db.selectFrom(SOURCING_RULE)
                .where(SOURCING_RULE.CHANNEL_CODE.eq(channelCode), SOURCING_RULE.METHOD.eq(method.name()))
                .fetchOptional(SourcingRules::toRule);
    }

    void put(StoredRule r) {
        cachedRules.changed();
        var rule = r.rule();
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(SOURCING_RULE.MAX_LOCATIONS, rule.maxLocations());
        values.put(SOURCING_RULE.MAX_DISTANCE_KM, rule.maxDistanceKm());
        values.put(SOURCING_RULE.MIN_STORE_STOCK, rule.minStoreStock());
        values.put(SOURCING_RULE.WEIGHT_DISTANCE, rule.weightDistance());
        values.put(SOURCING_RULE.WEIGHT_COST, rule.weightCost());
        values.put(SOURCING_RULE.WEIGHT_WORKLOAD, rule.weightWorkload());
        values.put(SOURCING_RULE.WEIGHT_DEPTH, rule.weightDepth());
        values.put(SOURCING_RULE.COST_WAREHOUSE, rule.costWarehouse());
        values.put(SOURCING_RULE.COST_STORE, rule.costStore());
        values.put(SOURCING_RULE.UPDATED_BY, r.updatedBy());
        values.put(SOURCING_RULE.UPDATED_AT, r.updatedAt());
        db.insertInto(SOURCING_RULE)
                .set(SOURCING_RULE.CHANNEL_CODE, r.channelCode())
                .set(SOURCING_RULE.METHOD, r.method().name())
                .set(values)
                .onConflict(SOURCING_RULE.CHANNEL_CODE, SOURCING_RULE.METHOD).doUpdate()
                .set(values)
                .execute();
    }

    boolean delete(String channelCode, DeliveryMethod method) {
        cachedRules.changed();
        return db.deleteFrom(SOURCING_RULE)
                .where(SOURCING_RULE.CHANNEL_CODE.eq(channelCode), SOURCING_RULE.METHOD.eq(method.name()))
                .execute() == 1;
    }

    Map<String, Integer> capacities() {
        return cachedCapacities.get();
    }

    List<Capacity> capacityList() {
        return db.selectFrom(LOCATION_CAPACITY).orderBy(LOCATION_CAPACITY.LOCATION_CODE)
                .fetch(r -> new Capacity(r.getLocationCode(), r.getDailyOrders(), r.getUpdatedAt()));
    }

    void setCapacity(String locationCode, int dailyOrders, Instant now) {
        cachedCapacities.changed();
        db.insertInto(LOCATION_CAPACITY)
                .set(LOCATION_CAPACITY.LOCATION_CODE, locationCode)
                .set(LOCATION_CAPACITY.DAILY_ORDERS, dailyOrders)
                .set(LOCATION_CAPACITY.UPDATED_AT, now)
                .onConflict(LOCATION_CAPACITY.LOCATION_CODE).doUpdate()
                .set(LOCATION_CAPACITY.DAILY_ORDERS, dailyOrders)
                .set(LOCATION_CAPACITY.UPDATED_AT, now)
                .execute();
    }

    boolean removeCapacity(String locationCode) {
        cachedCapacities.changed();
        return db.deleteFrom(LOCATION_CAPACITY).where(LOCATION_CAPACITY.LOCATION_CODE.eq(locationCode)).execute() == 1;
    }

    private static StoredRule toRule(SourcingRuleRecord r) {
        return new StoredRule(r.getChannelCode(), DeliveryMethod.valueOf(r.getMethod()),
                new SourcingEngine.Rule(r.getMaxLocations(), r.getMaxDistanceKm(), r.getMinStoreStock(),
                        r.getWeightDistance(), r.getWeightCost(), r.getWeightWorkload(), r.getWeightDepth(),
                        r.getCostWarehouse(), r.getCostStore()), r.getUpdatedBy(), r.getUpdatedAt());
    }
}
