package org.comptoir.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PricingApiTest extends ApiTest {

    private String web;
    private String app;
    private String phone;
    private String stores;
    private String marketplace;
    private String tools;
    private String shears;
    private String gloves;
    private String priceList;

    @BeforeEach
    void catalogueAndPrices() {
        String store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.8397, 2.2399));
        web = channel("WEB");
        app = channel("APP");
        phone = channel("PHONE");
        stores = channel("STORES");
        marketplace = channel("MKP");
        String garden = "garden-" + unique("c").toLowerCase();
        tools = garden + "-tools";
        admin.post("/api/v1/catalog/categories", Map.of("code", garden, "names", Map.of("fr", "Jardin")));
        admin.post("/api/v1/catalog/categories", Map.of("code", tools, "parentCode", garden,
                "names", Map.of("fr", "Outils")));
        shears = unique("SEC");
        gloves = unique("GNT");
        var shearsProduct = Fixtures.product("Sécateur " + shears, List.of(web), shears);
        shearsProduct.put("category", tools);
        assertThat(admin.post("/api/v1/catalog/products", shearsProduct).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(web), gloves))
                .status()).isEqualTo(201);
        priceList = unique("EUR");
        assertThat(admin.post("/api/v1/pricing/price-lists", list(priceList, null, null)).status()).isEqualTo(201);
        setPrices(priceList, price(shears, 2490, 2990L), price(gloves, 1290, null));
    }

    private String channel(String prefix) {
        String code = unique(prefix);
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(code, List.of())).status()).isEqualTo(201);
        return code;
    }

    private static Map<String, Object> list(String code, String channel, String group) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "List " + code);
        body.put("currency", "EUR");
        body.put("channelCode", channel);
        body.put("customerGroup", group);
        return body;
    }

    private static Map<String, Object> price(String sku, long amount, Long compareAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("amount", amount);
        body.put("compareAt", compareAt);
        return body;
    }

    @SafeVarargs
    private void setPrices(String list, Map<String, Object>... prices) {
        var answer = admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(prices)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }

    private Map<String, Object> basket(String channel, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelCode", channel);
        body.put("lines", lines);
        return body;
    }

    private Api.Response quote(Map<String, Object> basket) {
        return admin.post("/api/v1/pricing/quotes", basket);
    }

    private Map<String, Object> promotion(String code, String kind, String target, List<String> targets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Promotion " + code);
        body.put("kind", kind);
        body.put("target", target);
        body.put("targetCodes", targets);
        return body;
    }

    private void create(Map<String, Object> promotion) {
        var created = admin.post("/api/v1/pricing/promotions", promotion);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** A cart-wide coupon promotion limited to the test's channels, so other tests' baskets never see it. */
    private String couponPromotion(long amountOff, long threshold) {
        String code = unique("WELCOME");
        var body = promotion(code, "AMOUNT_OFF", "CART", null);
        body.put("amount", amountOff);
        body.put("currency", "EUR");
        body.put("threshold", threshold);
        body.put("requiresCoupon", true);
        body.put("channelCodes", List.of(web, app, phone, stores, marketplace));
        create(body);
        String coupon = unique("HELLO");
        var added = admin.post("/api/v1/pricing/promotions/" + code + "/coupons", Map.of("code", coupon));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return coupon;
    }

    @Test
    void aQuoteSaysEveryLinesPriceTaxesAndTotals() {
        JsonNode quote = quote(basket(web, shears, 2, gloves, 1)).json();

        assertThat(quote.path("currency").asString()).isEqualTo("EUR");
        JsonNode first = quote.path("lines").get(0);
        assertThat(first.path("unitPrice").asLong()).isEqualTo(2490);
        assertThat(first.path("compareAtPrice").asLong()).isEqualTo(2990);
        assertThat(first.path("priceList").asString()).isEqualTo(priceList);
        assertThat(first.path("taxRateBp").asInt()).isEqualTo(2000);
        assertThat(first.path("tax").asLong()).isEqualTo(830);      // 49.80 × 20 / 120
        assertThat(quote.path("totals").path("gross").asLong()).isEqualTo(2 * 2490 + 1290);
        assertThat(quote.path("totals").path("tax").asLong()).isEqualTo(830 + 215);
    }

    @Test
    void theSameBasketGetsTheSamePricesOnEveryChannelAndTheAuditNamesTheOnlyDifference() {
        var category = promotion(unique("CUT"), "PERCENT_OFF", "CATEGORY", List.of(tools.replace("-tools", "")));
        category.put("percentBp", 1000);
        create(category);
        String coupon = couponPromotion(500, 3000);

        List<JsonNode> quotes = new ArrayList<>();
        for (String channel : List.of(web, app, phone, stores)) {
            var basket = basket(channel, shears, 2, gloves, 1);
            basket.put("codes", List.of(coupon.toLowerCase()));
            var answer = quote(basket);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            quotes.add(answer.json());
        }
        JsonNode webQuote = quotes.getFirst();
        assertThat(webQuote.path("promotions")).hasSize(2);
        assertThat(webQuote.path("codes").get(0).path("applied").asBoolean()).isTrue();
        // 10 % off the shears (498), then 5.00 off the cart: 4980 + 1290 - 498 - 500.
        assertThat(webQuote.path("totals").path("gross").asLong()).isEqualTo(5272);
        for (JsonNode other : quotes) {
            assertThat(withoutChannel(other)).isEqualTo(withoutChannel(webQuote));
        }

        var marketplaceList = unique("MKP");
        admin.post("/api/v1/pricing/price-lists", list(marketplaceList, marketplace, null));
        setPrices(marketplaceList, price(shears, 2690, null));
        var basket = basket(null, shears, 2, gloves, 1);
        basket.put("codes", List.of(coupon));
        var audit = admin.post("/api/v1/pricing/audit", Map.of("basket", basket,
                "channels", List.of(web, app, phone, stores, marketplace), "referenceChannel", web));
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        JsonNode differences = audit.json().path("differences");
        assertThat(audit.json().path("consistent").asBoolean()).isFalse();
        List<JsonNode> causes = new ArrayList<>();
        differences.forEach(d -> {
            assertThat(d.path("channelCode").asString()).isEqualTo(marketplace);
            if (!d.path("field").asString().equals("total")) {
                causes.add(d);
            }
        });
        assertThat(causes).singleElement().satisfies(d -> {
            assertThat(d.path("field").asString()).isEqualTo("unitPrice");
            assertThat(d.path("sku").asString()).isEqualTo(shears);
            assertThat(d.path("reference").asLong()).isEqualTo(2490);
            assertThat(d.path("value").asLong()).isEqualTo(2690);
            assertThat(d.path("cause").asString()).contains(marketplaceList);
        });
    }

    private static Map<String, Object> withoutChannel(JsonNode quote) {
        Map<String, Object> copy = Api.JSON.convertValue(quote, Map.class);
        copy.remove("channelCode");
        return copy;
    }

    @Test
    void theAuditExplainsAPromotionLimitedToSomeChannels() {
        var webOnly = promotion(unique("WEBONLY"), "PERCENT_OFF", "SKU", List.of(gloves));
        webOnly.put("percentBp", 2000);
        webOnly.put("channelCodes", List.of(web));
        create(webOnly);

        var audit = admin.post("/api/v1/pricing/audit", Map.of("basket", basket(null, gloves, 1),
                "channels", List.of(web, app), "referenceChannel", web)).json();
        List<String> causes = new ArrayList<>();
        audit.path("differences").forEach(d -> {
            assertThat(d.path("channelCode").asString()).isEqualTo(app);
            if (d.path("field").asString().equals("promotion")) {
                causes.add(d.path("cause").asString());
            }
        });
        // The one-SKU form compares every active channel, this test's two among them.
        var everywhere = admin.get("/api/v1/pricing/audit/" + gloves);
        assertThat(everywhere.status()).isEqualTo(200);
        assertThat(everywhere.json().path("channels").valueStream().map(c -> c.path("channelCode").asString()))
                .contains(web, app);
        assertThat(causes).singleElement().asString().contains("not offered on channel " + app);
    }

    @Test
    void groupAndChannelListsApplyOnlyWhereConfiguredAndOnlyWhileValid() {
        String staff = unique("STAFF");
        admin.post("/api/v1/pricing/price-lists", list(staff, null, "STAFF"));
        setPrices(staff, price(gloves, 990, null));
        String future = unique("SALES");
        var sales = list(future, web, null);
        sales.put("validFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        admin.post("/api/v1/pricing/price-lists", sales);
        setPrices(future, price(gloves, 500, null));

        var staffBasket = basket(web, gloves, 1);
        staffBasket.put("customerGroup", "STAFF");
        assertThat(quote(staffBasket).json().path("lines").get(0).path("unitPrice").asLong()).isEqualTo(990);
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1290);
    }

    /**
     * Price lists and variants are kept in memory between quotes: a change made through the API
     * counts for the very next quote, on every path that reads them.
     */
    @Test
    void aChangedPriceListOrProductCountsForTheNextQuote() {
        String webList = unique("WEBEUR");
        var body = list(webList, web, null);
        assertThat(admin.post("/api/v1/pricing/price-lists", body).status()).isEqualTo(201);
        setPrices(webList, price(gloves, 1000, null));
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1000);
        // Prices are kept in memory between quotes: a price written or removed is not one of them.
        setPrices(webList, price(gloves, 1100, null));
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1100);
        assertThat(admin.delete("/api/v1/pricing/price-lists/" + webList + "/prices/" + gloves).status())
                .isEqualTo(204);
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1290);
        setPrices(webList, price(gloves, 1000, null));
        body.put("active", false);
        var switchedOff = admin.with("If-Match", "\"1\"").put("/api/v1/pricing/price-lists/" + webList, body);
        assertThat(switchedOff.status()).as(switchedOff.toString()).isEqualTo(200);
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1290);

        String mitts = unique("MIT");
        var product = Fixtures.product("Mitaines " + mitts, List.of(web), mitts);
        var created = admin.post("/api/v1/catalog/products", product);
        assertThat(created.status()).isEqualTo(201);
        setPrices(priceList, price(mitts, 1290, null));
        var cut = promotion(unique("TOOLS"), "PERCENT_OFF", "CATEGORY", List.of(tools));
        cut.put("percentBp", 1000);
        cut.put("channelCodes", List.of(web));
        create(cut);
        assertThat(quote(basket(web, mitts, 1)).json().path("lines").get(0).path("discount").asLong()).isZero();
        product.put("category", tools);
        var moved = admin.with("If-Match", "\"" + created.json().path("version").asInt() + "\"")
                .put("/api/v1/catalog/products/" + created.json().path("id").asString(), product);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(quote(basket(web, mitts, 1)).json().path("lines").get(0).path("discount").asLong())
                .isEqualTo(129);
    }

    @Test
    void couponsThatDoNotApplySayWhy() {
        String coupon = couponPromotion(500, 3000);
        var small = basket(web, gloves, 1);
        small.put("codes", List.of(coupon));
        JsonNode status = quote(small).json().path("codes").get(0);
        assertThat(status.path("applied").asBoolean()).isFalse();
        assertThat(status.path("reason").asString()).contains("below the threshold of 30.00 EUR");

        String other = channel("OTHER");
        var elsewhere = basket(other, shears, 3);
        elsewhere.put("codes", List.of(coupon));
        assertThat(quote(elsewhere).json().path("codes").get(0).path("reason").asString())
                .contains("not offered on channel " + other);
    }

    @Test
    void deliveryFeesAndFreeDeliveryFromAThreshold() {
        String method = unique("HOME");
        assertThat(admin.put("/api/v1/pricing/delivery-fees/" + method + "/EUR", Map.of("amount", 490)).status())
                .isEqualTo(200);
        var free = promotion(unique("FREESHIP"), "FREE_DELIVERY", "CART", null);
        free.put("currency", "EUR");
        free.put("threshold", 5000);
        free.put("channelCodes", List.of(web));
        create(free);

        var small = basket(web, gloves, 1);
        small.put("deliveryMethod", method);
        JsonNode below = quote(small).json();
        assertThat(below.path("delivery").path("total").asLong()).isEqualTo(490);
        assertThat(below.path("totals").path("gross").asLong()).isEqualTo(1290 + 490);

        var big = basket(web, shears, 3);
        big.put("deliveryMethod", method);
        JsonNode above = quote(big).json();
        assertThat(above.path("delivery").path("discount").asLong()).isEqualTo(490);
        assertThat(above.path("totals").path("gross").asLong()).isEqualTo(3 * 2490);
    }

    @Test
    void vatRatesAreKeptPerCountryAndTaxClass() {
        assertThat(admin.get("/api/v1/pricing/tax-rates").json().toString()).contains("\"rateBp\":550");
        String country = "Z" + (char) ('A' + (int) (System.nanoTime() % 26));
        admin.put("/api/v1/pricing/tax-rates/" + country + "/STANDARD", Map.of("rateBp", 2100));
        var basket = basket(web, gloves, 1);
        basket.put("country", country);
        assertThat(quote(basket).json().path("lines").get(0).path("taxRateBp").asInt()).isEqualTo(2100);
        basket.put("country", "QQ");
        var unknown = quote(basket);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no VAT rates are configured for QQ");
    }

    @Test
    void badBasketsAreRefusedWithTheReason() {
        assertThat(quote(basket(web, gloves, 0)).status()).isEqualTo(400);
        assertThat(quote(basket(web, gloves, -2)).status()).isEqualTo(400);
        var unknownSku = quote(basket(web, "NOPE-" + unique("X"), 1));
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.problem()).isEqualTo("unknown-sku");
        var unknownChannel = quote(basket("NOPE", gloves, 1));
        assertThat(unknownChannel.status()).isEqualTo(400);
        var withCoupon = basket(web, gloves, 1);
        withCoupon.put("codes", List.of("NO-SUCH-COUPON"));
        var unknownCoupon = quote(withCoupon);
        assertThat(unknownCoupon.status()).isEqualTo(422);
        assertThat(unknownCoupon.problem()).isEqualTo("unknown-coupon");

        String sku = unique("NOPRICE");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sans prix", List.of(web), sku));
        var noPrice = quote(basket(web, sku, 1));
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.problem()).isEqualTo("no-price");
    }

    @Test
    void aCouponOfAPromotionInAnotherCurrencyIsRefused() {
        String code = unique("USD");
        var dollars = promotion(code, "AMOUNT_OFF", "CART", null);
        dollars.put("amount", 500);
        dollars.put("currency", "USD");
        dollars.put("requiresCoupon", true);
        create(dollars);
        String coupon = unique("DOLLAR");
        admin.post("/api/v1/pricing/promotions/" + code + "/coupons", Map.of("code", coupon));
        var basket = basket(web, gloves, 1);
        basket.put("codes", List.of(coupon));

        var refused = quote(basket);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("promotion-currency-mismatch");
    }

    @Test
    void promotionsThatContradictTheirKindAreRefusedAndNothingIsWritten() {
        String code = unique("BAD");
        var noPercent = promotion(code, "PERCENT_OFF", "CART", null);
        var refused = admin.post("/api/v1/pricing/promotions", noPercent);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("percentBp");
        var unknownTarget = promotion(code, "PERCENT_OFF", "SKU", List.of("NO-SUCH-SKU"));
        unknownTarget.put("percentBp", 1000);
        assertThat(admin.post("/api/v1/pricing/promotions", unknownTarget).body()).contains("NO-SUCH-SKU");
        var amountWithoutCurrency = promotion(code, "AMOUNT_OFF", "CART", null);
        amountWithoutCurrency.put("amount", 100);
        assertThat(admin.post("/api/v1/pricing/promotions", amountWithoutCurrency).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/pricing/promotions/" + code).status()).isEqualTo(404);

        var unknownPrice = admin.put("/api/v1/pricing/price-lists/" + priceList + "/prices",
                Map.of("prices", List.of(price(gloves, 100, null), price("NO-SUCH-SKU", 100, null))));
        assertThat(unknownPrice.status()).isEqualTo(400);
        assertThat(quote(basket(web, gloves, 1)).json().path("lines").get(0).path("unitPrice").asLong())
                .isEqualTo(1290);
        var negative = admin.put("/api/v1/pricing/price-lists/" + priceList + "/prices",
                Map.of("prices", List.of(price(gloves, -1, null))));
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void aStorefrontQuotesOnItsOwnChannelAndCannotWritePrices() {
        String key = admin.post("/api/v1/channels/" + app + "/publishable-keys", null).json().path("key").asString();
        Api storefront = as(key);
        JsonNode quote = storefront.post("/api/v1/pricing/quotes", basket(web, gloves, 1)).json();
        assertThat(quote.path("channelCode").asString()).isEqualTo(app);
        assertThat(storefront.post("/api/v1/pricing/promotions", promotion(unique("X"), "PERCENT_OFF", "CART", null))
                .status()).isEqualTo(403);
        assertThat(storefront.get("/api/v1/pricing/price-lists").status()).isEqualTo(403);

        Api marketer = as(keyFor(Role.MARKETER));
        var promo = promotion(unique("MKT"), "PERCENT_OFF", "SKU", List.of(gloves));
        promo.put("percentBp", 500);
        promo.put("channelCodes", List.of(web));
        assertThat(marketer.post("/api/v1/pricing/promotions", promo).status()).isEqualTo(201);
        assertThat(marketer.post("/api/v1/pricing/price-lists", list(unique("M"), null, null)).status())
                .isEqualTo(403);
    }
}
