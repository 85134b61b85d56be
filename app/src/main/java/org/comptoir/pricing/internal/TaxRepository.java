package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.DeliveryFee.DELIVERY_FEE;
import static org.comptoir.pricing.internal.db.tables.TaxRate.TAX_RATE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.catalog.TaxClass;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** VAT rates per country and tax class, and delivery fees per method and currency. */
@Repository
class TaxRepository {

    record TaxRate(String country, TaxClass taxClass, int rateBp) {}

    record Fee(String method, String currency, long amount, TaxClass taxClass) {}

    private final DSLContext db;

    TaxRepository(DSLContext db) {
        this.db = db;
    }

    /** The rates of a country by tax class (a handful of rows). */
    Map<TaxClass, Integer> ratesOf(String country) {
        return db.select(TAX_RATE.TAX_CLASS, TAX_RATE.RATE_BP).from(TAX_RATE).where(TAX_RATE.COUNTRY.eq(country))
                .fetchMap(r -> TaxClass.valueOf(r.value1()), r -> r.value2());
    }

    List<TaxRate> rates() {
        return db.select(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS, TAX_RATE.RATE_BP).from(TAX_RATE)
                .orderBy(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS)
                .fetch(r -> new TaxRate(r.value1(), TaxClass.valueOf(r.value2()), r.value3()));
    }

    void setRate(String country, TaxClass taxClass, int rateBp) {
        db.insertInto(TAX_RATE).set(TAX_RATE.COUNTRY, country).set(TAX_RATE.TAX_CLASS, taxClass.name())
                .set(TAX_RATE.RATE_BP, rateBp)
                .onConflict(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS).doUpdate().set(TAX_RATE.RATE_BP, rateBp)
                .execute();
    }

    Optional<Fee> fee(String method, String currency) {
        return db.select(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY, DELIVERY_FEE.AMOUNT, DELIVERY_FEE.TAX_CLASS)
                .from(DELIVERY_FEE).where(DELIVERY_FEE.METHOD.eq(method), DELIVERY_FEE.CURRENCY.eq(currency))
                .fetchOptional(r -> new Fee(r.value1(), r.value2(), r.value3(), TaxClass.valueOf(r.value4())));
    }

    List<Fee> fees() {
        return db.select(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY, DELIVERY_FEE.AMOUNT, DELIVERY_FEE.TAX_CLASS)
                .from(DELIVERY_FEE).orderBy(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY)
                .fetch(r -> new Fee(r.value1(), r.value2(), r.value3(), TaxClass.valueOf(r.value4())));
    }

    void setFee(Fee fee) {
        db.insertInto(DELIVERY_FEE).set(DELIVERY_FEE.METHOD, fee.method()).set(DELIVERY_FEE.CURRENCY, fee.currency())
                .set(DELIVERY_FEE.AMOUNT, fee.amount()).set(DELIVERY_FEE.TAX_CLASS, fee.taxClass().name())
                .onConflict(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY).doUpdate()
                .set(DELIVERY_FEE.AMOUNT, fee.amount()).set(DELIVERY_FEE.TAX_CLASS, fee.taxClass().name())
                .execute();
    }
}
