package org.comptoir.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
            measure(10);
            figures.putAll(measure(30));
        }
        figures.put("indexed_after_import_s", "%.1f".formatted(indexed));
        return figures;
    }

    private Map<String, Object> measure(int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> users = new ArrayList<>();
        int[] counts = new int[USERS];
        for (int u = 0; u < USERS; u++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int user = u;
            users.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(42 + user);
                int n = 0;
                while (running.get()) {
                    String q = random.nextInt(10) == 0 ? "BENCH-" + (1 + random.nextInt(variants))
                            : QUERIES[random.nextInt(QUERIES.length)];
                    long start = System.nanoTime();
                    try {
                        var response = client.send("GET", "/api/v1/search/products?limit=20&facets=category,brand&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - start;
                    }
                }
                counts[user] = n;
            }));
        }
        long begin = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread user : users) {
            user.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int u = 0; u < USERS; u++) {
            System.arraycopy(latencies.get(u), 0, all, at, counts[u]);
            at += counts[u];
        }
        Arrays.sort(all);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("req_per_s", Math.round(total / elapsed));
        figures.put("p50_ms", "%.2f".formatted(percentile(all, 0.50)));
        figures.put("p99_ms", "%.2f".formatted(percentile(all, 0.99)));
        figures.put("errors", errors.get());
        return figures;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
