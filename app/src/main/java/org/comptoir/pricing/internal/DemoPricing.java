package org.comptoir.pricing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo retailer's prices: one default euro list every channel uses, the marketplace's own list for
 * a few SKUs (its commission, on purpose, so the audit has something to show), 10 % off cutting tools
 * everywhere, a welcome coupon, free delivery from 60 euros, and the delivery fees.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoPricing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPricing.class);

    private final PriceLists lists;
    private final Promotions promotions;
    private final TaxRepository taxes;
    private final Catalog catalog;

    DemoPricing(PriceLists lists, Promotions promotions, TaxRepository taxes, Catalog catalog) {
        this.lists = lists;
        this.promotions = promotions;
        this.taxes = taxes;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!lists.list(PageRequest.of(1, null)).items().isEmpty()) {
            return;
        }
        List<String> skus = new ArrayList<>();
        for (int n = 1; n <= 400; n++) {
            skus.add("JC-%05d".formatted(n));
        }
        var known = catalog.variants(skus).keySet();
        Random random = new Random(42);
        List<PricingPayloads.PricePayload> prices = new ArrayList<>();
        List<PricingPayloads.PricePayload> marketplace = new ArrayList<>();
        for (String sku : skus) {
            if (!known.contains(sku)) {
                continue;
            }
            long amount = (490 + random.nextInt(145) * 100L) / 10 * 10;
            Long compareAt = random.nextInt(6) == 0 ? amount + amount / 5 : null;
            prices.add(new PricingPayloads.PricePayload(sku, amount, compareAt));
            if (marketplace.size() < 20) {
                marketplace.add(new PricingPayloads.PricePayload(sku, amount + amount / 20, null));
            }
        }
        lists.create(new PricingPayloads.PriceListPayload("EUR-DEFAULT", "Prix publics", "EUR", null, null, 0, null,
                null, true));
        for (int from = 0; from < prices.size(); from += 1000) {
            lists.setPrices("EUR-DEFAULT", prices.subList(from, Math.min(prices.size(), from + 1000)));
        }
        lists.create(new PricingPayloads.PriceListPayload("EUR-MARKETPLACE", "Prix place de marché", "EUR",
                "MARKETPLACE", null, 0, null, null, true));
        lists.setPrices("EUR-MARKETPLACE", marketplace);
        taxes.setFee(new TaxRepository.Fee("HOME_DELIVERY", "EUR", 490, TaxClass.STANDARD));
        taxes.setFee(new TaxRepository.Fee("HOME_EXPRESS", "EUR", 990, TaxClass.STANDARD));
        taxes.setFee(new TaxRepository.Fee("RELAY_POINT", "EUR", 290, TaxClass.STANDARD));
        taxes.setFee(new TaxRepository.Fee("CLICK_AND_COLLECT", "EUR", 0, TaxClass.STANDARD));
        promotions.create(new PricingPayloads.PromotionPayload("COUPE-10", "10 % sur les outils de coupe",
                Promotion.Kind.PERCENT_OFF, Promotion.Target.CATEGORY, Set.of("outils-de-coupe"), 1000, null, null,
                null, null, null, null, null, null, null, 10, Promotion.Stacking.COMBINABLE, null, false, true));
        promotions.create(new PricingPayloads.PromotionPayload("BIENVENUE", "5 € offerts dès 30 € d'achat",
                Promotion.Kind.AMOUNT_OFF, Promotion.Target.CART, null, null, 500L, "EUR", null, null, 3000L, null,
                null, null, null, 0, Promotion.Stacking.COMBINABLE, null, true, true));
        promotions.addCoupons("BIENVENUE", new PricingPayloads.CouponPayload("BIENVENUE5", null, null, null, 1));
        promotions.create(new PricingPayloads.PromotionPayload("LIVRAISON-60", "Livraison offerte dès 60 €",
                Promotion.Kind.FREE_DELIVERY, Promotion.Target.CART, null, null, null, "EUR", null, null, 6000L, null,
                null, null, null, 0, Promotion.Stacking.COMBINABLE, null, false, true));
        log.info("Demo pricing loaded: {} prices, {} marketplace prices, 3 promotions", prices.size(),
                marketplace.size());
    }
}
