package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.Redemption.REDEMPTION;

import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The coupons a person used. Erasure moves them to the pseudonym, so that the coupon's use still
 * counts against its limits.
 */
@Component
class CouponPersonalData implements PersonalData {

    private final DSLContext db;

    CouponPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "coupons";
    }

    @Override
    public Object export(Subject subject) {
        return Map.of("couponsUsed", db.select(REDEMPTION.COUPON_CODE, REDEMPTION.ORDER_REFERENCE,
                REDEMPTION.DISCOUNT, REDEMPTION.REDEEMED_AT).from(REDEMPTION)
                .where(REDEMPTION.CUSTOMER_REF.in(subject.refs())).orderBy(REDEMPTION.REDEEMED_AT).fetchMaps());
    }

    @Override
    public int erase(Subject subject) {
        return db.update(REDEMPTION).set(REDEMPTION.CUSTOMER_REF, subject.pseudonym())
                .where(REDEMPTION.CUSTOMER_REF.in(subject.refs())).execute();
    }
}
