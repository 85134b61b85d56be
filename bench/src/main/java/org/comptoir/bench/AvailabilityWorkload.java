package org.comptoir.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W3: 16 users read one random SKU's availability at every location for the WEB channel, 30 s
 * after a 10 s warm-up. Reports requests per second and latency percentiles.
 */
final class AvailabilityWorkload {

    private static final int USERS = 16;

    private final Bench.Client client;
    private final List<String> skus;

    AvailabilityWorkload(Bench.Client client, List<String> skus) {
        this.client = client;
        this.skus = skus;
    }

    Map<String, Object> run() throws Exception {
        measure(10);
        return measure(30);
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
                    String sku = skus.get(random.nextInt(skus.size()));
                    long start = System.nanoTime();
                    try {
                        var response = client.send("GET", "/api/v1/inventory/availability/" + sku + "?channel="
                                + DataSet.CHANNEL, null, null);
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
        figures.put("users", USERS);
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
