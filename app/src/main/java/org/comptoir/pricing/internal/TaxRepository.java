package org.comptoir.pricing.internal;

import static org.comptoir.pricing.internal.db.tables.DeliveryFee.DELIVERY_FEE;
import static org.comptoir.pricing.internal.db.tables.TaxRate.TAX_RATE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** VAT rates per country and tax class, and delivery fees per method and currency. */
@Repository
class TaxRepository {

    record TaxRate(String country, TaxClass taxClass, int rateBp) {}

    record Fee(String method, String currency, long amount, TaxClass taxClass) {}

    private final DSLContext db;
    private final Snapshot<List<TaxRate>> rates;
    private final Snapshot<List<Fee>> fees;

    TaxRepository(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.rates = new Snapshot<>(topics, "pricing.tax-rates", this::loadRates);
        this.fees = new Snapshot<>(topics, "pricing.fees", this::loadFees);
    }

    /** The rates of a country by tax class, from the snapshot. */
    Map<TaxClass, Integer> ratesOf(String country) {
        Map<TaxClass, Integer> of = new java.util.EnumMap<>(TaxClass.class);
        rates.get().stream().filter(r -> r.country().equals(country)).forEach(r -> of.put(r.taxClass(), r.rateBp()));
        return of;
    }

    List<TaxRate> rates() {
        return loadRates();
    }

    private List<TaxRate> loadRates() {
        return db.select(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS, TAX_RATE.RATE_BP).from(TAX_RATE)
                .orderBy(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS)
                .fetch(r -> new TaxRate(r.value1(), TaxClass.valueOf(r.value2()), r.value3()));
    }

    void setRate(String country, TaxClass taxClass, int rateBp) {
        rates.changed();
        db.insertInto(TAX_RATE).set(TAX_RATE.COUNTRY, country).set(TAX_RATE.TAX_CLASS, taxClass.name())
                .set(TAX_RATE.RATE_BP, rateBp)
                .onConflict(TAX_RATE.COUNTRY, TAX_RATE.TAX_CLASS).doUpdate().set(TAX_RATE.RATE_BP, rateBp)
                .execute();
    }

    Optional<Fee> fee(String method, String currency) {
        return fees.get().stream().filter(f -> f.method().equals(method) && f.currency().equals(currency))
                .findFirst();
    }

    List<Fee> fees() {
        return loadFees();
    }

    private List<Fee> loadFees() {
        return db.select(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY, DELIVERY_FEE.AMOUNT, DELIVERY_FEE.TAX_CLASS)
                .from(DELIVERY_FEE).orderBy(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY)
                .fetch(r -> new Fee(r.value1(), r.value2(), r.value3(), TaxClass.valueOf(r.value4())));
    }

    void setFee(Fee fee) {
        fees.changed();
        db.insertInto(DELIVERY_FEE).set(DELIVERY_FEE.METHOD, fee.method()).set(DELIVERY_FEE.CURRENCY, fee.currency())
                .set(DELIVERY_FEE.AMOUNT, fee.amount()).set(DELIVERY_FEE.TAX_CLASS, fee.taxClass().name())
                .onConflict(DELIVERY_FEE.METHOD, DELIVERY_FEE.CURRENCY).doUpdate()
                .set(DELIVERY_FEE.AMOUNT, fee.amount()).set(DELIVERY_FEE.TAX_CLASS, fee.taxClass().name())
                .execute();
    }
}
