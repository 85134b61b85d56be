package org.comptoir.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SEARCH: a catalogue of {@code variants} variants is imported (the IMPORT workload's file), the
 * platform's search index is awaited, then 16 users search it for 30 s after a 10 s warm-up, with what
 * shoppers type: a kind in French or English, singular or plural, with an elision, a typo, a brand, a
 * model number, a SKU. Each query asks for the first page of 20 with the category and brand facets.
 * Driven by wrk when there is one (as W3), else by the Java client.
 */
final class SearchWorkload {

    private static final int USERS = 16;
    private static final String[] QUERIES = {"sécateur", "sécateurs", "secateur", "sécatuer", "bêche", "beches",
        "râteau", "rateaux", "l'arrosoir", "arrosoirs", "gants", "gant de jardin", "tuyau", "tuyaux d'arrosage",
        "cisaille", "cisailles", "transplantoir", "terreau", "jardinière", "jardinieres", "garden item",
        "garden items", "sécateur jardin & co", "bêche 4211", "gants 77", "arrosoir 1502", "tuyau modèle 300",
        "jardin", "qualité", "cisaile", "trasplantoir"};

    private final Bench.Client client;
    private final int variants;

    SearchWorkload(Bench.Client client, int variants) {
        this.client = client;
        this.variants = variants;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> imported = new ImportWorkload(client, variants).run();
        if (!"COMPLETED".equals(imported.get("status"))) {
            throw new IllegalStateException("the catalogue import did not complete: " + imported);
        }
        long indexStart = System.nanoTime();
        int expected = (int) imported.get("products");
        while (client.get("/api/v1/search/index").path("products").asInt() < expected) {
            Thread.sleep(200);
        }
        double indexed = (System.nanoTime() - indexStart) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", USERS);
        figures.put("variants", variants);
        String wrk = System.getenv("BENCH_WRK");
        if (wrk != null) {
            figures.putAll(new WrkWorkload(wrk, client.base(), client.key()).search(List.of(QUERIES), variants));
        } else {
            ClosedLoop load = new ClosedLoop(client, USERS, random -> "/api/v1/search/products?limit=20"
                    + "&facets=category,brand&q=" + URLEncoder.encode(random.nextInt(10) == 0
                            ? "BENCH-" + (1 + random.nextInt(variants)) : QUERIES[random.nextInt(QUERIES.length)],
                            StandardCharsets.UTF_8));
            load.measure(10);
            figures.putAll(load.measure(30));
        }
        figures.put("indexed_after_import_s", "%.1f".formatted(indexed));
        return figures;
    }
}
