package org.comptoir.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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

/** Orders routed, prepared, shipped, collected and re-routed through the fulfilment API. */
class FulfilmentApiTest extends ApiTest {

    private static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR", "latitude", 48.8556, "longitude", 2.3561);

    private String boulogne;
    private String versailles;
    private String lyon;
    private String web;
    private String shears;
    private String gloves;
    private WebhookReceiver receiver;
    private String subscription;

    @BeforeEach
    void retailer() throws Exception {
        boulogne = location("STB", "STORE", 48.8397, 2.2399, "SHIP_FROM_STORE", "CLICK_AND_COLLECT");
        versailles = location("STV", "STORE", 48.8049, 2.1204, "SHIP_FROM_STORE", "CLICK_AND_COLLECT");
        lyon = location("WHL", "WAREHOUSE", 45.7640, 4.8357, "SHIPS_PARCELS");
        web = unique("WEB");
        var channel = Fixtures.channel(web, List.of(boulogne, versailles, lyon));
        channel.put("type", "WEB");
        assertThat(admin.post("/api/v1/channels", channel).status()).isEqualTo(201);
        shears = unique("SEC");
        gloves = unique("GNT");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + shears, List.of(), shears));
        admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(), gloves));
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", shears, "amount", 2490), Map.of("sku", gloves, "amount", 1290))));
        receive(boulogne, shears, 2);
        receive(versailles, shears, 5);
        receive(lyon, shears, 50);
        receive(lyon, gloves, 50);
        // Distance only for this channel: the nearest location able to serve wins.
        rule("HOME_DELIVERY", 3);
        rule("CLICK_AND_COLLECT", 3);
        receiver = new WebhookReceiver();
        var hook = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("fulfilment.*")));
        subscription = hook.json().path("id").asString();
        receiver.secret(hook.json().path("secret").asString());
    }

    @AfterEach
    void stopListening() {
        admin.delete("/api/v1/webhooks/" + subscription);
        receiver.close();
    }

    private void rule(String method, int maxLocations) {
        var answer = admin.put("/api/v1/fulfilment/sourcing-rules/" + web + "/" + method, Map.of(
                "maxLocations", maxLocations, "weightDistance", 100, "weightCost", 0, "weightWorkload", 0,
                "weightDepth", 0, "costWarehouse", 1, "costStore", 1));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private JsonNode place(Map<String, Object> group, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        var answer = admin.post("/api/v1/orders", Map.of("channelCode", web, "groups", List.of(group), "lines", lines));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private void pay(String orderId) {
        var payment = admin.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "TEST", "token", "ok"));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
    }

    private JsonNode routing(String orderId) {
        return admin.get("/api/v1/fulfilment/routing/" + orderId).json();
    }

    private static List<JsonNode> fulfilmentOrders(JsonNode routing, String status) {
        return routing.path("fulfilmentOrders").valueStream()
                .filter(f -> status == null || f.path("status").asString().equals(status)).toList();
    }

    private String orderStatus(String orderId) {
        return admin.get("/api/v1/orders/" + orderId).json().path("status").asString();
    }

    private int reserved(String location, String sku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("reserved").asInt();
    }

    private int onHand(String location, String sku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("onHand").asInt();
    }

    private Api.Response act(Api api, String fulfilmentOrderId, String action, Object body) {
        return api.post("/api/v1/fulfilment/orders/" + fulfilmentOrderId + "/" + action, body);
    }

    @Test
    void aHomeDeliveryIsPreparedByTheNearestStoreAndTheOrderFollowsItsFulfilment() {
        JsonNode order = place(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS), shears, 1);
        String id = order.path("id").asString();
        // Boulogne is the nearest location with shears: the stock is held there from the start.
        assertThat(order.path("lines").path(0).path("locationCode").asString()).isEqualTo(boulogne);
        assertThat(reserved(boulogne, shears)).isEqualTo(1);
        JsonNode routing = routing(id);
        assertThat(routing.path("routed").asBoolean()).isTrue();
        assertThat(routing.path("decisions").path(0).path("reason").asString()).contains(boulogne + " has every line");
        JsonNode explanation = Api.JSON.readTree(routing.path("decisions").path(0).path("explanationJson").asString());
        assertThat(explanation.path(0).path("candidates").asInt()).as("locations weighed").isEqualTo(3);
        assertThat(explanation.path(0).path("decision").path("candidates").size()).isEqualTo(3);
        // Not paid yet: the store's work waits.
        JsonNode shipment = fulfilmentOrders(routing, null).getFirst();
        assertThat(shipment.path("kind").asString()).isEqualTo("SHIPMENT");
        assertThat(shipment.path("status").asString()).isEqualTo("ON_HOLD");
        String fo = shipment.path("id").asString();

        pay(id);
        assertThat(fulfilmentOrders(routing(id), "TO_PICK")).hasSize(1);
        Api store = as(scopedKey(boulogne, Role.STORE_ASSOCIATE));
        var work = store.get("/api/v1/fulfilment/orders").json().path("items");
        assertThat(work.valueStream().map(f -> f.path("id").asString())).contains(fo);
        assertThat(work.valueStream()).allMatch(f -> f.path("locationCode").asString().equals(boulogne));
        Api elsewhere = as(scopedKey(versailles, Role.STORE_ASSOCIATE));
        assertThat(elsewhere.get("/api/v1/fulfilment/orders/" + fo).status()).isEqualTo(404);
        assertThat(act(elsewhere, fo, "start", null).status()).isEqualTo(404);

        assertThat(act(store, fo, "start", null).status()).isEqualTo(200);
        assertThat(orderStatus(id)).isEqualTo("IN_FULFILMENT");
        assertThat(act(store, fo, "ship", null).status()).isEqualTo(409);
        act(store, fo, "pack", null);
        var shipped = act(store, fo, "ship", Map.of("trackingNumber", "6A123"));
        assertThat(shipped.json().path("trackingNumber").asString()).isEqualTo("6A123");
        assertThat(orderStatus(id)).isEqualTo("SHIPPED");
        assertThat(onHand(boulogne, shears)).isEqualTo(1);
        assertThat(reserved(boulogne, shears)).isZero();
        act(admin, fo, "deliver", null);
        assertThat(orderStatus(id)).isEqualTo("DELIVERED");
        var history = admin.get("/api/v1/fulfilment/orders/" + fo).json().path("history");
        assertThat(history.valueStream().map(h -> h.path("to").asString()))
                .containsExactly("ON_HOLD", "TO_PICK", "PICKING", "PACKED", "SHIPPED", "DELIVERED");
    }

    @Test
    void aStoreThatCannotFindTheItemHandsTheLineBackAndItIsReRoutedWithItsStock() {
        JsonNode order = place(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS), shears, 1);
        String id = order.path("id").asString();
        pay(id);
        String fo = fulfilmentOrders(routing(id), "TO_PICK").getFirst().path("id").asString();
        Api store = as(scopedKey(boulogne, Role.STORE_ASSOCIATE));
        assertThat(act(store, fo, "refuse", Map.of()).status()).isEqualTo(400);
        var refused = act(store, fo, "refuse", Map.of("reason", "not on the shelf"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        assertThat(refused.json().path("status").asString()).isEqualTo("REFUSED");

        // Versailles is next nearest: the hold moved there in one step, the order knows it.
        JsonNode routing = routing(id);
        JsonNode next = fulfilmentOrders(routing, "TO_PICK").getFirst();
        assertThat(next.path("locationCode").asString()).isEqualTo(versailles);
        assertThat(reserved(boulogne, shears)).isZero();
        assertThat(reserved(versailles, shears)).isEqualTo(1);
        assertThat(admin.get("/api/v1/orders/" + id).json().path("lines").path(0).path("locationCode").asString())
                .isEqualTo(versailles);
        assertThat(routing.path("refusals").path(0).path("locationCode").asString()).isEqualTo(boulogne);
        assertThat(routing.path("decisions").valueStream().map(d -> d.path("trigger").asString()))
                .containsExactly("placed", "refused at " + boulogne);
        JsonNode decision = Api.JSON.readTree(routing.path("decisions").path(1).path("explanationJson").asString());
        assertThat(decision.path(0).path("decision").path("candidates").valueStream()
                .map(c -> c.path("locationCode").asString())).doesNotContain(boulogne);

        // Versailles refuses too: Lyon, far but stocked, takes it.
        act(admin, next.path("id").asString(), "refuse", Map.of("reason", "damaged"));
        assertThat(fulfilmentOrders(routing(id), "TO_PICK").getFirst().path("locationCode").asString()).isEqualTo(lyon);
        assertThat(reserved(lyon, shears)).isEqualTo(1);
        assertThat(reserved(versailles, shears)).isZero();
    }

    @Test
    void linesTheRulesCannotPlaceAreRetriedThenFlaggedNeverDropped() {
        // One location per order, and no location has both lines in stock.
        rule("HOME_DELIVERY", 1);
        admin.put("/api/v1/fulfilment/capacities/" + lyon, Map.of("dailyOrders", 0));
        try {
            JsonNode order = place(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS), shears, 1,
                    gloves, 1);
            String id = order.path("id").asString();
            // Held anyway where the most stock is, so nothing is promised twice.
            assertThat(reserved(lyon, gloves)).isEqualTo(1);
            assertThat(routing(id).path("routed").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(15)).until(() -> !routing(id).path("flaggedAt").isNull()
                    && !routing(id).path("flaggedAt").isMissingNode());
            JsonNode routing = routing(id);
            assertThat(routing.path("attempts").asInt()).isEqualTo(2);
            assertThat(routing.path("decisions").size()).isEqualTo(2);
            assertThat(admin.get("/api/v1/fulfilment/exceptions").json().valueStream()
                    .map(r -> r.path("orderId").asString())).contains(id);

            // Lyon can work again: a person asks for another try and it is routed there.
            admin.delete("/api/v1/fulfilment/capacities/" + lyon);
            var retried = admin.post("/api/v1/fulfilment/routing/" + id + "/retry", null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().path("routed").asBoolean()).isTrue();
            assertThat(admin.get("/api/v1/fulfilment/exceptions").json().valueStream()
                    .map(r -> r.path("orderId").asString())).doesNotContain(id);
            assertThat(admin.post("/api/v1/fulfilment/routing/" + id + "/retry", null).status()).isEqualTo(409);
        } finally {
            admin.delete("/api/v1/fulfilment/capacities/" + lyon);
        }
    }

    @Test
    void clickAndCollectWaitsForItsTransferThenIsHandedOverAgainstItsCode() {
        JsonNode order = place(Map.of("code", "pickup", "method", "CLICK_AND_COLLECT", "locationCode", boulogne),
                shears, 1, gloves, 1);
        String id = order.path("id").asString();
        pay(id);
        JsonNode routing = routing(id);
        JsonNode pickup = routing.path("fulfilmentOrders").valueStream()
                .filter(f -> f.path("kind").asString().equals("PICKUP")).findFirst().orElseThrow();
        JsonNode transfer = routing.path("fulfilmentOrders").valueStream()
                .filter(f -> f.path("kind").asString().equals("TRANSFER")).findFirst().orElseThrow();
        assertThat(pickup.path("locationCode").asString()).isEqualTo(boulogne);
        assertThat(transfer.path("locationCode").asString()).isEqualTo(lyon);
        assertThat(transfer.path("destinationCode").asString()).isEqualTo(boulogne);
        // The promised pickup date waits for the parcel (two working days without a carrier service).
        assertThat(java.time.Instant.parse(pickup.path("dueBy").asString()))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(24)));
        assertThat(reserved(boulogne, shears)).isEqualTo(1);
        assertThat(reserved(lyon, gloves)).isEqualTo(1);

        Api store = as(scopedKey(boulogne, Role.STORE_ASSOCIATE));
        String pickupId = pickup.path("id").asString();
        String transferId = transfer.path("id").asString();
        act(store, pickupId, "start", null);
        var early = act(store, pickupId, "ready", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problem()).isEqualTo("transfers-pending");
        for (String step : List.of("start", "pack", "ship")) {
            assertThat(act(admin, transferId, step, null).status()).isEqualTo(200);
        }
        Api warehouse = as(scopedKey(lyon, Role.STORE_ASSOCIATE));
        assertThat(act(warehouse, transferId, "arrive", null).status()).isEqualTo(403);
        assertThat(act(store, transferId, "arrive", null).status()).isEqualTo(200);
        assertThat(act(store, pickupId, "ready", null).status()).isEqualTo(200);
        assertThat(orderStatus(id)).isEqualTo("READY_FOR_PICKUP");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
                .anyMatch(r -> r.eventType().equals("fulfilment.pickup.ready") && r.body().contains(pickupId)));
        // The event says the order is ready, never its code: the notification sender reads it.
        assertThat(receiver.received().stream().filter(r -> r.eventType().equals("fulfilment.pickup.ready"))
                .map(r -> Api.JSON.readTree(r.body()).path("data").has("pickupCode"))).containsOnly(false);
        assertThat(store.get("/api/v1/fulfilment/orders/" + pickupId + "/pickup-code").status())
                .as("the store checks the code, never reads it").isEqualTo(403);
        String code = as(keyFor(Role.INTEGRATION)).get("/api/v1/fulfilment/orders/" + pickupId + "/pickup-code")
                .json().path("code").asString();
        assertThat(code).matches("[0-9]{6}");
        String wrong = code.equals("000000") ? "111111" : "000000";
        var refused = act(store, pickupId, "collect", Map.of("code", wrong));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("wrong-pickup-code");
        assertThat(orderStatus(id)).isEqualTo("READY_FOR_PICKUP");
        var collected = act(store, pickupId, "collect", Map.of("code", code));
        assertThat(collected.status()).as(collected.toString()).isEqualTo(200);
        assertThat(collected.json().path("status").asString()).isEqualTo("COLLECTED");
        assertThat(orderStatus(id)).isEqualTo("COLLECTED");
        assertThat(admin.get("/api/v1/fulfilment/orders/" + pickupId + "/pickup-code").status())
                .as("gone once collected").isEqualTo(409);
        assertThat(reserved(boulogne, shears)).isZero();
        assertThat(reserved(lyon, gloves)).isZero();
        assertThat(onHand(lyon, gloves)).isEqualTo(49);
    }

    @Test
    void fiveWrongCodesLockThePickupUntilANewCodeIsIssued() {
        JsonNode order = place(Map.of("code", "pickup", "method", "CLICK_AND_COLLECT", "locationCode", boulogne),
                shears, 1);
        String id = order.path("id").asString();
        pay(id);
        String pickupId = fulfilmentOrders(routing(id), "TO_PICK").getFirst().path("id").asString();
        act(admin, pickupId, "start", null);
        act(admin, pickupId, "ready", null);
        for (int i = 0; i < 5; i++) {
            assertThat(act(admin, pickupId, "collect", Map.of("code", "no-such")).status()).isEqualTo(422);
        }
        var locked = act(admin, pickupId, "collect", Map.of("code", "no-such"));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.problem()).isEqualTo("pickup-code-locked");
        assertThat(act(admin, pickupId, "pickup-code", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
                .filter(r -> r.eventType().equals("fulfilment.pickup.ready") && r.body().contains(pickupId))
                .count() == 2);
        // The new code, as the notification sender reads it.
        String code = as(keyFor(Role.INTEGRATION)).get("/api/v1/fulfilment/orders/" + pickupId + "/pickup-code")
                .json().path("code").asString();
        var collected = act(admin, pickupId, "collect", Map.of("code", code));
        assertThat(collected.status()).as(collected.toString()).isEqualTo(200);
    }

    @Test
    void cancellingTheOrderCancelsItsFulfilmentAndBadStepsChangeNothing() {
        JsonNode order = place(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS), shears, 1);
        String id = order.path("id").asString();
        pay(id);
        String fo = fulfilmentOrders(routing(id), "TO_PICK").getFirst().path("id").asString();
        assertThat(act(admin, fo, "collect", Map.of("code", "123456")).status()).isEqualTo(409);
        assertThat(act(admin, fo, "deliver", null).status()).isEqualTo(409);
        assertThat(act(admin, java.util.UUID.randomUUID().toString(), "start", null).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/fulfilment/orders?after=garbage").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/fulfilment/orders?status=LOST").status()).isEqualTo(400);
        assertThat(fulfilmentOrders(routing(id), "TO_PICK")).hasSize(1);

        assertThat(admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "changed my mind")).status())
                .isEqualTo(200);
        assertThat(fulfilmentOrders(routing(id), "CANCELLED")).hasSize(1);
        assertThat(reserved(boulogne, shears)).isZero();
        assertThat(act(admin, fo, "start", null).status()).isEqualTo(409);
    }

    @Test
    void editingThePickupStoreMovesThePickupBeforeWorkStarts() {
        JsonNode order = place(Map.of("code", "pickup", "method", "CLICK_AND_COLLECT", "locationCode", boulogne),
                shears, 1);
        String id = order.path("id").asString();
        pay(id);
        var edited = admin.post("/api/v1/orders/" + id + "/edits", Map.of("pickup", Map.of("group", "pickup",
                "locationCode", versailles)));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode routing = routing(id);
        assertThat(fulfilmentOrders(routing, "TO_PICK")).singleElement()
                .satisfies(f -> assertThat(f.path("locationCode").asString()).isEqualTo(versailles));
        assertThat(fulfilmentOrders(routing, "CANCELLED")).singleElement()
                .satisfies(f -> assertThat(f.path("locationCode").asString()).isEqualTo(boulogne));
        assertThat(reserved(versailles, shears)).isEqualTo(1);
        assertThat(reserved(boulogne, shears)).isZero();
    }
}
