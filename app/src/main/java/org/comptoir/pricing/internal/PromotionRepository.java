package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.Coupon.COUPON;
import static org.comptoir.pricing.internal.db.tables.Promotion.PROMOTION;
import static org.comptoir.pricing.internal.db.tables.PromotionSpend.PROMOTION_SPEND;
import static org.comptoir.pricing.internal.db.tables.Redemption.REDEMPTION;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.pricing.internal.db.tables.records.PromotionRecord;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Promotions, their coupons, and what orders used of them. */
@Repository
class PromotionRepository {

    record Coupon(String code, UUID promotionId, Integer usageLimit, Integer perCustomerLimit, int used) {}

    private final DSLContext db;
    private final Snapshot<List<Promotion>> automatic;

    PromotionRepository(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.automatic = new Snapshot<>(topics, "pricing.automatic-promotions", () -> db.selectFrom(PROMOTION)
                .where(PROMOTION.ACTIVE.isTrue(), PROMOTION.REQUIRES_COUPON.isFalse())
                .fetch(PromotionRepository::toPromotion));
    }

    void insert(Promotion p) {
        automatic.changed();
        db.insertInto(PROMOTION).set(record(p)).execute();
    }

    boolean update(Promotion p, int readVersion) {
        automatic.changed();
        PromotionRecord r = record(p);
        r.changed(PROMOTION.ID, false);
        r.changed(PROMOTION.CREATED_AT, false);
        r.changed(PROMOTION.SPENT, false);
        return db.update(PROMOTION).set(r).where(PROMOTION.ID.eq(p.id()), PROMOTION.VERSION.eq(readVersion))
                .execute() == 1;
    }

    Optional<Promotion> find(String code) {
        return db.selectFrom(PROMOTION).where(PROMOTION.CODE.eq(code)).fetchOptional(PromotionRepository::toPromotion);
    }

    List<Promotion> page(int limit, String afterCode) {
        return db.selectFrom(PROMOTION).where(afterCode == null ? DSL.noCondition() : PROMOTION.CODE.gt(afterCode))
                .orderBy(PROMOTION.CODE).limit(limit).fetch(PromotionRepository::toPromotion);
    }

    /**
     * Promotions that apply without a code and are active at {@code at}, from the snapshot (their
     * budgets are enforced again by {@link #spend} when an order is placed).
     */
    List<Promotion> automatic(Instant at) {
        return automatic.get().stream()
                .filter(p -> (p.validFrom() == null || !at.isBefore(p.validFrom()))
                        && (p.validTo() == null || at.isBefore(p.validTo())))
                .toList();
    }

    List<Promotion> byCodes(Collection<String> codes) {
        return db.selectFrom(PROMOTION).where(PROMOTION.CODE.in(codes)).fetch(PromotionRepository::toPromotion);
    }

    List<Promotion> byIds(Collection<UUID> ids) {
        return db.selectFrom(PROMOTION).where(PROMOTION.ID.in(ids)).fetch(PromotionRepository::toPromotion);
    }

    void insertCoupons(UUID promotionId, Collection<String> codes, Integer usageLimit, Integer perCustomerLimit,
            Instant now) {
        db.batch(codes.stream().map(code -> db.insertInto(COUPON).set(COUPON.CODE, code)
                .set(COUPON.PROMOTION_ID, promotionId).set(COUPON.USAGE_LIMIT, usageLimit)
                .set(COUPON.PER_CUSTOMER_LIMIT, perCustomerLimit).set(COUPON.USED, 0).set(COUPON.CREATED_AT, now))
                .toList()).execute();
    }

    /** Which of these codes already exist. */
    Set<String> existingCoupons(Collection<String> codes) {
        return db.select(COUPON.CODE).from(COUPON).where(COUPON.CODE.in(codes)).fetchSet(COUPON.CODE);
    }

    Map<String, Coupon> coupons(Collection<String> codes) {
        return db.selectFrom(COUPON).where(COUPON.CODE.in(codes)).fetchMap(COUPON.CODE,
                r -> new Coupon(r.getCode(), r.getPromotionId(), r.getUsageLimit(), r.getPerCustomerLimit(),
                        r.getUsed()));
    }

    List<Coupon> couponsOf(UUID promotionId, int limit, String afterCode) {
        return db.selectFrom(COUPON)
                .where(COUPON.PROMOTION_ID.eq(promotionId))
                .and(afterCode == null ? DSL.noCondition() : COUPON.CODE.gt(afterCode))
                .orderBy(COUPON.CODE).limit(limit)
                .fetch(r -> new Coupon(r.getCode(), r.getPromotionId(), r.getUsageLimit(), r.getPerCustomerLimit(),
                        r.getUsed()));
    }

    /** How many orders of this customer used the coupon. */
    int redemptions(String couponCode, String customerRef) {
        return db.fetchCount(REDEMPTION, REDEMPTION.COUPON_CODE.eq(couponCode),
                REDEMPTION.CUSTOMER_REF.eq(customerRef));
    }

    boolean redeemed(String couponCode, String orderReference) {
        return db.fetchExists(REDEMPTION, REDEMPTION.COUPON_CODE.eq(couponCode),
                REDEMPTION.ORDER_REFERENCE.eq(orderReference));
    }

    /** Counts one use if the limit allows it; the row stays locked until the order commits. */
    boolean use(String couponCode) {
        return db.update(COUPON).set(COUPON.USED, COUPON.USED.plus(1))
                .where(COUPON.CODE.eq(couponCode), COUPON.USAGE_LIMIT.isNull().or(COUPON.USED.lt(COUPON.USAGE_LIMIT)))
                .execute() == 1;
    }

    void insertRedemption(String couponCode, String orderReference, String customerRef, long discount, Instant now) {
        db.insertInto(REDEMPTION).set(REDEMPTION.COUPON_CODE, couponCode)
                .set(REDEMPTION.ORDER_REFERENCE, orderReference).set(REDEMPTION.CUSTOMER_REF, customerRef)
                .set(REDEMPTION.DISCOUNT, discount).set(REDEMPTION.REDEEMED_AT, now).execute();
    }

    boolean spent(UUID promotionId, String orderReference) {
        return db.fetchExists(PROMOTION_SPEND, PROMOTION_SPEND.PROMOTION_ID.eq(promotionId),
                PROMOTION_SPEND.ORDER_REFERENCE.eq(orderReference));
    }

    /** Spends part of the budget if what is left allows it. */
    boolean spend(UUID promotionId, String orderReference, long amount, Instant now) {
        automatic.changed();
        boolean within = db.update(PROMOTION).set(PROMOTION.SPENT, PROMOTION.SPENT.plus(amount))
                .where(PROMOTION.ID.eq(promotionId),
                        PROMOTION.BUDGET.isNull().or(PROMOTION.SPENT.plus(amount).le(PROMOTION.BUDGET)))
                .execute() == 1;
        if (within) {
            db.insertInto(PROMOTION_SPEND).set(PROMOTION_SPEND.PROMOTION_ID, promotionId)
                    .set(PROMOTION_SPEND.ORDER_REFERENCE, orderReference).set(PROMOTION_SPEND.AMOUNT, amount)
                    .set(PROMOTION_SPEND.SPENT_AT, now).execute();
        }
        return within;
    }

    /** Undoes what an order used: its coupon uses and its share of budgets. */
    void release(String orderReference) {
        automatic.changed();
        for (String coupon : db.select(REDEMPTION.COUPON_CODE).from(REDEMPTION)
                .where(REDEMPTION.ORDER_REFERENCE.eq(orderReference)).fetch(REDEMPTION.COUPON_CODE)) {
            db.update(COUPON).set(COUPON.USED, COUPON.USED.minus(1))
                    .where(COUPON.CODE.eq(coupon), COUPON.USED.gt(0)).execute();
        }
        db.deleteFrom(REDEMPTION).where(REDEMPTION.ORDER_REFERENCE.eq(orderReference)).execute();
        for (var spend : db.select(PROMOTION_SPEND.PROMOTION_ID, PROMOTION_SPEND.AMOUNT).from(PROMOTION_SPEND)
                .where(PROMOTION_SPEND.ORDER_REFERENCE.eq(orderReference)).fetch()) {
            db.update(PROMOTION).set(PROMOTION.SPENT, DSL.greatest(DSL.inline(0L), PROMOTION.SPENT.minus(spend.value2())))
                    .where(PROMOTION.ID.eq(spend.value1())).execute();
        }
        db.deleteFrom(PROMOTION_SPEND).where(PROMOTION_SPEND.ORDER_REFERENCE.eq(orderReference)).execute();
    }

    private PromotionRecord record(Promotion p) {
        PromotionRecord r = db.newRecord(PROMOTION);
        r.setId(p.id());
        r.setCode(p.code());
        r.setPromotionName(p.name());
        r.setKind(p.kind().name());
        r.setTarget(p.target().name());
        r.setTargetCodes(joined(p.targetCodes()));
        r.setPercentBp(p.percentBp());
        r.setAmount(p.amount());
        r.setCurrency(p.currency());
        r.setBuyQuantity(p.buyQuantity());
        r.setGetQuantity(p.getQuantity());
        r.setThreshold(p.threshold());
        r.setChannelCodes(joined(p.channelCodes()));
        r.setCustomerGroup(p.customerGroup());
        r.setValidFrom(p.validFrom());
        r.setValidTo(p.validTo());
        r.setPriority(p.priority());
        r.setStacking(p.stacking().name());
        r.setBudget(p.budget());
        r.setSpent(p.spent());
        r.setRequiresCoupon(p.requiresCoupon());
        r.setActive(p.active());
        r.setVersion(p.version());
        r.setCreatedAt(p.createdAt());
        r.setUpdatedAt(p.updatedAt());
        return r;
    }

    private static Promotion toPromotion(PromotionRecord r) {
        return new Promotion(r.getId(), r.getCode(), r.getPromotionName(), Promotion.Kind.valueOf(r.getKind()),
                Promotion.Target.valueOf(r.getTarget()), split(r.getTargetCodes()), r.getPercentBp(), r.getAmount(),
                r.getCurrency(), r.getBuyQuantity(), r.getGetQuantity(), r.getThreshold(), split(r.getChannelCodes()),
                r.getCustomerGroup(), r.getValidFrom(), r.getValidTo(), r.getPriority(),
                Promotion.Stacking.valueOf(r.getStacking()), r.getBudget(), r.getSpent(), r.getRequiresCoupon(),
                r.getActive(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static String joined(Set<String> codes) {
        return codes.isEmpty() ? null : codes.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String joined) {
        return joined == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(Arrays.asList(joined.split(","))));
    }
}
