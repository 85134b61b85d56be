package org.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients at once place random multi-line holds, confirm and release them and receive stock,
 * through the HTTP API. Afterwards: every row's reserved is the sum of its active holds, nothing is
 * promised twice (reserved never exceeds on hand), ring-fenced units are still there for their
 * channel, no request hit a deadlock or a 500, and replaying the ledger gives every on-hand quantity.
 */
class StockConcurrencyTest extends ApiTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 60;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentHoldsConfirmsReleasesAndMovementsKeepTheInvariants() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = unique("CC");
            admin.post("/api/v1/locations", Fixtures.store(code, 48.8 + i / 100.0, 2.3));
            locations.add(code);
        }
        String channel = unique("CCW");
        admin.post("/api/v1/channels", Fixtures.channel(channel, locations));
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = unique("CCS");
            admin.post("/api/v1/catalog/products", Fixtures.product("Pelle " + sku, List.of(channel), sku));
            skus.add(sku);
            for (String location : locations) {
                var received = admin.post("/api/v1/inventory/movements", Map.of("locationCode", location, "sku", sku,
                        "kind", "RECEIPT", "quantity", 12, "reference", "INIT-" + UUID.randomUUID()));
                assertThat(received.status()).isEqualTo(201);
            }
        }

        // A second channel keeps 5 of the first SKU at the first location, and 6 of the second SKU
        // across its locations: holds of both channels race against these fences.
        String marketplace = unique("CCM");
        admin.post("/api/v1/channels", Fixtures.channel(marketplace, locations));
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + locations.get(0) + "/"
                + skus.get(0), Map.of("quantity", 5)).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/*/" + skus.get(1),
                Map.of("quantity", 6)).status()).isEqualTo(200);
        List<String> channels = List.of(channel, marketplace);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            runs.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<String> mine = new ArrayList<>();
                for (int op = 0; op < OPERATIONS; op++) {
                    int dice = random.nextInt(100);
                    Api.Response answer;
                    if (dice < 50 || mine.isEmpty()) {
                        List<Map<String, Object>> lines = new ArrayList<>();
                        for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                            lines.add(Map.of("locationCode", locations.get(random.nextInt(locations.size())),
                                    "sku", skus.get(random.nextInt(skus.size())), "quantity", 1 + random.nextInt(3)));
                        }
                        answer = admin.post("/api/v1/inventory/holds", Map.of("kind", "CART", "channelCode",
                                channels.get(random.nextInt(2)), "lines", lines));
                        if (answer.status() == 201) {
                            mine.add(answer.json().path("id").asString());
                        } else if (answer.status() != 409 || !answer.problem().equals("out-of-stock")) {
                            unexpected.add("hold -> " + answer);
                        }
                    } else if (dice < 65) {
                        answer = admin.post("/api/v1/inventory/holds/" + mine.remove(random.nextInt(mine.size()))
                                + "/confirm", null);
                        if (answer.status() != 200) {
                            unexpected.add("confirm -> " + answer);
                        }
                    } else if (dice < 80) {
                        answer = admin.post("/api/v1/inventory/holds/" + mine.remove(random.nextInt(mine.size()))
                                + "/release", null);
                        if (answer.status() != 200) {
                            unexpected.add("release -> " + answer);
                        }
                    } else {
                        answer = admin.post("/api/v1/inventory/movements", Map.of("locationCode",
                                locations.get(random.nextInt(locations.size())), "sku",
                                skus.get(random.nextInt(skus.size())), "kind", "RECEIPT", "quantity",
                                1 + random.nextInt(2), "reference", "R-" + UUID.randomUUID()));
                        if (answer.status() != 201) {
                            unexpected.add("movement -> " + answer);
                        }
                    }
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(statuses).containsKey(201).doesNotContainKey(500);
        for (String location : locations) {
            for (String sku : skus) {
                Map<String, Object> row = jdbc.queryForMap("select on_hand, reserved from inventory.balance "
                        + "where sku = ? and location_code = ?", sku, location);
                int onHand = ((Number) row.get("on_hand")).intValue();
                int reserved = ((Number) row.get("reserved")).intValue();
                Integer held = jdbc.queryForObject("select coalesce(sum(l.quantity), 0) from inventory.hold_line l "
                        + "join inventory.hold h on h.id = l.hold_id where h.status = 'ACTIVE' and l.sku = ? "
                        + "and l.location_code = ?", Integer.class, sku, location);
                Integer ledger = jdbc.queryForObject("select coalesce(sum(quantity), 0) from inventory.movement "
                        + "where sku = ? and location_code = ?", Integer.class, sku, location);
                assertThat(reserved).as("reserved = active holds at %s %s", location, sku).isEqualTo(held);
                assertThat(reserved).as("never promised twice at %s %s", location, sku).isLessThanOrEqualTo(onHand);
                assertThat(onHand).as("ledger replay at %s %s", location, sku).isEqualTo(ledger);
            }
        }
        int localKept = jdbc.queryForObject("select remaining from inventory.ring_fence where channel_code = ? "
                + "and location_code = ? and sku = ?", Integer.class, marketplace, locations.get(0), skus.get(0));
        assertThat(available(locations.get(0), skus.get(0))).as("units kept at the location are there")
                .isGreaterThanOrEqualTo(localKept);
        int networkKept = jdbc.queryForObject("select remaining from inventory.ring_fence where channel_code = ? "
                + "and location_code = '*' and sku = ?", Integer.class, marketplace, skus.get(1));
        int networkAvailable = locations.stream().mapToInt(l -> available(l, skus.get(1))).sum();
        assertThat(networkAvailable).as("units kept across the network are there").isGreaterThanOrEqualTo(networkKept);
    }

    private int available(String location, String sku) {
        return jdbc.queryForObject("select on_hand - reserved - safety_stock from inventory.balance where sku = ? "
                + "and location_code = ?", Integer.class, sku, location);
    }
}
