package org.comptoir.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CUSTOMERS (issue 6): touchpoint ingestion and segment membership on a volume of 100,000 profiles
 * and 1,000,000 events. Four result lines:
 * <ul>
 * <li>profiles: 100,000 events from people not known yet (an email each), in batches of 1,000 from 4
 *     threads: every event makes a profile;</li>
 * <li>batch: 900,000 events on known profiles, batches of 1,000 from 4 threads;</li>
 * <li>single: one event per call from 16 users for 20 s;</li>
 * <li>segment: a segment ("viewed a category 3 times in 14 days") evaluated over every profile at
 *     once, then 500 customers reaching it as their third view arrives: the latency of that call,
 *     whose answer comes once the membership is updated, and a check that all 500 are members.</li>
 * </ul>
 */
final class CustomerWorkload {

    private static final String CHANNEL = "BENCH-CRM";
    private static final String[] TYPES = {"PAGE_VIEW", "PRODUCT_VIEW", "PRODUCT_VIEW", "SEARCH", "ADD_TO_CART",
        "STORE_VISIT", "AD_CLICK"};
    private static final String[] CATEGORIES = {"outils", "arrosage", "mobilier", "plantes", "protection"};

    private final Bench.Client client;
    private final int profiles;
    private final int events;
    private final List<String> customers = Collections.synchronizedList(new ArrayList<>());

    CustomerWorkload(Bench.Client client, int profiles, int events) {
        this.client = client;
        this.profiles = profiles;
        this.events = events;
    }

    Map<String, Map<String, Object>> run() throws Exception {
        setUp();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        results.put("CUSTOMERS-profiles", batches(profiles / 1000, true));
        results.put("CUSTOMERS-batch", batches((events - profiles) / 1000, false));
        results.put("CUSTOMERS-single", single(16, 20));
        results.put("CUSTOMERS-segment", segment(500));
        return results;
    }

    private void setUp() throws Exception {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("code", "BENCH-CRM-ST");
        store.put("name", "Bench store");
        store.put("type", "STORE");
        store.put("address", Map.of("line1", "1 rue du Commerce", "postalCode", "75001", "city", "Paris",
                "country", "FR"));
        store.put("coordinates", Map.of("latitude", 48.86, "longitude", 2.35));
        store.put("timeZone", "Europe/Paris");
        store.put("capabilities", List.of("CLICK_AND_COLLECT"));
        client.send("POST", "/api/v1/locations", "application/json", DataSet.json(store));
        client.send("POST", "/api/v1/channels", "application/json", DataSet.json(Map.of("code", CHANNEL,
                "name", "Bench web", "type", "WEB", "currency", "EUR", "locationCodes", List.of("BENCH-CRM-ST"))));
    }

    private Map<String, Object> event(Random random, Map<String, Object> who, String type, String category) {
        return event(random, who, type, category, 86_400 * 30);
    }

    /** An event some time in the last {@code withinSeconds}. */
    private Map<String, Object> event(Random random, Map<String, Object> who, String type, String category,
            int withinSeconds) {
        Map<String, Object> e = new LinkedHashMap<>(who);
        e.put("type", type);
        e.put("channel", CHANNEL);
        e.put("occurredAt", Instant.now().minusSeconds(1 + random.nextInt(withinSeconds)).toString());
        e.put("subject", "JC-%05d".formatted(1 + random.nextInt(1000)));
        e.put("category", category);
        e.put("properties", Map.of("page", "/p/" + random.nextInt(1000)));
        return e;
    }

    /** {@code count} batches of 1,000 from 4 threads; new people (an email each) or known profiles. */
    private Map<String, Object> batches(int count, boolean newPeople) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                    List<Map<String, Object>> batch = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) {
                        Map<String, Object> who = newPeople
                                ? Map.of("identity", Map.of("kind", "EMAIL", "value", "p" + (b * 1000 + i) + "@bench.fr"))
                                : Map.of("customerId", customers.get(random.nextInt(customers.size())));
                        batch.add(event(random, who, TYPES[random.nextInt(TYPES.length)],
                                CATEGORIES[random.nextInt(CATEGORIES.length)]));
                    }
                    long sent = System.nanoTime();
                    try {
                        var answer = client.send("POST", "/api/v1/touchpoints/batch", "application/json",
                                DataSet.json(Map.of("events", batch)));
                        latencies[b] = System.nanoTime() - sent;
                        if (answer.statusCode() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (newPeople) {
                            Bench.JSON.readTree(answer.body()).path("customerIds")
                                    .forEach(id -> customers.add(id.asString()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", count * 1000);
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("events_per_s", Math.round(count * 1000 / seconds));
        figures.put("batch_p50_ms", ms(latencies, 0.5));
        figures.put("batch_p99_ms", ms(latencies, 0.99));
        if (newPeople) {
            figures.put("profiles", customers.size());
        }
        figures.put("errors", errors.get());
        return figures;
    }

    private Map<String, Object> single(int users, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        List<long[]> all = new ArrayList<>();
        int[] counts = new int[users];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            long[] mine = new long[2_000_000];
            all.add(mine);
            int user = u;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(100 + user);
                int n = 0;
                while (running.get()) {
                    byte[] body = DataSet.json(event(random, Map.of("customerId",
                            customers.get(random.nextInt(customers.size()))), TYPES[random.nextInt(TYPES.length)],
                            CATEGORIES[random.nextInt(CATEGORIES.length)]));
                    long start = System.nanoTime();
                    try {
                        if (client.send("POST", "/api/v1/touchpoints", "application/json", body).statusCode() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - start;
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
        long[] merged = CheckoutWorkload.merge(all, counts);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", users);
        figures.put("events_per_s", Math.round(merged.length / elapsed));
        figures.put("p50_ms", ms(merged, 0.5));
        figures.put("p99_ms", ms(merged, 0.99));
        figures.put("errors", errors.get());
        return figures;
    }

    private Map<String, Object> segment(int reaching) throws Exception {
        String code = "bench-garden-" + System.nanoTime() % 100_000;
        String category = "bench-" + code;
        var created = client.send("POST", "/api/v1/segments", "application/json", DataSet.json(Map.of("code", code,
                "name", "Bench", "condition", Map.of("event", Map.of("type", "PRODUCT_VIEW", "category", category),
                        "atLeast", 3, "withinDays", 14))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("segment: " + created.body());
        }
        long start = System.nanoTime();
        var evaluated = client.send("POST", "/api/v1/segments/" + code + "/evaluate", null, null);
        double full = (System.nanoTime() - start) / 1e9;
        Random random = new Random(7);
        List<String> chosen = new ArrayList<>(customers);
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, reaching);
        long[] latencies = new long[reaching];
        int errors = 0;
        for (int i = 0; i < reaching; i++) {
            Map<String, Object> who = Map.of("customerId", chosen.get(i));
            client.send("POST", "/api/v1/touchpoints/batch", "application/json", DataSet.json(Map.of("events",
                    List.of(event(random, who, "PRODUCT_VIEW", category, 86_400),
                            event(random, who, "PRODUCT_VIEW", category, 86_400)))));
            byte[] third = DataSet.json(event(random, who, "PRODUCT_VIEW", category, 60));
            long sent = System.nanoTime();
            if (client.send("POST", "/api/v1/touchpoints", "application/json", third).statusCode() != 201) {
                errors++;
            }
            latencies[i] = System.nanoTime() - sent;
        }
        int members = Bench.JSON.readTree(client.send("GET", "/api/v1/segments/" + code, null, null).body())
                .path("members").asInt();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("profiles", customers.size());
        figures.put("full_evaluation_s", Math.round(full * 10) / 10.0);
        figures.put("evaluated_members", Bench.JSON.readTree(evaluated.body()).path("members").asInt());
        figures.put("membership_update_p50_ms", ms(latencies, 0.5));
        figures.put("membership_update_p99_ms", ms(latencies, 0.99));
        figures.put("members", members);
        figures.put("expected_members", reaching);
        figures.put("errors", errors);
        return figures;
    }

    private static String ms(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "0";
        }
        return "%.1f".formatted(sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6);
    }
}
