package org.comptoir.fulfilment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;

/**
 * The sourcing engine alone (no database, no HTTP): decisions per second for orders of 1, 3 and 10
 * lines over 50 and 500 locations. Run by {@code bench/run.sh SOURCING}; not part of the test suite.
 * Candidates carry the stock of the order's SKUs only, as the service builds them from one
 * availability read. Stock is sparse on purpose (a store holds a SKU three times in ten, a warehouse eight in ten), so
 * that many orders need pairs or triples. Deterministic (seed 42).
 */
public final class SourcingEngineBenchmark {

    private static final int SKUS = 1_000;

    private SourcingEngineBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        for (int locations : new int[] {50, 500}) {
            for (int lines : new int[] {1, 3, 10}) {
                run(locations, lines, seconds);
            }
        }
    }

    private static void run(int locationCount, int lineCount, double seconds) {
        Random random = new Random(42);
        List<SourcingEngine.Candidate> candidates = network(locationCount, random);
        List<SourcingEngine.Request> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<SourcingEngine.Line> lines = new ArrayList<>();
            while (lines.size() < lineCount) {
                String sku = "SKU-" + random.nextInt(SKUS);
                if (lines.stream().noneMatch(l -> l.sku().equals(sku))) {
                    lines.add(new SourcingEngine.Line(sku, 1 + random.nextInt(2)));
                }
            }
            orders.add(new SourcingEngine.Request(SourcingEngine.Mode.SHIP, somewhereInFrance(random), null, lines,
                    SourcingEngine.Rule.DEFAULT, forOrder(candidates, lines)));
        }
        long routed = 0;
        long locationsUsed = 0;
        // Warm-up: a third of the measured time, so that the JIT has compiled the engine.
        measure(orders, seconds / 3);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < deadline) {
            SourcingEngine.Decision d = SourcingEngine.decide(orders.get(n++ % orders.size()));
            if (d.routed()) {
                routed++;
                locationsUsed += d.locations().size();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "RESULT SOURCING locations=%d lines=%d decisions_per_s=%.0f us_per_decision=%.1f routed_pct=%.1f "
                        + "avg_locations=%.2f%n", locationCount, lineCount, n / elapsed, elapsed * 1e6 / n,
                100.0 * routed / n, routed == 0 ? 0 : (double) locationsUsed / routed);
    }

    private static void measure(List<SourcingEngine.Request> orders, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < deadline) {
            SourcingEngine.decide(orders.get(n++ % orders.size()));
        }
    }

    /** As the service gives them: each location's stock of the order's SKUs only. */
    private static List<SourcingEngine.Candidate> forOrder(List<SourcingEngine.Candidate> network,
            List<SourcingEngine.Line> lines) {
        List<SourcingEngine.Candidate> candidates = new ArrayList<>(network.size());
        for (SourcingEngine.Candidate c : network) {
            Map<String, Integer> stock = new HashMap<>();
            for (SourcingEngine.Line line : lines) {
                Integer quantity = c.available().get(line.sku());
                if (quantity != null) {
                    stock.put(line.sku(), quantity);
                }
            }
            candidates.add(new SourcingEngine.Candidate(c.code(), c.type(), c.position(), c.active(), c.sellable(),
                    c.capabilities(), stock, c.capacityLeft(), c.openWork()));
        }
        return candidates;
    }

    /** A fiftieth (at least two) warehouses, the rest stores, spread over metropolitan France. */
    private static List<SourcingEngine.Candidate> network(int count, Random random) {
        List<SourcingEngine.Candidate> candidates = new ArrayList<>();
        int warehouses = Math.max(2, count / 50);
        for (int i = 0; i < count; i++) {
            boolean warehouse = i < warehouses;
            Map<String, Integer> stock = new HashMap<>();
            for (int s = 0; s < SKUS; s++) {
                if (random.nextDouble() < (warehouse ? 0.8 : 0.3)) {
                    stock.put("SKU-" + s, warehouse ? 100 + random.nextInt(900) : 1 + random.nextInt(20));
                }
            }
            candidates.add(new SourcingEngine.Candidate((warehouse ? "WH-" : "ST-") + i,
                    warehouse ? LocationType.WAREHOUSE : LocationType.STORE, somewhereInFrance(random), true, true,
                    warehouse ? Set.of(Capability.SHIPS_PARCELS) : Set.of(Capability.SHIP_FROM_STORE), stock,
                    random.nextInt(4) == 0 ? 50 + random.nextInt(50) : null, random.nextInt(30)));
        }
        return candidates;
    }

    private static GeoPoint somewhereInFrance(Random random) {
        return new GeoPoint(43.5 + random.nextDouble() * 5.5, -1.0 + random.nextDouble() * 8.0);
    }
}
