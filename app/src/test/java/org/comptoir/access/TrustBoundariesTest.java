package org.comptoir.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Retailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What each attack of the review tried, through the HTTP API: a store's key on another store's
 * orders and returns, money moved by the wrong role, webhooks aimed inside the network, stock locked
 * away with the public key, an identity claimed in the chat widget, an agent's action on another
 * customer's order. Each is refused and changes nothing.
 */
class TrustBoundariesTest extends ApiTest {

    private Retailer shop;
    private String lille;

    @BeforeEach
    void retailer() {
        shop = new Retailer(admin, ApiTest::uniqueCode);
        shop.network();
        shop.catalogue();
        lille = location("LILLE", "STORE", 50.63, 3.06, "CLICK_AND_COLLECT", "ACCEPTS_RETURNS");
        var channel = admin.get("/api/v1/channels/" + shop.web).json();
        admin.with("If-Match", "*").put("/api/v1/channels/" + shop.web, Map.of("name", channel.path("name").asString(),
                "type", "WEB", "currency", "EUR", "locationCodes", List.of(shop.store, shop.warehouse, lille)));
        receive(lille, shop.sku, 5);
    }

    private JsonNode collectAt(String store) {
        var placed = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                "pickup", "method", "CLICK_AND_COLLECT", "locationCode", store)), "lines", List.of(Map.of("sku",
                shop.sku, "quantity", 1))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    @Test
    void aStoresKeyReadsAndCancelsOnlyItsOwnStoresOrders() {
        Api lilleAssociate = as(scopedKey(lille, Role.STORE_ASSOCIATE));
        String theirs = collectAt(shop.store).path("id").asString();
        String ours = collectAt(lille).path("id").asString();

        assertThat(lilleAssociate.get("/api/v1/orders/" + theirs).status()).isEqualTo(404);
        assertThat(lilleAssociate.get("/api/v1/orders/" + theirs + "/history").status()).isEqualTo(404);
        assertThat(lilleAssociate.post("/api/v1/orders/" + theirs + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(lilleAssociate.post("/api/v1/orders/" + theirs + "/payments", Map.of("provider", "CASH")).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/orders/" + theirs).json().path("status").asString()).isNotEqualTo("CANCELLED");
        assertThat(lilleAssociate.get("/api/v1/orders/" + ours).status()).isEqualTo(200);
        assertThat(lilleAssociate.post("/api/v1/orders/" + ours + "/cancel", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void moneyIsTakenAndGivenBackOnlyByTheRolesWhoseJobItIs() {
        String order = collectAt(shop.store).path("id").asString();
        var payment = admin.post("/api/v1/orders/" + order + "/payments", Map.of("provider", "TEST", "token", "t"));
        String paymentId = payment.json().path("id").asString();
        Api agent = as(keyFor(Role.AGENT));
        assertThat(agent.post("/api/v1/orders/" + order + "/payments/" + paymentId + "/capture", null).status())
                .isEqualTo(403);
        assertThat(agent.post("/api/v1/orders/" + order + "/payments", Map.of("provider", "CASH")).status())
                .as("cash is taken at a till").isEqualTo(403);
        assertThat(admin.get("/api/v1/orders/" + order + "/payments").json().get(0).path("status").asString())
                .isEqualTo("AUTHORIZED");
    }

    @Test
    void webhooksAimedInsideTheNetworkAreRefusedAndTheirErrorsTellNothingOfIt() {
        for (String url : List.of("http://127.0.0.1:5432/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.12:8080/hook", "http://[::1]:6379/", "http://192.168.1.1/", "http://0.0.0.0:22/",
                "http://[::ffff:127.0.0.1]:5432/", "http://user@localhost.example:80/")) {
            var refused = admin.post("/api/v1/webhooks", Map.of("url", url, "eventTypes", List.of("*")));
            assertThat(refused.status()).as(url + " " + refused).isEqualTo(400);
        }
        Api integration = as(keyFor(Role.INTEGRATION));
        assertThat(integration.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:5432/", "eventTypes",
                List.of("*"))).status()).isEqualTo(400);

        // A receiver that is down (an allowed host, a closed port): the error says no more than that.
        var hook = admin.post("/api/v1/webhooks", Map.of("url", "http://localhost:9/hook", "eventTypes",
                List.of("network.location.created")));
        String id = hook.json().path("id").asString();
        location("HOOK", "STORE", 48.0, 2.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/webhooks/" + id + "/deliveries").json()
                .path("items").valueStream().anyMatch(d -> d.path("attempts").asInt() > 0));
        String delivery = admin.get("/api/v1/webhooks/" + id + "/deliveries").json().path("items").get(0).path("id")
                .asString();
        String error = admin.get("/api/v1/webhooks/" + id + "/deliveries/" + delivery).json().path("attemptLog")
                .get(0).path("error").asString();
        assertThat(error).isEqualTo("no connection to the receiver");
        admin.delete("/api/v1/webhooks/" + id);
    }

    @Test
    void aStorefrontHoldsStockBrieflyAFewUnitsAtATimeAndNeverSellsIt() {
        Api storefront = as(shop.storefrontKey);
        String cart = unique("cart");
        Map<String, Object> line = Map.of("locationCode", shop.store, "sku", shop.sku, "quantity", 1);
        var month = storefront.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", cart,
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString(), "lines", List.of(line)));
        assertThat(month.status()).as(month.toString()).isEqualTo(400);
        var many = storefront.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", cart,
                "lines", List.of(Map.of("locationCode", shop.store, "sku", shop.sku, "quantity", 400))));
        assertThat(many.status()).as(many.toString()).isEqualTo(400);
        var held = storefront.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", cart,
                "lines", List.of(line)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(Duration.between(Instant.now(), Instant.parse(held.json().path("expiresAt").asString())))
                .isLessThanOrEqualTo(Duration.ofMinutes(30));
        var again = storefront.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", cart,
                "lines", List.of(line)));
        assertThat(again.status()).as("one hold per cart").isEqualTo(409);
        String id = held.json().path("id").asString();
        assertThat(storefront.post("/api/v1/inventory/holds/" + id + "/confirm", null).status()).isEqualTo(403);
        List<String> ids = new java.util.ArrayList<>(List.of(id));
        Api.Response more;
        while ((more = storefront.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", unique("cart"),
                "lines", List.of(line)))).status() == 201) {
            ids.add(more.json().path("id").asString());
            assertThat(ids).as("a shopper's holds are bounded").hasSizeLessThan(20);
        }
        assertThat(more.status()).isEqualTo(429);
        for (String each : ids) {
            assertThat(storefront.post("/api/v1/inventory/holds/" + each + "/release", null).status()).isEqualTo(200);
        }
    }

    @Test
    void anAddressTypedInTheChatWidgetLinksToNobodyAndTheBotTellsNoOrder() {
        String email = unique("claire").toLowerCase() + "@example.fr";
        var order = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "customerRef", "email:" + email,
                "groups", List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)),
                "lines", List.of(Map.of("sku", shop.sku, "quantity", 1))));
        String number = order.json().path("number").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers?ref=email:" + email).json()
                .size() == 1);
        String customer = admin.get("/api/v1/customers?ref=email:" + email).json().get(0).path("profile").path("id")
                .asString();
        String team = unique("care").toLowerCase();
        admin.put("/api/v1/service/teams/" + team, Map.of("name", "Care", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
        String inbox = unique("CHAT");
        admin.put("/api/v1/service/inboxes/" + inbox, Map.of("name", "chat", "channel", "WEB_CHAT", "bot", true,
                "teamCode", team, "salesChannel", shop.web));

        var asked = as(shop.storefrontKey).post("/api/v1/service/messages", Map.of("inbox", inbox, "from",
                Map.of("kind", "EMAIL", "value", email), "body", "Où en est ma commande " + number + " ?"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("replies").get(0).asString()).doesNotContain("expédiée", "livrée", "préparation")
                .contains("connect");
        String conversation = asked.json().path("conversationId").asString();
        assertThat(admin.get("/api/v1/service/conversations/" + conversation).json().path("conversation")
                .path("customerId").asString()).isNotEqualTo(customer);
        assertThat(admin.get("/api/v1/customers/" + customer + "/timeline").json().path("items").valueStream()
                .noneMatch(t -> t.path("type").asString().equals("CHAT"))).isTrue();
    }

    @Test
    void anAgentActsFromAConversationOnThatCustomersOrdersOnly() {
        String stranger = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "customerRef", "someone-else",
                "groups", List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)),
                "lines", List.of(Map.of("sku", shop.sku, "quantity", 1)))).json().path("number").asString();
        shop.customerAndOrder();
        shop.service();
        String conversation = shop.fields.get("conversationId").toString();
        Api agent = as(keyFor(Role.AGENT));
        var returned = agent.post("/api/v1/service/conversations/" + conversation + "/actions/returns", Map.of(
                "orderNumber", stranger, "method", "IN_STORE", "locationCode", shop.store, "lines",
                List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE"))));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(400);
        var exchanged = agent.post("/api/v1/service/conversations/" + conversation + "/actions/exchanges", Map.of(
                "orderNumber", stranger, "lineNo", 1, "quantity", 1, "sku", shop.sku, "locationCode", shop.store));
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(400);
    }

    @Test
    void aStoresKeyOpensSeesAndCancelsOnlyTheReturnsBroughtToItsStore() {
        var order = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", List.of(Map.of("sku",
                shop.sku, "quantity", 2)))).json();
        String id = order.path("id").asString();
        admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "t"));
        for (String status : List.of("IN_FULFILMENT", "SHIPPED", "DELIVERED")) {
            admin.post("/api/v1/orders/" + id + "/status", Map.of("status", status));
        }
        Map<String, Object> line = Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE");
        Api lilleAssociate = as(scopedKey(lille, Role.STORE_ASSOCIATE));
        assertThat(lilleAssociate.post("/api/v1/returns", Map.of("orderId", id, "method", "IN_STORE", "locationCode",
                shop.store, "lines", List.of(line))).status()).isEqualTo(403);
        var atParis = admin.post("/api/v1/returns", Map.of("orderId", id, "method", "IN_STORE", "locationCode",
                shop.store, "lines", List.of(line)));
        String parisReturn = atParis.json().path("returnRequest").path("id").asString();
        assertThat(lilleAssociate.get("/api/v1/returns/" + parisReturn).status()).isEqualTo(404);
        assertThat(lilleAssociate.post("/api/v1/returns/" + parisReturn + "/cancel", null).status()).isEqualTo(404);
        assertThat(lilleAssociate.get("/api/v1/returns?orderId=" + id).json().isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/returns/" + parisReturn).json().path("returnRequest").path("status").asString())
                .isEqualTo("OPEN");
        var atLille = lilleAssociate.post("/api/v1/returns", Map.of("orderId", id, "method", "IN_STORE",
                "locationCode", lille, "lines", List.of(line)));
        assertThat(atLille.status()).as(atLille.toString()).isEqualTo(201);
    }
}
