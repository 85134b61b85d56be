package org.comptoir.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many clients at once place orders, cancel lines, edit and cancel orders on a few SKUs. Afterwards
 * the stock reserved at the warehouse is exactly what the open orders still hold, nothing answered
 * a 5xx, and no unit was promised twice.
 */
class OrderConcurrencyTest extends ApiTest {

    private static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR");

    @Test
    void concurrentOrdersCancellationsAndEditsKeepReservedEqualToWhatOpenOrdersHold() throws Exception {
        String warehouse = unique("WH");
        var wh = Fixtures.store(warehouse, 48.7469, 2.3513);
        wh.put("type", "WAREHOUSE");
        wh.put("capabilities", List.of("SHIPS_PARCELS"));
        admin.post("/api/v1/locations", wh);
        String web = unique("WEB");
        admin.post("/api/v1/channels", Fixtures.channel(web, List.of(warehouse)));
        List<String> skus = new ArrayList<>();
        List<Map<String, Object>> prices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = unique("RACE");
            skus.add(sku);
            admin.post("/api/v1/catalog/products", Fixtures.product("Article " + sku, List.of(web), sku));
            prices.add(Map.of("sku", sku, "amount", 1000 + 100 * i));
            admin.post("/api/v1/inventory/movements", Map.of("locationCode", warehouse, "sku", sku, "kind",
                    "RECEIPT", "quantity", 30, "reference", unique("PO")));
        }
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", prices));

        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (var clients = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int seed = t;
                clients.submit(() -> {
                    Random random = new Random(seed);
                    List<String> mine = new ArrayList<>();
                    start.await();
                    for (int op = 0; op < 20; op++) {
                        int kind = mine.isEmpty() ? 0 : random.nextInt(4);
                        String order = mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
                        var answer = switch (kind) {
                            case 0 -> admin.post("/api/v1/orders", Map.of("channelCode", web, "groups",
                                    List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS)),
                                    "lines", List.of(
                                            Map.of("sku", skus.get(random.nextInt(2)), "quantity", 1 + random.nextInt(3)),
                                            Map.of("sku", skus.get(2 + random.nextInt(2)), "quantity",
                                                    1 + random.nextInt(3)))));
                            case 1 -> admin.post("/api/v1/orders/" + order + "/line-cancellations", Map.of("lines",
                                    List.of(Map.of("lineNo", 1 + random.nextInt(2), "quantity", 1))));
                            case 2 -> admin.post("/api/v1/orders/" + order + "/edits", Map.of("add",
                                    List.of(Map.of("sku", skus.get(random.nextInt(4)), "quantity", 1))));
                            default -> admin.post("/api/v1/orders/" + order + "/cancel", Map.of());
                        };
                        if (answer.status() >= 500 || answer.status() == 401 || answer.status() == 403) {
                            unexpected.add(kind + " -> " + answer);
                        }
                        if (kind == 0 && answer.status() == 201) {
                            mine.add(answer.json().path("id").asString());
                        }
                    }
                    orders.addAll(mine);
                    return null;
                });
            }
            start.countDown();
        }

        assertThat(unexpected).isEmpty();
        assertThat(orders).isNotEmpty();
        Map<String, Integer> held = new HashMap<>();
        skus.forEach(sku -> held.put(sku, 0));
        for (String id : orders) {
            JsonNode order = admin.get("/api/v1/orders/" + id).json();
            if (order.path("status").asString().equals("CANCELLED")) {
                continue;
            }
            order.path("lines").forEach(line -> held.merge(line.path("sku").asString(),
                    line.path("quantity").asInt() - line.path("cancelled").asInt(), Integer::sum));
        }
        Map<String, Integer> reserved = new LinkedHashMap<>();
        for (String sku : skus) {
            JsonNode balance = admin.get("/api/v1/inventory/balances/" + warehouse + "/" + sku).json();
            reserved.put(sku, balance.path("reserved").asInt());
            assertThat(balance.path("onHand").asInt()).isEqualTo(30);
            assertThat(balance.path("reserved").asInt()).isBetween(0, 30);
        }
        assertThat(reserved).isEqualTo(held);
    }
}
