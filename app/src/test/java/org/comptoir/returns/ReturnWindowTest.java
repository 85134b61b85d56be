package org.comptoir.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Past the return window, a return is refused and nothing is written. */
class ReturnWindowTest {

    @Test
    void aReturnAfterTheWindowIsRefused() {
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_return_window"), Map.of(
                "comptoir.returns.window", "2s"))) {
            Api admin = platform.admin();
            var store = Fixtures.store("ST-WIN", 48.8397, 2.2399);
            store.put("capabilities", List.of("SHIP_FROM_STORE", "ACCEPTS_RETURNS"));
            admin.post("/api/v1/locations", store);
            var channel = Fixtures.channel("MKP-WIN", List.of("ST-WIN"));
            channel.put("type", "MARKETPLACE");
            admin.post("/api/v1/channels", channel);
            admin.post("/api/v1/catalog/products", Fixtures.product("Chemise", List.of(), "WIN-1"));
            admin.post("/api/v1/pricing/price-lists", Map.of("code", "EUR-WIN", "name", "Prix", "currency", "EUR"));
            admin.put("/api/v1/pricing/price-lists/EUR-WIN/prices", Map.of("prices",
                    List.of(Map.of("sku", "WIN-1", "amount", 3990))));
            admin.post("/api/v1/inventory/movements", Map.of("locationCode", "ST-WIN", "sku", "WIN-1", "kind",
                    "RECEIPT", "quantity", 3, "reference", "PO-WIN"));
            var placed = admin.post("/api/v1/orders", Map.of("channelCode", "MKP-WIN", "groups", List.of(Map.of(
                    "code", "home", "method", "HOME_DELIVERY", "address", Map.of("line1", "1 rue de Paris",
                            "postalCode", "75001", "city", "Paris", "country", "FR"))), "lines",
                    List.of(Map.of("sku", "WIN-1", "quantity", 1))));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String id = placed.json().path("id").asString();
            for (String status : List.of("IN_FULFILMENT", "SHIPPED", "DELIVERED")) {
                admin.post("/api/v1/orders/" + id + "/status", Map.of("status", status));
            }
            Map<String, Object> body = Map.of("orderId", id, "method", "IN_STORE", "locationCode", "ST-WIN",
                    "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "CHANGED_MIND")));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                var answer = admin.post("/api/v1/returns", body);
                if (answer.status() == 201) {
                    // Still within the window: undo, and try again once it has passed.
                    admin.post("/api/v1/returns/" + answer.json().path("returnRequest").path("id").asString()
                            + "/cancel", null);
                    return false;
                }
                return answer.status() == 409 && answer.problem().equals("return-window-closed");
            });
            assertThat(admin.get("/api/v1/returns?orderId=" + id).json().valueStream()
                    .allMatch(r -> r.path("returnRequest").path("status").asString().equals("CANCELLED"))).isTrue();
        }
    }
}
