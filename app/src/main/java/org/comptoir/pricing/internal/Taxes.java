package org.comptoir.pricing.internal;

import java.util.List;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** VAT rates and delivery fees as the back office keeps them. */
@Service
class Taxes {

    private final TaxRepository taxes;

    Taxes(TaxRepository taxes) {
        this.taxes = taxes;
    }

    List<TaxRepository.TaxRate> rates() {
        return taxes.rates();
    }

    @Transactional
    TaxRepository.TaxRate setRate(String country, TaxClass taxClass, int rateBp) {
        if (!country.matches("[A-Z]{2}")) {
            throw ApiProblem.invalid("country", "must be an ISO 3166 country code such as FR");
        }
        taxes.setRate(country, taxClass, rateBp);
        return new TaxRepository.TaxRate(country, taxClass, rateBp);
    }

    List<TaxRepository.Fee> fees() {
        return taxes.fees();
    }

    @Transactional
    TaxRepository.Fee setFee(String method, String currency, long amount, String taxClass) {
        if (!method.matches(PricingPayloads.CODE)) {
            throw ApiProblem.invalid("method", PricingPayloads.CODE_MESSAGE);
        }
        if (!currency.matches(PricingPayloads.CURRENCY)) {
            throw ApiProblem.invalid("currency", PricingPayloads.CURRENCY_MESSAGE);
        }
        var fee = new TaxRepository.Fee(method, currency, amount,
                taxClass == null ? TaxClass.STANDARD : TaxClass.valueOf(taxClass));
        taxes.setFee(fee);
        return fee;
    }
}
