package org.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What inventory tells the world, heard as a subscriber would hear it (a webhook on inventory.*). */
class StockEventsTest extends ApiTest {

    private WebhookReceiver receiver;
    private String subscription;
    private String store;
    private String web;
    private String sku;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        var created = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("inventory.*")));
        subscription = created.json().path("id").asString();
        receiver.secret(created.json().path("secret").asString());
        store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        web = unique("WEB");
        admin.post("/api/v1/channels", Fixtures.channel(web, List.of(store)));
        sku = unique("EV");
        admin.post("/api/v1/catalog/products", Fixtures.product("Arrosoir " + sku, List.of(web), sku));
    }

    @AfterEach
    void tearDown() {
        admin.delete("/api/v1/webhooks/" + subscription);
        receiver.close();
    }

    private List<JsonNode> heard(String type) {
        return receiver.receivedOf(type).stream().map(r -> Api.JSON.readTree(r.body()).path("data"))
                .filter(data -> data.path("sku").asString().equals(sku)).toList();
    }

    private void awaitHeard(String type, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> heard(type).size() >= count);
    }

    @Test
    void outOfStockBackInStockLowStockAndShortfallAreAnnounced() {
        admin.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", sku, "kind", "RECEIPT",
                "quantity", 5, "reference", "PO-1"));
        awaitHeard("inventory.stock.back_in_stock", 1);
        awaitHeard("inventory.network.back_in_stock", 1);
        admin.put("/api/v1/inventory/balances/" + store + "/" + sku + "/settings", Map.of("safetyStock", 0,
                "lowStockThreshold", 2));

        String hold = admin.post("/api/v1/inventory/holds", Map.of("kind", "CART", "channelCode", web, "lines",
                List.of(Map.of("locationCode", store, "sku", sku, "quantity", 3)))).json().path("id").asString();
        awaitHeard("inventory.stock.low", 1);
        assertThat(heard("inventory.stock.low").getFirst().path("available").asInt()).isEqualTo(2);

        admin.post("/api/v1/inventory/holds", Map.of("kind", "CART", "channelCode", web, "lines",
                List.of(Map.of("locationCode", store, "sku", sku, "quantity", 2))));
        awaitHeard("inventory.stock.out_of_stock", 1);
        awaitHeard("inventory.network.out_of_stock", 1);

        // Two units broken while five are promised: a shortfall of two, announced.
        admin.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", sku, "kind", "DAMAGE",
                "quantity", 2, "reference", "BROKEN-1"));
        awaitHeard("inventory.stock.shortfall", 1);
        assertThat(heard("inventory.stock.shortfall").getFirst().path("missing").asInt()).isEqualTo(2);

        admin.post("/api/v1/inventory/holds/" + hold + "/release", null);
        awaitHeard("inventory.stock.changed", 5);
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
    }

    @Test
    void anExpiredHoldIsAnnounced() {
        admin.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", sku, "kind", "RECEIPT",
                "quantity", 1, "reference", "PO-2"));
        String hold = admin.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", web,
                "reference", "chat-7", "expiresAt", Instant.now().plusSeconds(1).toString(), "lines",
                List.of(Map.of("locationCode", store, "sku", sku, "quantity", 1)))).json().path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedOf("inventory.hold.expired").stream()
                .anyMatch(r -> r.body().contains(hold)));
    }
}
