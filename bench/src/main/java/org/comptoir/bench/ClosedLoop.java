package org.comptoir.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A closed-loop load of the Java client: {@code users} threads each send one GET after the other for
 * a time, the path of each chosen by the user's own seeded random. Reports requests per second, the
 * latency percentiles and the answers other than 200.
 */
final class ClosedLoop {

    private final Bench.Client client;
    private final int users;
    private final Function<Random, String> path;

    ClosedLoop(Bench.Client client, int users, Function<Random, String> path) {
        this.client = client;
        this.users = users;
        this.path = path;
    }

    Map<String, Object> measure(int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[users];
        for (int u = 0; u < users; u++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int user = u;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(42 + user);
                int n = 0;
                while (running.get()) {
                    String next = path.apply(random);
                    long start = System.nanoTime();
                    try {
                        if (client.send("GET", next, null, null).statusCode() != 200) {
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
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int u = 0; u < users; u++) {
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
