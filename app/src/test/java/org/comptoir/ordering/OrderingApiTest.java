package org.comptoir.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderingApiTest extends ApiTest {

    private static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR");

    private String store;
    private String warehouse;
    private String web;
    private String app;
    private String phone;
    private String till;
    private String marketplace;
    private String garden;
    private String shears;
    private String gloves;
    private WebhookReceiver receiver;
    private String subscription;

    @BeforeEach
    void retailer() throws Exception {
        store = unique("ST");
        var storeBody = Fixtures.store(store, 48.8397, 2.2399);
        storeBody.put("capabilities", List.of("CLICK_AND_COLLECT", "RESERVE_AND_COLLECT", "SHIP_FROM_STORE"));
        admin.post("/api/v1/locations", storeBody);
        warehouse = unique("WH");
        var wh = Fixtures.store(warehouse, 48.7469, 2.3513);
        wh.put("type", "WAREHOUSE");
        wh.put("capabilities", List.of("SHIPS_PARCELS"));
        admin.post("/api/v1/locations", wh);
        web = channel("WEB", "WEB");
        app = channel("APP", "APP");
        phone = channel("TEL", "PHONE");
        till = channel("TILL", "STORE");
        marketplace = channel("MKP", "MARKETPLACE");
        garden = "garden-" + unique("g").toLowerCase();
        admin.post("/api/v1/catalog/categories", Map.of("code", garden, "names", Map.of("fr", "Jardin")));
        shears = unique("SEC");
        gloves = unique("GNT");
        var shearsProduct = Fixtures.product("Sécateur " + shears, List.of(web), shears);
        shearsProduct.put("category", garden);
        admin.post("/api/v1/catalog/products", shearsProduct);
        admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(web), gloves));
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", shears, "amount", 2490), Map.of("sku", gloves, "amount", 1290))));
        receive(warehouse, shears, 10);
        receive(warehouse, gloves, 2);
        receive(store, shears, 3);
        receiver = new WebhookReceiver();
        var hook = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes", List.of("ordering.*")));
        subscription = hook.json().path("id").asString();
        receiver.secret(hook.json().path("secret").asString());
    }

    @AfterEach
    void stopListening() {
        admin.delete("/api/v1/webhooks/" + subscription);
        receiver.close();
    }

    private String channel(String prefix, String type) {
        String code = unique(prefix);
        var body = Fixtures.channel(code, List.of(store, warehouse));
        body.put("type", type);
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(201);
        return code;
    }

    private int reserved(String location, String sku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("reserved").asInt();
    }

    private int onHand(String location, String sku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("onHand").asInt();
    }

    private static Map<String, Object> home() {
        return Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS);
    }

    private Map<String, Object> order(String channel, Map<String, Object> group, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelCode", channel);
        body.put("groups", List.of(group));
        body.put("lines", lines);
        return body;
    }

    private JsonNode placed(Map<String, Object> body) {
        var answer = admin.post("/api/v1/orders", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private String couponForTheseChannels() {
        String promotion = unique("WELCOME");
        var body = new HashMap<String, Object>(Map.of("code", promotion, "name", "Bienvenue", "kind", "AMOUNT_OFF",
                "target", "CART", "amount", 500, "currency", "EUR", "threshold", 3000, "requiresCoupon", true,
                "channelCodes", List.of(web, app, phone, till, marketplace)));
        assertThat(admin.post("/api/v1/pricing/promotions", body).status()).isEqualTo(201);
        String coupon = unique("HELLO");
        admin.post("/api/v1/pricing/promotions/" + promotion + "/coupons", Map.of("code", coupon));
        var category = new HashMap<String, Object>(Map.of("code", unique("CUT"), "name", "Coupe", "kind",
                "PERCENT_OFF", "target", "CATEGORY", "targetCodes", List.of(garden), "percentBp", 1000));
        assertThat(admin.post("/api/v1/pricing/promotions", category).status()).isEqualTo(201);
        return coupon;
    }

    @Test
    void aCartSaysWhatItsChannelCannotPromiseOfItAndStopsCountingAClosedStore() {
        String cartId = admin.post("/api/v1/carts", Map.of("channelCode", web)).json().path("id").asString();
        admin.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", gloves, "quantity", 3));
        // 10 shears at the warehouse and 3 in the store: 13 can be promised, the gloves 2 of 3.
        var view = admin.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", shears, "quantity", 13));
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(shortages(view.json())).containsExactly(gloves + " 3>2");
        // Gloves at a location the channel does not sell from are not its to promise.
        String elsewhere = unique("ST");
        assertThat(admin.post("/api/v1/locations", Fixtures.store(elsewhere, 45.76, 4.83)).status()).isEqualTo(201);
        receive(elsewhere, gloves, 50);
        assertThat(shortages(admin.get("/api/v1/carts/" + cartId).json())).containsExactly(gloves + " 3>2");

        // The store closes for good: its shears no longer count.
        var closed = Fixtures.store(store, 48.8397, 2.2399);
        closed.put("capabilities", List.of("CLICK_AND_COLLECT", "RESERVE_AND_COLLECT", "SHIP_FROM_STORE"));
        closed.put("active", false);
        var replaced = admin.with("If-Match", "*").put("/api/v1/locations/" + store, closed);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(shortages(admin.get("/api/v1/carts/" + cartId).json()))
                .containsExactlyInAnyOrder(gloves + " 3>2", shears + " 13>10");

        // Safety stock and the channel's buffer are kept back at each location, as holds keep them.
        admin.put("/api/v1/inventory/balances/" + warehouse + "/" + shears + "/settings", Map.of("safetyStock", 1));
        assertThat(shortages(admin.get("/api/v1/carts/" + cartId).json()))
                .containsExactlyInAnyOrder(gloves + " 3>2", shears + " 13>9");
        admin.put("/api/v1/inventory/channels/" + web + "/buffer", Map.of("quantity", 1));
        assertThat(shortages(admin.get("/api/v1/carts/" + cartId).json()))
                .containsExactlyInAnyOrder(gloves + " 3>1", shears + " 13>8");
        // What another channel's ring-fence keeps is not the cart's either.
        var fence = admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + warehouse + "/" + shears,
                Map.of("quantity", 3));
        assertThat(fence.status()).as(fence.toString()).isEqualTo(200);
        assertThat(shortages(admin.get("/api/v1/carts/" + cartId).json()))
                .containsExactlyInAnyOrder(gloves + " 3>1", shears + " 13>5");
    }

    private static List<String> shortages(JsonNode cart) {
        return cart.path("unavailable").valueStream().map(s -> s.path("sku").asString() + " "
                + s.path("quantity").asInt() + ">" + s.path("available").asInt()).toList();
    }

    @Test
    void theSameBasketCostsTheSameOnTheWebTheAppThePhoneAndAtTheTill() {
        String coupon = couponForTheseChannels();
        List<Long> totals = new ArrayList<>();
        receive(store, shears, 10);
        receive(store, gloves, 10);

        // Web: a cart, handed over to the app, ordered there.
        var cart = admin.post("/api/v1/carts", Map.of("channelCode", web)).json();
        String cartId = cart.path("id").asString();
        admin.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", shears, "quantity", 2));
        admin.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", gloves, "quantity", 1));
        var withCode = admin.post("/api/v1/carts/" + cartId + "/codes", Map.of("code", coupon));
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
        long webTotal = withCode.json().path("quote").path("totals").path("gross").asLong();
        totals.add(webTotal);
        admin.put("/api/v1/carts/" + cartId + "/groups/main", Map.of("method", "CLICK_AND_COLLECT",
                "locationCode", store));
        var handedOver = admin.post("/api/v1/carts/" + cartId + "/handover", Map.of("channelCode", app)).json();
        assertThat(handedOver.path("channelCode").asString()).isEqualTo(app);
        totals.add(handedOver.path("quote").path("totals").path("gross").asLong());
        var fromCart = admin.post("/api/v1/carts/" + cartId + "/order", Map.of());
        assertThat(fromCart.status()).as(fromCart.toString()).isEqualTo(201);
        totals.add(fromCart.json().path("totals").path("gross").asLong());
        assertThat(admin.get("/api/v1/carts/" + cartId).json().path("status").asString()).isEqualTo("ORDERED");

        // Phone: an agent places it for the customer; till: a store associate sells it.
        Api agent = as(keyFor(Role.AGENT));
        var byPhone = order(phone, Map.of("code", "pickup", "method", "CLICK_AND_COLLECT", "locationCode", store),
                shears, 2, gloves, 1);
        byPhone.put("codes", List.of(coupon));
        var phoneOrder = agent.post("/api/v1/orders", byPhone);
        assertThat(phoneOrder.status()).as(phoneOrder.toString()).isEqualTo(201);
        totals.add(phoneOrder.json().path("totals").path("gross").asLong());
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        var atTill = order(till, Map.of("code", "till", "method", "CARRY_OUT", "locationCode", store),
                shears, 2, gloves, 1);
        atTill.put("codes", List.of(coupon));
        var tillOrder = associate.post("/api/v1/orders", atTill);
        assertThat(tillOrder.status()).as(tillOrder.toString()).isEqualTo(201);
        totals.add(tillOrder.json().path("totals").path("gross").asLong());

        // 2 × 24.90 less 10 % on the shears, 12.90, less 5.00 with the coupon.
        assertThat(webTotal).isEqualTo(4980 - 498 + 1290 - 500);
        assertThat(totals).containsOnly(webTotal);
    }

    @Test
    void anOrderHoldsAllItsStockOrNone() {
        int shearsBefore = reserved(warehouse, shears);
        String customer = unique("cust");
        var body = order(web, home(), shears, 1, gloves, 5);
        body.put("customerRef", customer);

        var refused = admin.post("/api/v1/orders", body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("out-of-stock");
        assertThat(reserved(warehouse, shears)).isEqualTo(shearsBefore);
        assertThat(admin.get("/api/v1/orders?customerRef=" + customer).json().path("items")).isEmpty();
    }

    @Test
    void aRetriedPlacementWithTheSameKeyPlacesOneOrder() {
        var body = order(web, home(), shears, 2);
        String key = unique("idem");
        var first = admin.with("Idempotency-Key", key).post("/api/v1/orders", body);
        var again = admin.with("Idempotency-Key", key).post("/api/v1/orders", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(reserved(warehouse, shears)).isEqualTo(2);
    }

    @Test
    void orderNumbersFollowOneAnotherAcrossTheBlocksANodeTakesFromTheSequence() {
        receive(warehouse, shears, 40);
        List<Long> numbers = new ArrayList<>();
        // More orders than a block of the sequence: the numbers run on from one block into the next.
        for (int i = 0; i < 45; i++) {
            numbers.add(Long.parseLong(placed(order(web, home(), shears, 1)).path("number").asString()
                    .substring("CO-".length())));
        }
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("order %d of %s", i, numbers).isEqualTo(numbers.get(i - 1) + 1);
        }
    }

    @Test
    void aMarketplaceOrderIsImportedOnce() {
        var body = order(marketplace, home(), shears, 1);
        body.put("externalId", "AMZ-" + unique("X"));
        JsonNode first = placed(body);
        assertThat(first.path("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(first.path("status").asString()).isEqualTo("CONFIRMED");

        var duplicate = admin.post("/api/v1/orders", body);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problem()).isEqualTo("order-already-imported");
        assertThat(duplicate.json().path("orderId").asString()).isEqualTo(first.path("id").asString());
        assertThat(reserved(warehouse, shears)).isEqualTo(1);
    }

    /**
     * A fenced SKU takes the hold's longer path (fences drawn after the rows are locked), which writes
     * the order after the hold rather than with the reservations: both paths record it whole or not at all.
     */
    @Test
    void anOrderDrawnFromItsChannelsRingFenceIsRecordedWholeOrNotAtAll() {
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + warehouse + "/" + shears,
                Map.of("quantity", 4)).status()).isEqualTo(200);
        String customer = unique("cust");
        var tooMany = order(marketplace, home(), shears, 11);
        tooMany.put("externalId", "FENCE-" + unique("X"));
        tooMany.put("customerRef", customer);
        var refused = admin.post("/api/v1/orders", tooMany);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("out-of-stock");
        assertThat(admin.get("/api/v1/orders?customerRef=" + customer).json().path("items")).isEmpty();
        assertThat(fenceRemaining()).isEqualTo(4);

        var body = order(marketplace, home(), shears, 3);
        body.put("externalId", "FENCE-" + unique("X"));
        body.put("customerRef", customer);
        JsonNode placed = placed(body);
        assertThat(fenceRemaining()).isEqualTo(1);
        assertThat(reserved(warehouse, shears)).isEqualTo(3);
        var read = admin.get("/api/v1/orders/" + placed.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("lines").path(0).path("locationCode").asString()).isEqualTo(warehouse);
        assertThat(admin.get("/api/v1/orders?customerRef=" + customer).json().path("items")).hasSize(1);
        var routing = admin.get("/api/v1/fulfilment/routing/" + placed.path("id").asString());
        assertThat(routing.status()).as(routing.toString()).isEqualTo(200);
    }

    private int fenceRemaining() {
        return admin.get("/api/v1/inventory/ring-fences?channelCode=" + marketplace).json().valueStream()
                .filter(f -> f.path("sku").asString().equals(shears)).findFirst().orElseThrow()
                .path("remaining").asInt();
    }

    @Test
    void cancellationsGiveBackExactlyWhatTheyCancelAndRepriceTheRest() {
        String coupon = couponForTheseChannels();
        var body = order(web, home(), shears, 3, gloves, 1);
        body.put("codes", List.of(coupon));
        JsonNode order = placed(body);
        String id = order.path("id").asString();
        assertThat(reserved(warehouse, shears)).isEqualTo(3);
        assertThat(reserved(warehouse, gloves)).isEqualTo(1);

        var partly = admin.post("/api/v1/orders/" + id + "/line-cancellations", Map.of("lines",
                List.of(Map.of("lineNo", 1, "quantity", 2)), "reason", "customer changed their mind"));
        assertThat(partly.status()).as(partly.toString()).isEqualTo(200);
        assertThat(reserved(warehouse, shears)).isEqualTo(1);
        assertThat(reserved(warehouse, gloves)).isEqualTo(1);
        // 24.90 - 2.49 + 12.90 = 35.31, still above the 30.00 threshold: 30.31.
        assertThat(partly.json().path("totals").path("gross").asLong()).isEqualTo(3031);
        assertThat(partly.json().path("lines").get(0).path("cancelled").asInt()).isEqualTo(2);

        var whole = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "out of budget"));
        assertThat(whole.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved(warehouse, shears)).isZero();
        assertThat(reserved(warehouse, gloves)).isZero();
        List<String> actions = new ArrayList<>();
        admin.get("/api/v1/orders/" + id + "/history").json().forEach(c -> actions.add(c.path("action").asString()));
        assertThat(actions).containsExactly("placed", "lines cancelled", "cancelled");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedOf("ordering.order.status-changed")
                .stream().anyMatch(r -> r.body().contains(id) && r.body().contains("CANCELLED")));
    }

    @Test
    void anUnpaidOrderExpiresAndGivesItsStockBack() {
        var body = order(phone, home(), shears, 2);
        body.put("paymentDueBy", Instant.now().plusSeconds(1).toString());
        String id = placed(body).path("id").asString();
        assertThat(reserved(warehouse, shears)).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("/api/v1/orders/" + id).json().path("status").asString().equals("CANCELLED"));
        assertThat(reserved(warehouse, shears)).isZero();
        assertThat(admin.get("/api/v1/orders/" + id + "/history").json().get(1).path("detail").asString())
                .isEqualTo("not paid in time");
    }

    @Test
    void aDeclinedPaymentLeavesNoStockHeldAndAnApprovedOneConfirmsTheOrder() {
        String declined = placed(order(web, home(), shears, 2)).path("id").asString();
        var refused = admin.post("/api/v1/orders/" + declined + "/payments", Map.of("provider", "TEST",
                "token", "decline"));
        assertThat(refused.status()).isEqualTo(201);
        assertThat(refused.json().path("status").asString()).isEqualTo("DECLINED");
        assertThat(admin.get("/api/v1/orders/" + declined).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved(warehouse, shears)).isZero();

        String paid = placed(order(web, home(), shears, 1)).path("id").asString();
        var payment = admin.post("/api/v1/orders/" + paid + "/payments", Map.of("provider", "TEST", "token", "ok"));
        assertThat(payment.json().path("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(admin.get("/api/v1/orders/" + paid).json().path("status").asString()).isEqualTo("CONFIRMED");
        admin.post("/api/v1/orders/" + paid + "/payments/" + payment.json().path("id").asString() + "/capture", null);
        var order = admin.get("/api/v1/orders/" + paid).json();
        assertThat(order.path("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(order.path("balance").asLong()).isZero();
        assertThat(reserved(warehouse, shears)).isEqualTo(1);
    }

    @Test
    void aTillSaleTakesTheStockOutOfTheStoreOncePaid() {
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        var sale = associate.post("/api/v1/orders", order(till, Map.of("code", "till", "method", "CARRY_OUT",
                "locationCode", store), shears, 1));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        String id = sale.json().path("id").asString();
        var cash = associate.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "CASH"));
        assertThat(cash.json().path("status").asString()).isEqualTo("CAPTURED");

        assertThat(admin.get("/api/v1/orders/" + id).json().path("status").asString()).isEqualTo("COLLECTED");
        assertThat(onHand(store, shears)).isEqualTo(2);
        assertThat(reserved(store, shears)).isZero();
        assertThat(admin.get("/api/v1/orders?locationCode=" + store).json().path("items").get(0).path("id")
                .asString()).isEqualTo(id);
        // A store associate's key lists its store's orders only, whatever location it asks for.
        placed(order(web, home(), shears, 1));
        var scoped = associate.get("/api/v1/orders?locationCode=" + warehouse).json().path("items");
        assertThat(scoped.valueStream().map(o -> o.path("id").asString())).contains(id);
        assertThat(scoped.valueStream().flatMap(o -> o.path("lines").valueStream())
                .map(l -> l.path("locationCode").asString())).containsOnly(store);
    }

    @Test
    void aReserveAndCollectOrderIsPaidInTheStoreBeforeItIsHandedOver() {
        var body = order(web, Map.of("code", "rc", "method", "RESERVE_AND_COLLECT", "locationCode", store),
                shears, 1);
        JsonNode order = placed(body);
        String id = order.path("id").asString();
        assertThat(order.path("paymentTerms").asString()).isEqualTo("PAY_AT_PICKUP");
        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.path("expiresAt").isNull()).isFalse();
        assertThat(reserved(store, shears)).isEqualTo(1);

        admin.post("/api/v1/orders/" + id + "/status", Map.of("status", "READY_FOR_PICKUP"));
        var unpaid = admin.post("/api/v1/orders/" + id + "/status", Map.of("status", "COLLECTED"));
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.problem()).isEqualTo("payment-due");
        admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "CARD_TERMINAL"));
        var collected = admin.post("/api/v1/orders/" + id + "/status", Map.of("status", "COLLECTED"));
        assertThat(collected.json().path("status").asString()).isEqualTo("COLLECTED");
        assertThat(onHand(store, shears)).isEqualTo(2);
        assertThat(reserved(store, shears)).isZero();
        var backwards = admin.post("/api/v1/orders/" + id + "/status", Map.of("status", "CONFIRMED"));
        assertThat(backwards.status()).isEqualTo(409);
    }

    @Test
    void badOrdersAreRefusedAndWriteNothing() {
        String customer = unique("cust");
        var unknownSku = order(web, home(), "NO-SUCH-" + unique("X"), 1);
        unknownSku.put("customerRef", customer);
        assertThat(admin.post("/api/v1/orders", unknownSku).status()).isEqualTo(422);
        var zero = order(web, home(), shears, 0);
        zero.put("customerRef", customer);
        assertThat(admin.post("/api/v1/orders", zero).status()).isEqualTo(400);
        var negative = order(web, home(), shears, -1);
        assertThat(admin.post("/api/v1/orders", negative).status()).isEqualTo(400);
        var unknownCoupon = order(web, home(), shears, 1);
        unknownCoupon.put("codes", List.of("NO-SUCH-CODE"));
        unknownCoupon.put("customerRef", customer);
        var coupon = admin.post("/api/v1/orders", unknownCoupon);
        assertThat(coupon.status()).isEqualTo(422);
        assertThat(coupon.problem()).isEqualTo("unknown-coupon");

        String dollars = unique("USD");
        admin.post("/api/v1/pricing/promotions", Map.of("code", dollars, "name", "Dollars", "kind", "AMOUNT_OFF",
                "target", "CART", "amount", 100, "currency", "USD", "requiresCoupon", true));
        String dollarCoupon = unique("DOLLAR");
        admin.post("/api/v1/pricing/promotions/" + dollars + "/coupons", Map.of("code", dollarCoupon));
        var otherCurrency = order(web, home(), shears, 1);
        otherCurrency.put("codes", List.of(dollarCoupon));
        var mismatch = admin.post("/api/v1/orders", otherCurrency);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.problem()).isEqualTo("promotion-currency-mismatch");
        var noAddress = order(web, Map.of("code", "home", "method", "HOME_DELIVERY"), shears, 1);
        assertThat(admin.post("/api/v1/orders", noAddress).status()).isEqualTo(400);

        assertThat(reserved(warehouse, shears)).isZero();
        assertThat(admin.get("/api/v1/orders?customerRef=" + customer).json().path("items")).isEmpty();
    }

    @Test
    void aCartOnAHoldingChannelHoldsItsStockUntilOrdered() {
        var body = Fixtures.channel("HOLDCART", List.of(store, warehouse));
        admin.post("/api/v1/channels", body);   // the channel named in the suite's settings; may exist already
        admin.with("If-Match", "*").put("/api/v1/channels/HOLDCART", body);
        String cart = admin.post("/api/v1/carts", Map.of("channelCode", "HOLDCART", "customerRef", unique("c")))
                .json().path("id").asString();
        var added = admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", shears, "quantity", 2));
        assertThat(added.json().path("holdId").isNull()).isFalse();
        assertThat(reserved(warehouse, shears)).isEqualTo(2);
        admin.put("/api/v1/carts/" + cart + "/lines/" + shears, Map.of("quantity", 1));
        assertThat(reserved(warehouse, shears)).isEqualTo(1);

        admin.put("/api/v1/carts/" + cart + "/groups/main", Map.of("method", "HOME_DELIVERY", "address", PARIS));
        var order = admin.post("/api/v1/carts/" + cart + "/order", null);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(reserved(warehouse, shears)).isEqualTo(1);
        // The cart is ordered with its order, its own hold handed over to the order's.
        var ordered = admin.get("/api/v1/carts/" + cart).json();
        assertThat(ordered.path("status").asString()).isEqualTo("ORDERED");
        assertThat(ordered.path("orderId").asString()).isEqualTo(order.json().path("id").asString());
        assertThat(ordered.has("holdId")).as(ordered.toString()).isFalse();
        var again = admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", gloves, "quantity", 1));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void eachCartChangeAnswersTheCartAsItReadsBack() {
        String cart = admin.post("/api/v1/carts", Map.of("channelCode", web)).json().path("id").asString();
        List<Api.Response> changes = new ArrayList<>();
        changes.add(admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", shears, "quantity", 1)));
        changes.add(admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", gloves, "quantity", 2)));
        changes.add(admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", shears, "quantity", 1)));
        changes.add(admin.put("/api/v1/carts/" + cart + "/groups/main", Map.of("method", "HOME_DELIVERY",
                "address", PARIS)));
        changes.add(admin.put("/api/v1/carts/" + cart + "/groups/store", Map.of("method", "CLICK_AND_COLLECT",
                "locationCode", store)));
        changes.add(admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", gloves, "quantity", 1,
                "group", "store")));
        changes.add(admin.put("/api/v1/carts/" + cart + "/lines/" + shears, Map.of("quantity", 0)));
        changes.add(admin.put("/api/v1/carts/" + cart + "/groups/main", Map.of("method", "HOME_EXPRESS",
                "address", PARIS)));
        var last = changes.getLast().json();
        for (var change : changes) {
            assertThat(change.status()).as(change.toString()).isEqualTo(200);
        }
        var read = admin.get("/api/v1/carts/" + cart).json();
        assertThat(last).isEqualTo(read);
        assertThat(read.path("lines").valueStream().map(l -> l.path("sku").asString() + "×"
                + l.path("quantity").asInt() + "@" + l.path("group").asString())).containsExactly(gloves + "×3@store");
        assertThat(read.path("groups").valueStream().map(g -> g.path("code").asString() + ":"
                + g.path("method").asString())).containsExactly("main:HOME_EXPRESS", "store:CLICK_AND_COLLECT");
    }

    @Test
    void aRefusedCartChangeWritesNothingAndALineKeepsItsPlaceWhenItsQuantityChanges() {
        String unknown = "/api/v1/carts/" + java.util.UUID.randomUUID();
        assertThat(admin.post(unknown + "/lines", Map.of("sku", shears, "quantity", 1)).status()).isEqualTo(404);
        assertThat(admin.put(unknown + "/groups/main", Map.of("method", "HOME_DELIVERY", "address", PARIS))
                .status()).isEqualTo(404);

        String cart = "/api/v1/carts/" + admin.post("/api/v1/carts", Map.of("channelCode", web)).json().path("id")
                .asString();
        admin.post(cart + "/lines", Map.of("sku", shears, "quantity", 9_999));
        admin.post(cart + "/lines", Map.of("sku", gloves, "quantity", 1));
        admin.put(cart + "/groups/main", Map.of("method", "HOME_DELIVERY", "address", PARIS));
        var before = admin.get(cart);
        // One more shears would make 10,000 and is allowed; two would not, and change nothing.
        var tooMany = admin.post(cart + "/lines", Map.of("sku", shears, "quantity", 2));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        var elsewhere = Fixtures.store(unique("ST"), 45.76, 4.83);
        assertThat(admin.post("/api/v1/locations", elsewhere).status()).isEqualTo(201);
        var notSoldFrom = admin.put(cart + "/groups/main", Map.of("method", "CLICK_AND_COLLECT", "locationCode",
                elsewhere.get("code")));
        assertThat(notSoldFrom.status()).as(notSoldFrom.toString()).isEqualTo(400);
        var after = admin.get(cart);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));

        var more = admin.post(cart + "/lines", Map.of("sku", shears, "quantity", 1));
        assertThat(more.status()).as(more.toString()).isEqualTo(200);
        assertThat(more.json().path("lines").valueStream().map(l -> l.path("sku").asString() + "×"
                + l.path("quantity").asInt())).containsExactly(shears + "×10000", gloves + "×1");
    }

    @Test
    void anUnknownCouponIsNotKeptOnTheCartAndAKnownCustomersIdleCartIsAbandoned() {
        String customer = unique("cust");
        String cart = admin.post("/api/v1/carts", Map.of("channelCode", web)).json().path("id").asString();
        admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", gloves, "quantity", 1));
        var refused = admin.post("/api/v1/carts/" + cart + "/codes", Map.of("code", "NOPE-" + unique("X")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/carts/" + cart).json().path("codes")).isEmpty();
        var zero = admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", gloves, "quantity", 0));
        assertThat(zero.status()).isEqualTo(400);

        admin.put("/api/v1/carts/" + cart + "/customer", Map.of("customerRef", customer));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedOf("ordering.cart.abandoned").stream()
                .anyMatch(r -> r.body().contains(customer)));
        assertThat(receiver.receivedOf("ordering.cart.updated").stream().anyMatch(r -> r.body().contains(cart)))
                .isTrue();
    }

    @Test
    void anOrderIsEditedBeforeFulfilmentWithItsStockHeldAgainAndItsPriceDifference() {
        String other = unique("ST");
        var otherStore = Fixtures.store(other, 48.80, 2.13);
        admin.post("/api/v1/locations", otherStore);
        admin.with("If-Match", "*").put("/api/v1/channels/" + web, Fixtures.channel(web, List.of(store, warehouse,
                other)));
        receive(other, shears, 5);
        receive(store, gloves, 5);
        JsonNode order = placed(order(web, Map.of("code", "pickup", "method", "CLICK_AND_COLLECT",
                "locationCode", store), shears, 1));
        String id = order.path("id").asString();
        long before = order.path("totals").path("gross").asLong();
        assertThat(reserved(store, shears)).isEqualTo(1);

        var added = admin.post("/api/v1/orders/" + id + "/edits", Map.of("add",
                List.of(Map.of("sku", gloves, "quantity", 2)), "reason", "asked on the phone"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().path("totals").path("gross").asLong()).isEqualTo(before + 2 * 1290);
        assertThat(added.json().path("balance").asLong()).isEqualTo(before + 2 * 1290);
        assertThat(reserved(store, gloves)).isEqualTo(2);

        var moved = admin.post("/api/v1/orders/" + id + "/edits", Map.of("pickup", Map.of("group", "pickup",
                "locationCode", other), "remove", List.of(Map.of("lineNo", 2, "quantity", 2))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(reserved(store, shears)).isZero();
        assertThat(reserved(store, gloves)).isZero();
        assertThat(reserved(other, shears)).isEqualTo(1);
        assertThat(moved.json().path("totals").path("gross").asLong()).isEqualTo(before);

        var tooMany = admin.post("/api/v1/orders/" + id + "/edits", Map.of("add",
                List.of(Map.of("sku", shears, "quantity", 50))));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(reserved(other, shears)).isEqualTo(1);
        assertThat(admin.get("/api/v1/orders/" + id).json().path("totals").path("gross").asLong()).isEqualTo(before);
    }

    @Test
    void theSameMarketplaceOrderImportedConcurrentlyIsPlacedOnce() throws Exception {
        var body = order(marketplace, home(), shears, 1);
        body.put("externalId", "RACE-" + unique("X"));
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                pool.submit(() -> {
                    start.await();
                    statuses.add(admin.post("/api/v1/orders", body).status());
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).hasSize(6);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(5);
        assertThat(reserved(warehouse, shears)).isEqualTo(1);
    }

    @Test
    void couponLimitsAreCountedWhenOrdersArePlacedAndGivenBackWhenTheyAreCancelled() {
        String promotion = unique("ONCE");
        var body = new HashMap<String, Object>(Map.of("code", promotion, "name", "Une fois", "kind", "AMOUNT_OFF",
                "target", "CART", "amount", 300, "currency", "EUR", "requiresCoupon", true,
                "channelCodes", List.of(web)));
        assertThat(admin.post("/api/v1/pricing/promotions", body).status()).isEqualTo(201);
        String perCustomer = unique("MINE");
        admin.post("/api/v1/pricing/promotions/" + promotion + "/coupons", Map.of("code", perCustomer,
                "perCustomerLimit", 1));
        String single = unique("SINGLE");
        admin.post("/api/v1/pricing/promotions/" + promotion + "/coupons", Map.of("code", single, "usageLimit", 1));
        String alice = unique("alice");

        var first = order(web, home(), gloves, 1);
        first.put("customerRef", alice);
        first.put("codes", List.of(perCustomer));
        JsonNode placed = placed(first);
        assertThat(placed.path("totals").path("discount").asLong()).isEqualTo(300);
        var again = admin.post("/api/v1/orders", first);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.problem()).isEqualTo("coupon-not-applicable");
        assertThat(again.json().path("detail").asString()).contains("already used the coupon 1 time");

        var bob = order(web, home(), shears, 1);
        bob.put("customerRef", unique("bob"));
        bob.put("codes", List.of(single));
        String bobsOrder = placed(bob).path("id").asString();
        var carol = order(web, home(), shears, 1);
        carol.put("customerRef", unique("carol"));
        carol.put("codes", List.of(single));
        var refused = admin.post("/api/v1/orders", carol);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("usage limit");

        admin.post("/api/v1/orders/" + bobsOrder + "/cancel", Map.of());
        assertThat(admin.post("/api/v1/orders", carol).status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/pricing/promotions/" + promotion + "/coupons").json().path("items")
                .valueStream().filter(c -> c.path("code").asString().equals(single))
                .map(c -> c.path("used").asInt())).containsExactly(1);
    }
}
