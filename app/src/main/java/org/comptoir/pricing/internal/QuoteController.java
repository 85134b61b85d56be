package org.comptoir.pricing.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes a basket (a storefront key always quotes on its own channel) and audits how every channel
 * would price it. Quoting writes nothing.
 */
@Tag(name = "Quotes", description = "One pricing engine for every channel, and the consistency audit")
@RestController
@RequestMapping("/api/v1/pricing")
class QuoteController {

    record LinePayload(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(100_000) int quantity) {}

    record Basket(
            @Size(max = 40) String channelCode,
            @Pattern(regexp = PricingPayloads.CURRENCY, message = PricingPayloads.CURRENCY_MESSAGE) String currency,
            @Size(max = 120) String customerRef,
            @Size(max = 40) String customerGroup,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR") String country,
            @NotEmpty @Size(max = Quoting.MAX_LINES) List<@NotNull @Valid LinePayload> lines,
            @Size(max = Quoting.MAX_CODES) List<@NotBlank @Size(max = 40) String> codes,
            @Size(max = 30) String deliveryMethod,
            @Min(0) @Max(100_000_000) Long loyaltyPoints) {

        QuoteRequest toRequest(String channel) {
            return new QuoteRequest(channel, currency, customerRef, customerGroup, country,
                    lines.stream().map(l -> new QuoteRequest.Line(l.sku(), l.quantity())).toList(), codes,
                    deliveryMethod, loyaltyPoints == null ? 0 : loyaltyPoints);
        }
    }

    record AuditRequest(@NotNull @Valid Basket basket, @Size(max = 50) List<@NotBlank String> channels,
            @Size(max = 40) String referenceChannel) {}

    private final Quoting quoting;
    private final PriceAudit audit;

    QuoteController(Quoting quoting, PriceAudit audit) {
        this.quoting = quoting;
        this.audit = audit;
    }

    @PostMapping("/quotes")
    Quote quote(@Valid @RequestBody Basket basket) {
        Caller caller = Callers.current();
        return quoting.quoteFor(basket.toRequest(caller.channelCode().orElse(basket.channelCode())), caller);
    }

    @PostMapping("/audit")
    PriceAudit.Audit audit(@Valid @RequestBody AuditRequest request) {
        return audit.audit(request.basket().toRequest(null), request.channels(), request.referenceChannel());
    }

    /** The audit of one unit of a SKU. */
    @GetMapping("/audit/{sku}")
    PriceAudit.Audit auditSku(@PathVariable String sku, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String customerGroup) {
        var basket = new QuoteRequest(null, currency, null, customerGroup, null, List.of(new QuoteRequest.Line(sku, 1)),
                List.of(), null);
        return audit.audit(basket, null, null);
    }
}
