package org.comptoir.pricing.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.comptoir.catalog.TaxClass;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** VAT rates per country and tax class (France's are there from the start) and delivery fees. */
@Tag(name = "Taxes and delivery fees")
@RestController
@RequestMapping("/api/v1/pricing")
class TaxController {

    private final Taxes taxes;

    TaxController(Taxes taxes) {
        this.taxes = taxes;
    }

    @GetMapping("/tax-rates")
    List<TaxRepository.TaxRate> rates() {
        return taxes.rates();
    }

    @PutMapping("/tax-rates/{country}/{taxClass}")
    TaxRepository.TaxRate setRate(@PathVariable String country, @PathVariable TaxClass taxClass,
            @Valid @RequestBody PricingPayloads.TaxRatePayload payload) {
        return taxes.setRate(country, taxClass, payload.rateBp());
    }

    @GetMapping("/delivery-fees")
    List<TaxRepository.Fee> fees() {
        return taxes.fees();
    }

    @PutMapping("/delivery-fees/{method}/{currency}")
    TaxRepository.Fee setFee(@PathVariable String method, @PathVariable String currency,
            @Valid @RequestBody PricingPayloads.DeliveryFeePayload payload) {
        return taxes.setFee(method, currency, payload.amount(), payload.taxClass());
    }
}
