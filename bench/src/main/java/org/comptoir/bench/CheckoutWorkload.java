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
 * W1: each virtual user loops over a full web checkout through a storefront (create a cart on channel
 * web, add 3 distinct random SKUs, choose home delivery to a Paris address, place the order, the cart's
 * secret sent on every call on it), 60 s measured after a 15 s warm-up. W1-direct: the store-till and
 * marketplace path, one call placing a 3-line order.
 */
final class CheckoutWorkload {

    static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR");
    private static final Map<String, Object> HOME = Map.of("code", "home", "method", "HOME_DELIVERY",
            "address", PARIS);

    private final Bench.Client client;
    private final List<String> skus;
    private final boolean direct;

    CheckoutWorkload(Bench.Client client, List<String> skus, boolean direct) {
        this.client = client;
        this.skus = skus;
        this.direct = direct;
    }

    Map<String, Object> run(int users) throws Exception {
        measure(users, 15);
        return measure(users, 60);
    }

    /** One checkout; returns the nanoseconds of the final placement, or -1 on an error. */
    private long checkout(Random random) throws Exception {
        List<String> three = new ArrayList<>();
        while (three.size() < 3) {
            String sku = skus.get(random.nextInt(skus.size()));
            if (!three.contains(sku)) {
                three.add(sku);
            }
        }
        if (direct) {
            byte[] body = DataSet.json(Map.of("channelCode", DataSet.CHANNEL, "groups", List.of(HOME), "lines",
                    three.stream().map(sku -> Map.of("sku", sku, "quantity", 1)).toList()));
            long start = System.nanoTime();
            var placed = client.send("POST", "/api/v1/orders", "application/json", body);
            return placed.statusCode() == 201 ? System.nanoTime() - start : -1;
        }
        var cart = client.send("POST", "/api/v1/carts", "application/json",
                DataSet.json(Map.of("channelCode", DataSet.CHANNEL)));
        if (cart.statusCode() != 201) {
            return -1;
        }
        var made = Bench.JSON.readTree(cart.body());
        String id = made.path("id").asString();
        Bench.Client client = this.client.withCartSecret(made.path("secret").asString());
        for (String sku : three) {
            if (client.send("POST", "/api/v1/carts/" + id + "/lines", "application/json",
                    DataSet.json(Map.of("sku", sku, "quantity", 1))).statusCode() != 200) {
                return -1;
            }
        }
        if (client.send("PUT", "/api/v1/carts/" + id + "/groups/main", "application/json",
                DataSet.json(Map.of("method", "HOME_DELIVERY", "address", PARIS))).statusCode() != 200) {
            return -1;
        }
        long start = System.nanoTime();
        var placed = client.send("POST", "/api/v1/carts/" + id + "/order", "application/json", null);
        return placed.statusCode() == 201 ? System.nanoTime() - start : -1;
    }

    private Map<String, Object> measure(int users, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        List<long[]> whole = new ArrayList<>();
        List<long[]> place = new ArrayList<>();
        int[] counts = new int[users];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            long[] mine = new long[1_000_000];
            long[] placing = new long[1_000_000];
            whole.add(mine);
            place.add(placing);
            int user = u;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(42 + user);
                int n = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    long placement;
                    try {
                        placement = checkout(random);
                    } catch (Exception e) {
                        placement = -1;
                    }
                    if (placement < 0) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n < mine.length) {
                        mine[n] = System.nanoTime() - start;
                        placing[n++] = placement;
                    }
                }
                counts[user] = n;
            }));
        }
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        long[] all = merge(whole, counts);
        long[] placements = merge(place, counts);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", users);
        figures.put("orders_per_s", Math.round(all.length / elapsed * 10) / 10.0);
        if (direct) {
            figures.put("place_p50_ms", ms(placements, 0.50));
            figures.put("place_p99_ms", ms(placements, 0.99));
        } else {
            figures.put("checkout_p50_ms", ms(all, 0.50));
            figures.put("checkout_p95_ms", ms(all, 0.95));
            figures.put("checkout_p99_ms", ms(all, 0.99));
            figures.put("place_p99_ms", ms(placements, 0.99));
        }
        figures.put("errors", errors.get());
        return figures;
    }

    /** The users' latencies as one sorted array. */
    static long[] merge(List<long[]> parts, int[] counts) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "0";
        }
        return "%.2f".formatted(sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6);
    }
}
