package org.comptoir.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** An order left at the store is reminded, then cancelled with its stock back on the shelf. */
class PickupExpiryTest {

    @Test
    void anUncollectedOrderIsRemindedThenCancelledAndItsStockReturns() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                Platform platform = Platform.start(TestDatabase.fresh("comptoir_pickup_expiry"), Map.of(
                        "comptoir.fulfilment.keep-for-pickup", "3s",
                        "comptoir.fulfilment.remind-before", "2s",
                        "comptoir.fulfilment.sweep-interval", "200ms"))) {
            Api admin = platform.admin();
            var store = Fixtures.store("ST-EXP", 48.8397, 2.2399);
            store.put("capabilities", List.of("CLICK_AND_COLLECT"));
            assertThat(admin.post("/api/v1/locations", store).status()).isEqualTo(201);
            var channel = Fixtures.channel("WEB-EXP", List.of("ST-EXP"));
            channel.put("type", "WEB");
            assertThat(admin.post("/api/v1/channels", channel).status()).isEqualTo(201);
            admin.post("/api/v1/catalog/products", Fixtures.product("Arrosoir", List.of(), "EXP-1"));
            admin.post("/api/v1/pricing/price-lists", Map.of("code", "EUR-EXP", "name", "Prix", "currency", "EUR"));
            admin.put("/api/v1/pricing/price-lists/EUR-EXP/prices", Map.of("prices",
                    List.of(Map.of("sku", "EXP-1", "amount", 1500))));
            admin.post("/api/v1/inventory/movements", Map.of("locationCode", "ST-EXP", "sku", "EXP-1", "kind",
                    "RECEIPT", "quantity", 4, "reference", "PO-EXP"));
            var hook = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                    List.of("fulfilment.pickup.*")));
            receiver.secret(hook.json().path("secret").asString());

            var placed = admin.post("/api/v1/orders", Map.of("channelCode", "WEB-EXP", "groups", List.of(Map.of(
                    "code", "pickup", "method", "CLICK_AND_COLLECT", "locationCode", "ST-EXP")), "lines",
                    List.of(Map.of("sku", "EXP-1", "quantity", 1))));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String id = placed.json().path("id").asString();
            admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "ok"));
            String pickup = admin.get("/api/v1/fulfilment/routing/" + id).json().path("fulfilmentOrders").path(0)
                    .path("id").asString();
            admin.post("/api/v1/fulfilment/orders/" + pickup + "/start", null);
            assertThat(admin.post("/api/v1/fulfilment/orders/" + pickup + "/ready", null).status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/inventory/balances/ST-EXP/EXP-1").json().path("reserved").asInt())
                    .isEqualTo(1);

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.eventType().equals("fulfilment.pickup.expired")));
            assertThat(receiver.received().stream().map(WebhookReceiver.Received::eventType))
                    .containsSubsequence("fulfilment.pickup.ready", "fulfilment.pickup.reminder",
                            "fulfilment.pickup.expired");
            var order = admin.get("/api/v1/orders/" + id).json();
            assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
            assertThat(admin.get("/api/v1/inventory/balances/ST-EXP/EXP-1").json().path("reserved").asInt()).isZero();
            assertThat(admin.get("/api/v1/fulfilment/orders/" + pickup).json().path("order").path("status")
                    .asString()).isEqualTo("CANCELLED");
            assertThat(receiver.received().stream().filter(r -> r.eventType().equals("fulfilment.pickup.expired")))
                    .hasSize(1);
        }
    }
}
