package org.comptoir.pricing.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Promotions", description = "Discounts, buy X get Y, free delivery, coupons, budgets")
@RestController
@RequestMapping("/api/v1/pricing/promotions")
class PromotionController {

    record PromotionView(String code, String name, Promotion.Kind kind, Promotion.Target target,
            Set<String> targetCodes, Integer percentBp, Long amount, String currency, Integer buyQuantity,
            Integer getQuantity, Long threshold, Set<String> channelCodes, String customerGroup, Instant validFrom,
            Instant validTo, int priority, Promotion.Stacking stacking, Long budget, long spent,
            boolean requiresCoupon, boolean active, int version) {
        static PromotionView of(Promotion p) {
            return new PromotionView(p.code(), p.name(), p.kind(), p.target(), p.targetCodes(), p.percentBp(),
                    p.amount(), p.currency(), p.buyQuantity(), p.getQuantity(), p.threshold(), p.channelCodes(),
                    p.customerGroup(), p.validFrom(), p.validTo(), p.priority(), p.stacking(), p.budget(), p.spent(),
                    p.requiresCoupon(), p.active(), p.version());
        }
    }

    record CouponsCreated(List<String> codes) {}

    private final Promotions promotions;

    PromotionController(Promotions promotions) {
        this.promotions = promotions;
    }

    @PostMapping
    ResponseEntity<PromotionView> create(@Valid @RequestBody PricingPayloads.PromotionPayload payload) {
        Promotion promotion = promotions.create(payload);
        return ResponseEntity.created(URI.create("/api/v1/pricing/promotions/" + promotion.code()))
                .eTag(Versions.etag(promotion.version())).body(PromotionView.of(promotion));
    }

    @GetMapping
    CursorPage<PromotionView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return promotions.list(PageRequest.of(limit, cursor)).map(PromotionView::of);
    }

    @GetMapping("/{code}")
    ResponseEntity<PromotionView> get(@PathVariable String code) {
        Promotion promotion = promotions.find(code);
        return ResponseEntity.ok().eTag(Versions.etag(promotion.version())).body(PromotionView.of(promotion));
    }

    @PutMapping("/{code}")
    ResponseEntity<PromotionView> replace(@PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PricingPayloads.PromotionPayload payload) {
        Promotion promotion = promotions.replace(code, payload, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(promotion.version())).body(PromotionView.of(promotion));
    }

    /** One named coupon, or up to 10,000 generated codes; the answer lists the codes created. */
    @PostMapping("/{code}/coupons")
    ResponseEntity<CouponsCreated> addCoupons(@PathVariable String code,
            @Valid @RequestBody PricingPayloads.CouponPayload payload) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CouponsCreated(promotions.addCoupons(code, payload)));
    }

    @GetMapping("/{code}/coupons")
    CursorPage<PromotionRepository.Coupon> coupons(@PathVariable String code,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return promotions.coupons(code, PageRequest.of(limit, cursor));
    }
}
