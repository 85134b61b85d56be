package org.comptoir.pricing.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promotions and coupons as merchandisers and marketers write them. */
@Service
class Promotions {

    /** Generated coupon codes avoid letters and digits people confuse (O and 0, I and 1). */
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PromotionRepository promotions;
    private final Catalog catalog;
    private final Network network;
    private final Clock clock;

    Promotions(PromotionRepository promotions, Catalog catalog, Network network, Clock clock) {
        this.promotions = promotions;
        this.catalog = catalog;
        this.network = network;
        this.clock = clock;
    }

    @Transactional
    Promotion create(PricingPayloads.PromotionPayload payload) {
        if (promotions.find(payload.code()).isPresent()) {
            throw ApiProblem.conflict("promotion-code-taken", "A promotion already has the code " + payload.code())
                    .with("code", payload.code());
        }
        Instant now = clock.instant();
        Promotion promotion = checked(payload, Ids.newId(), 1, 0, now, now);
        promotions.insert(promotion);
        return promotion;
    }

    @Transactional
    Promotion replace(String code, PricingPayloads.PromotionPayload payload, int expectedVersion) {
        Promotion current = find(code);
        if (!current.code().equals(payload.code())) {
            throw ApiProblem.invalid("code", "cannot change: create another promotion instead");
        }
        if (expectedVersion != Versions.ANY && expectedVersion != current.version()) {
            throw Versions.stale(current.version());
        }
        Promotion replaced = checked(payload, current.id(), current.version() + 1, current.spent(),
                current.createdAt(), clock.instant());
        if (replaced.budget() != null && replaced.budget() < current.spent()) {
            throw ApiProblem.invalid("budget", "is below what was already spent (" + current.spent() + ")");
        }
        if (!promotions.update(replaced, current.version())) {
            throw Versions.stale(null);
        }
        return replaced;
    }

    Promotion find(String code) {
        return promotions.find(code).orElseThrow(() -> ApiProblem.notFound("Promotion", code));
    }

    CursorPage<Promotion> list(PageRequest page) {
        return CursorPage.of(promotions.page(page.limit() + 1, page.after().orElse(null)), page, Promotion::code);
    }

    /** One named coupon, or {@code count} generated ones with a prefix; codes are unique across promotions. */
    @Transactional
    List<String> addCoupons(String promotionCode, PricingPayloads.CouponPayload payload) {
        Promotion promotion = find(promotionCode);
        if (!promotion.requiresCoupon()) {
            throw ApiProblem.conflict("promotion-without-coupons",
                    "Promotion " + promotionCode + " applies without a code; set requiresCoupon to give it coupons");
        }
        if ((payload.code() == null) == (payload.count() == null)) {
            throw ApiProblem.invalid("code", "give either a code or a count of codes to generate");
        }
        Set<String> codes = new LinkedHashSet<>();
        if (payload.code() != null) {
            codes.add(payload.code());
        } else {
            String prefix = payload.prefix() == null ? "" : payload.prefix();
            while (codes.size() < payload.count()) {
                StringBuilder code = new StringBuilder(prefix);
                for (int i = 0; i < 10; i++) {
                    code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
                }
                codes.add(code.toString());
            }
        }
        Set<String> taken = promotions.existingCoupons(codes);
        if (!taken.isEmpty() && payload.code() != null) {
            throw ApiProblem.conflict("coupon-code-taken", "A coupon already has the code " + payload.code())
                    .with("code", payload.code());
        }
        codes.removeAll(taken);
        promotions.insertCoupons(promotion.id(), codes, payload.usageLimit(), payload.perCustomerLimit(),
                clock.instant());
        return new ArrayList<>(codes);
    }

    CursorPage<PromotionRepository.Coupon> coupons(String promotionCode, PageRequest page) {
        Promotion promotion = find(promotionCode);
        return CursorPage.of(promotions.couponsOf(promotion.id(), page.limit() + 1, page.after().orElse(null)), page,
                PromotionRepository.Coupon::code);
    }

    /** Every rule whose fields contradict its kind is refused here, so the engine never meets one. */
    private Promotion checked(PricingPayloads.PromotionPayload p, UUID id, int version, long spent, Instant createdAt,
            Instant now) {
        Set<String> targets = p.targetCodes() == null ? Set.of() : Set.copyOf(p.targetCodes());
        switch (p.kind()) {
            case PERCENT_OFF -> {
                require(p.percentBp() != null, "percentBp", "is required for a percentage off");
                refuse(p.amount(), "amount", "belongs to an amount off");
            }
            case AMOUNT_OFF -> {
                require(p.amount() != null, "amount", "is required for an amount off");
                require(p.currency() != null, "currency", "is required with an amount");
                refuse(p.percentBp(), "percentBp", "belongs to a percentage off");
            }
            case BUY_X_GET_Y -> {
                require(p.buyQuantity() != null, "buyQuantity", "is required for buy X get Y");
                require(p.getQuantity() != null, "getQuantity", "is required for buy X get Y");
                refuse(p.amount(), "amount", "belongs to an amount off");
            }
            case FREE_DELIVERY -> {
                refuse(p.amount(), "amount", "belongs to an amount off");
                refuse(p.percentBp(), "percentBp", "belongs to a percentage off");
            }
        }
        if (p.kind() != Promotion.Kind.BUY_X_GET_Y) {
            refuse(p.buyQuantity(), "buyQuantity", "belongs to buy X get Y");
            refuse(p.getQuantity(), "getQuantity", "belongs to buy X get Y");
        }
        require(p.threshold() == null || p.currency() != null, "currency", "is required with a threshold");
        require(p.budget() == null || p.currency() != null, "currency", "is required with a budget");
        if (p.target() == Promotion.Target.CART) {
            require(targets.isEmpty(), "targetCodes", "must be empty for a cart promotion");
        } else {
            require(!targets.isEmpty(), "targetCodes", "lists the " + p.target().name().toLowerCase()
                    + " codes the promotion applies to");
            Set<String> known = p.target() == Promotion.Target.SKU ? catalog.variants(targets).keySet()
                    : catalog.existingCategories(targets);
            targets.stream().filter(t -> !known.contains(t)).sorted().findFirst().ifPresent(t -> {
                throw ApiProblem.invalid("targetCodes", "no " + (p.target() == Promotion.Target.SKU ? "variant"
                        : "category") + " has the code " + t);
            });
        }
        Set<String> channels = p.channelCodes() == null ? Set.of() : Set.copyOf(p.channelCodes());
        channels.stream().filter(c -> network.channel(c).isEmpty()).sorted().findFirst().ifPresent(c -> {
            throw ApiProblem.invalid("channelCodes", "no channel has the code " + c);
        });
        if (p.validFrom() != null && p.validTo() != null && !p.validTo().isAfter(p.validFrom())) {
            throw ApiProblem.invalid("validTo", "must be after validFrom");
        }
        return new Promotion(id, p.code(), p.name(), p.kind(), p.target(), targets, p.percentBp(), p.amount(),
                p.currency(), p.buyQuantity(), p.getQuantity(), p.threshold(), channels, p.customerGroup(),
                p.validFrom(), p.validTo(), p.priority() == null ? 0 : p.priority(),
                p.stacking() == null ? Promotion.Stacking.COMBINABLE : p.stacking(), p.budget(), spent,
                Boolean.TRUE.equals(p.requiresCoupon()), p.active() == null || p.active(), version, createdAt, now);
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw ApiProblem.invalid(field, message);
        }
    }

    private static void refuse(Object value, String field, String message) {
        require(value == null, field, message);
    }
}
