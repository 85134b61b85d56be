package org.comptoir.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Returns from any channel, received in a store, at a kiosk or by parcel, refunded or credited. */
class ReturnsApiTest extends ApiTest {

    private static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR", "latitude", 48.8556, "longitude", 2.3561);

    private String boulogne;
    private String versailles;
    private String lyon;
    private String web;
    private String marketplace;
    private String till;
    private String shirtM;
    private String shirtL;
    private String shirtXl;

    @BeforeEach
    void retailer() {
        boulogne = location("STB", "STORE", 48.8397, 2.2399, "SHIP_FROM_STORE", "ACCEPTS_RETURNS");
        versailles = location("STV", "STORE", 48.8049, 2.1204, "ACCEPTS_RETURNS");
        lyon = location("WHL", "WAREHOUSE", 45.7640, 4.8357, "SHIPS_PARCELS");
        web = channel("WEB", "WEB");
        marketplace = channel("MKP", "MARKETPLACE");
        till = channel("TILL", "STORE");
        shirtM = unique("CHM");
        shirtL = unique("CHL");
        shirtXl = unique("CHXL");
        admin.post("/api/v1/catalog/products", Fixtures.product("Chemise", List.of(), shirtM, shirtL, shirtXl));
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", shirtM, "amount", 3990), Map.of("sku", shirtL, "amount", 3990),
                Map.of("sku", shirtXl, "amount", 4490))));
        receive(lyon, shirtM, 10);
        receive(lyon, shirtL, 10);
        receive(boulogne, shirtL, 1);
    }

    private String channel(String prefix, String type) {
        String code = unique(prefix);
        var body = Fixtures.channel(code, List.of(boulogne, versailles, lyon));
        body.put("type", type);
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(201);
        return code;
    }

    private int onHand(String location, String sku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("onHand").asInt();
    }

    /** An order of the channel, paid (captured) unless a marketplace's, and delivered. */
    private JsonNode deliveredOrder(String channel, String sku, int quantity) {
        var placed = admin.post("/api/v1/orders", Map.of("channelCode", channel, "customerRef", "cust-42",
                "groups", List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS)),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String id = placed.json().path("id").asString();
        if (!channel.equals(marketplace)) {
            var payment = admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "ok"));
            admin.post("/api/v1/orders/" + id + "/payments/" + payment.json().path("id").asString() + "/capture",
                    null);
        }
        for (String status : List.of("IN_FULFILMENT", "SHIPPED", "DELIVERED")) {
            var moved = admin.post("/api/v1/orders/" + id + "/status", Map.of("status", status));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        return admin.get("/api/v1/orders/" + id).json();
    }

    private Api.Response open(String orderId, String method, String location, String refundTo, int lineNo,
            int quantity) {
        var body = new java.util.HashMap<String, Object>(Map.of("orderId", orderId, "method", method, "lines",
                List.of(Map.of("lineNo", lineNo, "quantity", quantity, "reason", "WRONG_SIZE"))));
        if (location != null) {
            body.put("locationCode", location);
        }
        if (refundTo != null) {
            body.put("refundTo", refundTo);
        }
        return admin.post("/api/v1/returns", body);
    }

    @Test
    void aWebOrderReturnedInAStoreIsRestockedThereAndRefundedToTheCard() {
        JsonNode order = deliveredOrder(web, shirtM, 2);
        String orderId = order.path("id").asString();
        long paidForOne = order.path("lines").path(0).path("gross").asLong() / 2;
        var opened = open(orderId, "IN_STORE", boulogne, null, 1, 1);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode ret = opened.json().path("returnRequest");
        assertThat(ret.path("status").asString()).isEqualTo("OPEN");
        assertThat(ret.path("code").asString()).matches("R[2-9A-Z]{8}");
        assertThat(ret.path("refundAmount").asLong()).isEqualTo(paidForOne);
        String id = ret.path("id").asString();

        int before = onHand(boulogne, shirtM);
        Api store = as(scopedKey(boulogne, Role.STORE_ASSOCIATE));
        var received = store.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", boulogne, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().path("returnRequest").path("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.json().path("returnRequest").path("refunded").asLong()).isEqualTo(paidForOne);
        assertThat(received.json().path("refundDue").asLong()).isZero();
        assertThat(onHand(boulogne, shirtM)).isEqualTo(before + 1);
        // The card's refund is asked of the gateway once the receipt commits.
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/orders/" + orderId
                + "/payments").json().path(0).path("refunded").asLong() == paidForOne);
        assertThat(admin.get("/api/v1/orders/" + orderId).json().path("paymentStatus").asString())
                .isEqualTo("PARTLY_REFUNDED");

        // Seen on the order and in the customer's history; the same units cannot come back twice.
        assertThat(admin.get("/api/v1/returns?orderId=" + orderId).json().size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/returns?customerRef=cust-42").json().valueStream()
                .map(r -> r.path("returnRequest").path("id").asString())).contains(id);
        assertThat(open(orderId, "IN_STORE", boulogne, null, 1, 2).status()).isEqualTo(400);
        assertThat(store.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", boulogne, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE")))).status()).isEqualTo(409);
    }

    @Test
    void aKioskReturnIsFoundByItsCodeAndDamagedUnitsGoToQuarantineForStoreCredit() {
        JsonNode order = deliveredOrder(web, shirtL, 1);
        var opened = open(order.path("id").asString(), "KIOSK", versailles, "STORE_CREDIT", 1, 1);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String code = opened.json().path("returnRequest").path("code").asString();

        Api kiosk = as(scopedKey(versailles, Role.STORE_ASSOCIATE));
        JsonNode found = kiosk.get("/api/v1/returns/by-code/" + code.toLowerCase()).json().path("returnRequest");
        assertThat(found.path("orderNumber").asString()).isEqualTo(order.path("number").asString());
        int before = onHand(versailles, shirtL);
        var received = kiosk.post("/api/v1/returns/" + found.path("id").asString() + "/receive", Map.of(
                "locationCode", versailles, "lines", List.of(Map.of("lineNo", 1, "condition", "DAMAGED"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        JsonNode ret = received.json().path("returnRequest");
        assertThat(ret.path("creditCode").asString()).startsWith("C");
        assertThat(ret.path("refunded").asLong()).isEqualTo(ret.path("refundAmount").asLong());
        assertThat(onHand(versailles, shirtL)).isEqualTo(before);
        assertThat(kiosk.get("/api/v1/returns/quarantine").json().valueStream()
                .filter(q -> q.path("sku").asString().equals(shirtL)).findFirst().orElseThrow()
                .path("quantity").asInt()).isEqualTo(1);
        // The card was not refunded: the customer chose credit.
        assertThat(admin.get("/api/v1/orders/" + order.path("id").asString() + "/payments").json().path(0)
                .path("refunded").asLong()).isZero();
    }

    @Test
    void aKioskReturnRestocksTheStoreThatReceivesIt() {
        JsonNode order = deliveredOrder(web, shirtM, 1);
        String code = open(order.path("id").asString(), "KIOSK", versailles, null, 1, 1).json()
                .path("returnRequest").path("code").asString();
        Api kiosk = as(scopedKey(versailles, Role.STORE_ASSOCIATE));
        String id = kiosk.get("/api/v1/returns/by-code/" + code).json().path("returnRequest").path("id").asString();
        int before = onHand(versailles, shirtM);
        assertThat(kiosk.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", versailles, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE")))).status()).isEqualTo(200);
        assertThat(onHand(versailles, shirtM)).isEqualTo(before + 1);
        assertThat(admin.get("/api/v1/inventory/movements?locationCode=" + versailles + "&sku=" + shirtM).json()
                .path("items").valueStream().map(m -> m.path("kind").asString())).contains("RETURN");
    }

    @Test
    void anExchangeCanBeShippedToTheCustomer() {
        JsonNode order = deliveredOrder(web, shirtM, 1);
        var exchanged = admin.post("/api/v1/returns/exchanges", Map.of("orderId", order.path("id").asString(),
                "lineNo", 1, "quantity", 1, "sku", shirtL, "locationCode", boulogne, "channelCode", web, "shipTo",
                Map.of("line1", "12 rue de Rivoli", "postalCode", "75004", "city", "Paris", "country", "FR")));
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
        JsonNode replacement = exchanged.json().path("replacement");
        // The returned shirt's worth pays the replacement; a delivery fee, if any, is left to pay.
        assertThat(replacement.path("creditUsed").asLong()).isEqualTo(3990);
        assertThat(replacement.path("due").asLong())
                .isEqualTo(replacement.path("gross").asLong() - 3990);
        var routing = admin.get("/api/v1/fulfilment/routing/" + replacement.path("orderId").asString()).json();
        assertThat(routing.path("fulfilmentOrders").path(0).path("kind").asString()).isEqualTo("SHIPMENT");
    }

    @Test
    void aMarketplaceOrderReturnedInAStoreLeavesTheRefundToTheMarketplace() {
        JsonNode order = deliveredOrder(marketplace, shirtM, 1);
        String id = open(order.path("id").asString(), "IN_STORE", boulogne, null, 1, 1).json()
                .path("returnRequest").path("id").asString();
        var received = admin.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", boulogne, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().path("returnRequest").path("refunded").asLong()).isZero();
        assertThat(received.json().path("refundDue").asLong()).isEqualTo(3990);
    }

    @Test
    void theReturnRulesAndBadInputAreRefusedWithNothingWritten() {
        var notShipped = admin.post("/api/v1/orders", Map.of("channelCode", marketplace, "groups", List.of(Map.of(
                "code", "home", "method", "HOME_DELIVERY", "address", PARIS)), "lines",
                List.of(Map.of("sku", shirtM, "quantity", 1)))).json();
        var early = open(notShipped.path("id").asString(), "IN_STORE", boulogne, null, 1, 1);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problem()).isEqualTo("order-not-handed-over");

        JsonNode order = deliveredOrder(web, shirtL, 1);
        String orderId = order.path("id").asString();
        assertThat(open(orderId, "IN_STORE", lyon, null, 1, 1).status()).isEqualTo(400);
        assertThat(open(orderId, "IN_STORE", null, null, 1, 1).status()).isEqualTo(400);
        assertThat(open(orderId, "IN_STORE", boulogne, null, 2, 1).status()).isEqualTo(400);
        assertThat(open(orderId, "IN_STORE", boulogne, null, 1, 2).status()).isEqualTo(400);
        assertThat(open(orderId, "IN_STORE", boulogne, null, 1, 0).status()).isEqualTo(400);
        assertThat(open(orderId, "TELEPORT", boulogne, null, 1, 1).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/returns", Map.of("orderId", java.util.UUID.randomUUID().toString(),
                "method", "PARCEL", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "OTHER"))))
                .status()).isEqualTo(400);

        assertThat(admin.put("/api/v1/returns/non-returnable/" + shirtL, Map.of("reason", "hygiène")).status())
                .isEqualTo(204);
        var blocked = open(orderId, "IN_STORE", boulogne, null, 1, 1);
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.problem()).isEqualTo("non-returnable");
        assertThat(admin.delete("/api/v1/returns/non-returnable/" + shirtL).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/returns?orderId=" + orderId).json().size()).isZero();

        // A parcel return needs no store; it is received where it arrives, by that location only.
        var parcel = open(orderId, "PARCEL", null, null, 1, 1);
        assertThat(parcel.status()).as(parcel.toString()).isEqualTo(201);
        String id = parcel.json().path("returnRequest").path("id").asString();
        Api elsewhere = as(scopedKey(versailles, Role.STORE_ASSOCIATE));
        assertThat(elsewhere.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", boulogne, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE")))).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", boulogne, "lines",
                List.of(Map.of("lineNo", 2, "condition", "RESELLABLE")))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/returns/" + id + "/receive", Map.of("locationCode", lyon, "lines",
                List.of(Map.of("lineNo", 1, "condition", "RESELLABLE")))).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/returns/" + id).json().path("returnRequest").path("status").asString())
                .isEqualTo("OPEN");
        assertThat(admin.post("/api/v1/returns/" + id + "/cancel", null).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/returns/" + id + "/cancel", null).status()).isEqualTo(409);
        // Cancelled, its units may be returned again.
        assertThat(open(orderId, "IN_STORE", boulogne, null, 1, 1).status()).isEqualTo(201);
    }

    private Api.Response exchange(String orderId, String sku, Api api) {
        return api.post("/api/v1/returns/exchanges", Map.of("orderId", orderId, "lineNo", 1, "quantity", 1,
                "sku", sku, "locationCode", boulogne, "channelCode", till));
    }

    @Test
    void theMarketplaceShirtIsExchangedForAnotherSizeInTheStoreInOneStep() {
        JsonNode order = deliveredOrder(marketplace, shirtM, 1);
        String orderId = order.path("id").asString();
        int mBefore = onHand(boulogne, shirtM);
        int lBefore = onHand(boulogne, shirtL);
        Api store = as(scopedKey(boulogne, Role.STORE_ASSOCIATE));

        var exchanged = exchange(orderId, shirtL, store);
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
        JsonNode ret = exchanged.json().path("returnRequest");
        JsonNode replacement = exchanged.json().path("replacement");
        assertThat(ret.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(ret.path("refundTo").asString()).isEqualTo("EXCHANGE");
        assertThat(ret.path("exchangeOrderNumber").asString()).isEqualTo(replacement.path("number").asString());
        assertThat(replacement.path("due").asLong()).isZero();
        assertThat(replacement.path("status").asString()).isEqualTo("COLLECTED");
        // The returned M is back on the store's shelf, the L it gave is sold: both sizes correct.
        assertThat(onHand(boulogne, shirtM)).isEqualTo(mBefore + 1);
        assertThat(onHand(boulogne, shirtL)).isEqualTo(lBefore - 1);
        assertThat(admin.get("/api/v1/inventory/balances/" + boulogne + "/" + shirtL).json().path("reserved")
                .asInt()).isZero();
        var payments = admin.get("/api/v1/orders/" + replacement.path("orderId").asString() + "/payments").json();
        assertThat(payments.path(0).path("provider").asString()).isEqualTo("EXCHANGE_CREDIT");
        assertThat(payments.path(0).path("captured").asLong()).isEqualTo(3990);
        assertThat(admin.get("/api/v1/returns?orderId=" + orderId).json().size()).isEqualTo(1);
        // The same unit cannot be exchanged twice, and a client cannot pay with exchange credit.
        assertThat(exchange(orderId, shirtL, store).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/orders/" + replacement.path("orderId").asString() + "/payments",
                Map.of("provider", "EXCHANGE_CREDIT")).status()).isEqualTo(400);
    }

    @Test
    void aDearerReplacementLeavesTheDifferenceToPayAndAnOutOfStockOneChangesNothing() {
        JsonNode order = deliveredOrder(web, shirtM, 1);
        String orderId = order.path("id").asString();
        int mBefore = onHand(boulogne, shirtM);

        // No XL in the store: refused, and nothing was returned, restocked or refunded.
        var refused = exchange(orderId, shirtXl, admin);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("out-of-stock");
        assertThat(onHand(boulogne, shirtM)).isEqualTo(mBefore);
        assertThat(admin.get("/api/v1/returns?orderId=" + orderId).json().size()).isZero();
        assertThat(admin.get("/api/v1/orders/" + orderId + "/payments").json().path(0).path("refunded").asLong())
                .isZero();

        receive(boulogne, shirtXl, 1);
        var exchanged = exchange(orderId, shirtXl, admin);
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
        JsonNode replacement = exchanged.json().path("replacement");
        assertThat(replacement.path("due").asLong()).isEqualTo(4490 - 3990);
        assertThat(replacement.path("status").asString()).isEqualTo("PLACED");
        String newOrder = replacement.path("orderId").asString();
        var cash = admin.post("/api/v1/orders/" + newOrder + "/payments", Map.of("provider", "CASH"));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        assertThat(cash.json().path("amount").asLong()).isEqualTo(500);
        assertThat(admin.get("/api/v1/orders/" + newOrder).json().path("status").asString()).isEqualTo("COLLECTED");
        assertThat(onHand(boulogne, shirtXl)).isZero();
        assertThat(onHand(boulogne, shirtM)).isEqualTo(mBefore + 1);
    }

    @Test
    void aCheaperReplacementRefundsTheDifferenceToTheOriginalPayment() {
        receive(lyon, shirtXl, 1);
        JsonNode order = deliveredOrder(web, shirtXl, 1);
        String orderId = order.path("id").asString();
        var exchanged = exchange(orderId, shirtL, admin);
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
        assertThat(exchanged.json().path("replacement").path("status").asString()).isEqualTo("COLLECTED");
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/orders/" + orderId
                + "/payments").json().path(0).path("refunded").asLong() == 4490 - 3990);
        var original = admin.get("/api/v1/orders/" + orderId).json();
        assertThat(original.path("balance").asLong()).as(original.toString()).isZero();
        assertThat(exchanged.json().path("returnRequest").path("refunded").asLong()).isEqualTo(4490);
    }
}
