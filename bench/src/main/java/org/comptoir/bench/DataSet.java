package org.comptoir.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reference data set (seed 42), loaded through the platform's API: 1,000 products with one SKU
 * each, 2 warehouses and 48 stores over metropolitan France, 1,000,000 units per SKU in each
 * warehouse and 20 in each store, a channel {@code WEB} selling from all of them; plus HOT-1 with
 * exactly 100 units at ST-01 only (W2).
 */
final class DataSet {

    static final int PRODUCTS = 1_000;
    static final String CHANNEL = "WEB";
    static final String HOT_SKU = "HOT-1";
    static final String HOT_LOCATION = "ST-01";

    final List<String> locations = new ArrayList<>();
    final List<String> skus = new ArrayList<>();

    private final Bench.Client client;

    DataSet(Bench.Client client) {
        this.client = client;
    }

    DataSet load() throws Exception {
        Random random = new Random(42);
        location("WH-1", "WAREHOUSE", 48.95, 2.45);
        location("WH-2", "WAREHOUSE", 45.72, 4.92);
        for (int i = 1; i <= 48; i++) {
            // Metropolitan France, roughly: latitude 43.3–50.6, longitude -1.5–7.5.
            location("ST-%02d".formatted(i), "STORE", 43.3 + random.nextDouble() * 7.3,
                    -1.5 + random.nextDouble() * 9.0);
        }
        check(client.send("POST", "/api/v1/channels", "application/json", json(Map.of("code", CHANNEL,
                "name", "Web", "type", "WEB", "currency", "EUR", "locationCodes", locations))), 201);

        StringBuilder csv = new StringBuilder("handle,sku,status,name_fr,channels,weight_grams\n");
        for (int i = 1; i <= PRODUCTS; i++) {
            String sku = "SKU-%04d".formatted(i);
            skus.add(sku);
            csv.append("p-").append(i).append(',').append(sku).append(",ACTIVE,Article ").append(i).append(',')
                    .append(CHANNEL).append(',').append(100 + random.nextInt(2000)).append('\n');
        }
        csv.append("hot-1,").append(HOT_SKU).append(",ACTIVE,Article très demandé,").append(CHANNEL).append(",500\n");
        var accepted = client.send("POST", "/api/v1/catalog/imports", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        check(accepted, 202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        while (!client.get(job).path("status").asString().equals("COMPLETED")) {
            Thread.sleep(100);
        }

        // One default euro price list, 10.00 to 200.00 per article.
        check(client.send("POST", "/api/v1/pricing/price-lists", "application/json", json(Map.of("code",
                "BENCH-EUR", "name", "Prix", "currency", "EUR"))), 201);
        List<Map<String, Object>> prices = new ArrayList<>();
        for (String sku : skus) {
            prices.add(Map.of("sku", sku, "amount", 1000 + random.nextInt(19_001)));
        }
        prices.add(Map.of("sku", HOT_SKU, "amount", 4990));
        for (int from = 0; from < prices.size(); from += 1000) {
            check(client.send("PUT", "/api/v1/pricing/price-lists/BENCH-EUR/prices", "application/json",
                    json(Map.of("prices", prices.subList(from, Math.min(prices.size(), from + 1000))))), 204);
        }

        List<Map<String, Object>> rows = new ArrayList<>();
        for (String sku : skus) {
            for (String location : locations) {
                rows.add(Map.of("locationCode", location, "sku", sku, "onHand",
                        location.startsWith("WH-") ? 1_000_000 : 20));
                if (rows.size() == 10_000) {
                    opening(rows);
                }
            }
        }
        rows.add(Map.of("locationCode", HOT_LOCATION, "sku", HOT_SKU, "onHand", 100));
        opening(rows);
        return this;
    }

    private void opening(List<Map<String, Object>> rows) throws Exception {
        check(client.send("POST", "/api/v1/inventory/opening-stock", "application/json",
                json(Map.of("reference", "bench-" + System.nanoTime(), "rows", rows))), 201);
        rows.clear();
    }

    private void location(String code, String type, double latitude, double longitude) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", code);
        body.put("type", type);
        body.put("address", Map.of("line1", "1 rue du Commerce", "postalCode", "75001", "city", "Ville",
                "country", "FR"));
        body.put("coordinates", Map.of("latitude", latitude, "longitude", longitude));
        body.put("timeZone", "Europe/Paris");
        body.put("capabilities", type.equals("STORE") ? List.of("CLICK_AND_COLLECT", "SHIP_FROM_STORE")
                : List.of("SHIPS_PARCELS"));
        check(client.send("POST", "/api/v1/locations", "application/json", json(body)), 201);
        locations.add(code);
    }

    static byte[] json(Object value) {
        return Bench.JSON.writeValueAsBytes(value);
    }

    private static void check(java.net.http.HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
