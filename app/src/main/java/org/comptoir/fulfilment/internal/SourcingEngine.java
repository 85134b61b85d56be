package org.comptoir.fulfilment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;

/**
 * Decides which locations fulfil an order's lines. Fences first: hard filters that put a location
 * out (the channel may not sell from it, it cannot ship or send a transfer, its day is full, it is
 * too far, it has none of the items). Then ratings: weighted scores for distance, cost of the
 * location type, workload and stock depth. Then the fewest locations: every single location able
 * to serve the whole order, then pairs, then triples (from a bounded pool of the best candidates),
 * the best-scored set of the smallest size winning. For a pickup, the chosen store's own stock needs
 * no shipment: sets with it come before sets with as many transfers without it. Pure: everything comes in the request, so that
 * it is unit-tested and benchmarked alone, and every answer says why.
 */
final class SourcingEngine {

    /** Candidates considered for sets of two or three locations, best-scored first. */
    static final int COMBINATION_POOL = 24;

    private SourcingEngine() {}

    /** Shipped to the customer, or collected at a chosen store (fed by transfers when it lacks stock). */
    enum Mode {
        SHIP,
        PICKUP
    }

    /**
     * A location that might fulfil: its stock available to the channel per SKU, and its capacity left
     * today ({@code null} when it has no limit).
     */
    record Candidate(String code, LocationType type, GeoPoint position, boolean active, boolean sellable,
            Set<Capability> capabilities, Map<String, Integer> available, Integer capacityLeft, int openWork) {}

    record Line(String sku, int quantity) {}

    /** The configurable part; see the {@code sourcing_rule} table. */
    record Rule(int maxLocations, Integer maxDistanceKm, int minStoreStock, int weightDistance, int weightCost,
            int weightWorkload, int weightDepth, int costWarehouse, int costStore) {

        static final Rule DEFAULT = new Rule(3, null, 0, 40, 30, 10, 20, 1, 2);
    }

    /**
     * {@code splitLines}: whether a line's units may come from several locations (orders keep one
     * location per line, so they ask without).
     */
    record Request(Mode mode, GeoPoint destination, String pickupStore, List<Line> lines, Rule rule,
            List<Candidate> candidates, boolean splitLines) {

        Request(Mode mode, GeoPoint destination, String pickupStore, List<Line> lines, Rule rule,
                List<Candidate> candidates) {
            this(mode, destination, pickupStore, lines, rule, candidates, true);
        }
    }

    /** Each rating is between 0 (worst) and 1 (best). */
    record Ratings(double distance, double cost, double workload, double depth) {}

    /** What the engine thought of one candidate: why it was put out, or its ratings and score. */
    record Verdict(String locationCode, LocationType type, Double distanceKm, String fencedOut, Ratings ratings,
            Double score, Map<String, Integer> usable) {}

    /** Units of a line taken from a location; a transfer goes to the pickup store first. */
    record Assignment(String locationCode, String sku, int quantity, boolean transfer) {}

    /**
     * The answer: the assignments when routed, the locations chosen, every candidate's verdict, how
     * many sets were weighed, the reason of the choice, and the SKUs that could not be placed.
     */
    record Decision(boolean routed, List<Assignment> assignments, List<String> locations, List<Verdict> candidates,
            int setsTried, String reason, List<String> unroutable) {

        /**
         * The same decision with the verdicts of the locations chosen, of the {@code best} first other
         * candidates able to serve and of every one put out (the "why not my store" answers).
         */
        Decision explainedBy(int best) {
            List<Verdict> kept = new ArrayList<>();
            int able = 0;
            for (Verdict v : candidates) {
                if (v.fencedOut() != null || locations.contains(v.locationCode()) || able++ < best) {
                    kept.add(v);
                }
            }
            return kept.size() == candidates.size() ? this
                    : new Decision(routed, assignments, locations, kept, setsTried, reason, unroutable);
        }
    }

    static Decision decide(Request request) {
        Rule rule = request.rule();
        List<Line> lines = request.lines();
        int n = request.candidates().size();
        Double[] distances = new Double[n];
        double farthest = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = request.candidates().get(i);
            if (request.destination() != null && c.position() != null) {
                distances[i] = round1(request.destination().distanceKm(c.position()));
                farthest = Math.max(farthest, distances[i]);
            }
        }
        double distanceScale = Math.max(farthest, rule.maxDistanceKm() == null ? 0 : rule.maxDistanceKm());
        int maxCost = Math.max(rule.costWarehouse(), rule.costStore());
        int weights = rule.weightDistance() + rule.weightCost() + rule.weightWorkload() + rule.weightDepth();
        List<Verdict> fenced = new ArrayList<>();
        List<Option> able = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Candidate c = request.candidates().get(i);
            Double km = distances[i];
            boolean pickupStore = request.mode() == Mode.PICKUP && c.code().equals(request.pickupStore());
            int[] units = usable(c, lines, pickupStore ? 0 : storeReserve(c, rule));
            String out = fence(c, request, rule, km, pickupStore, units);
            if (out != null) {
                fenced.add(new Verdict(c.code(), c.type(), km, out, null, null, asMap(lines, units)));
                continue;
            }
            int cost = c.type() == LocationType.STORE ? rule.costStore() : rule.costWarehouse();
            Ratings ratings = new Ratings(
                    km == null || distanceScale == 0 ? 1 : 1 - km / distanceScale,
                    maxCost == 0 ? 1 : 1 - (double) cost / maxCost,
                    c.capacityLeft() == null ? 1 : (double) c.capacityLeft() / (c.capacityLeft() + c.openWork()),
                    depth(units, lines));
            double score = weights == 0 ? 0 : (rule.weightDistance() * ratings.distance()
                    + rule.weightCost() * ratings.cost() + rule.weightWorkload() * ratings.workload()
                    + rule.weightDepth() * ratings.depth()) / weights;
            // The store the customer chose comes first: collecting there needs no transfer.
            able.add(new Option(c, km, ratings, round3(pickupStore ? 1 + score : score), units));
        }
        able.sort(BEST_FIRST);
        fenced.sort(Comparator.comparing(Verdict::locationCode));
        List<Verdict> verdicts = new ArrayList<>(n);
        able.forEach(o -> verdicts.add(o.verdict(lines)));
        verdicts.addAll(fenced);

        int tried = 0;
        List<Option> pool = pool(able, lines.size());
        // At a pickup store, its own stock ships nowhere: sets with it are tried before sets of as many
        // transfers without it.
        Option pickup = request.mode() == Mode.PICKUP ? able.stream()
                .filter(o -> o.candidate.code().equals(request.pickupStore())).findFirst().orElse(null) : null;
        List<Option> others = pickup == null ? able : able.stream().filter(o -> o != pickup).toList();
        List<Option> otherPool = pickup == null ? pool : pool.stream().filter(o -> o != pickup).toList();
        for (int shipped = 0; shipped <= rule.maxLocations(); shipped++) {
            if (pickup != null && shipped + 1 <= rule.maxLocations()) {
                Best best = new Best();
                tried += combinations(List.of(pickup), shipped == 0 ? List.of() : shipped == 1 ? others : otherPool,
                        shipped, lines, request.splitLines(), best);
                if (best.set != null) {
                    return routed(best, able.size(), request, verdicts, tried);
                }
            }
            if (shipped >= 1) {
                Best best = new Best();
                tried += combinations(List.of(), shipped == 1 ? others : otherPool, shipped, lines,
                        request.splitLines(), best);
                if (best.set != null) {
                    return routed(best, able.size(), request, verdicts, tried);
                }
            }
        }
        List<String> unroutable = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            int total = 0;
            for (Option o : able) {
                total += o.units[l];
            }
            if (total < lines.get(l).quantity()) {
                unroutable.add(lines.get(l).sku());
            }
        }
        String reason = unroutable.isEmpty()
                ? "every line is in stock, but not within " + rule.maxLocations() + " location(s)"
                : "not enough stock in the locations able to fulfil: " + String.join(", ", unroutable);
        if (unroutable.isEmpty()) {
            lines.forEach(l -> unroutable.add(l.sku()));
        }
        return new Decision(false, List.of(), List.of(), verdicts, tried, reason, unroutable);
    }

    /** A candidate past the fences: its score and what it can give of each line (by line index). */
    private record Option(Candidate candidate, Double km, Ratings ratings, double score, int[] units) {

        Verdict verdict(List<Line> lines) {
            return new Verdict(candidate.code(), candidate.type(), km, null, ratings, score, asMap(lines, units));
        }
    }

    private static final Comparator<Option> BEST_FIRST = Comparator.comparingDouble((Option o) -> -o.score())
            .thenComparing(o -> o.candidate().code());

    private static Map<String, Integer> asMap(List<Line> lines, int[] units) {
        Map<String, Integer> usable = new LinkedHashMap<>();
        for (int l = 0; l < lines.size(); l++) {
            usable.put(lines.get(l).sku(), units[l]);
        }
        return usable;
    }

    /** Why a candidate is out, or {@code null} when it passes every fence. */
    private static String fence(Candidate c, Request request, Rule rule, Double km, boolean pickupStore,
            int[] units) {
        if (!c.active()) {
            return "inactive";
        }
        if (!c.sellable()) {
            return "the channel does not sell from it";
        }
        boolean ships = c.capabilities().contains(Capability.SHIPS_PARCELS)
                || c.capabilities().contains(Capability.SHIP_FROM_STORE);
        if (!pickupStore && !ships) {
            return request.mode() == Mode.SHIP ? "cannot ship parcels" : "cannot send a transfer to the pickup store";
        }
        if (c.capacityLeft() != null && c.capacityLeft() <= 0) {
            return "daily capacity exhausted";
        }
        if (km != null && rule.maxDistanceKm() != null && km > rule.maxDistanceKm()) {
            return String.format(Locale.ROOT, "%.1f km away, beyond %d km", km, rule.maxDistanceKm());
        }
        if (java.util.Arrays.stream(units).allMatch(q -> q == 0)) {
            return c.type() == LocationType.STORE && rule.minStoreStock() > 0 && !pickupStore
                    ? "none of the items in stock beyond the " + rule.minStoreStock() + " kept for the store"
                    : "none of the items in stock";
        }
        return null;
    }

    private static int storeReserve(Candidate c, Rule rule) {
        return c.type() == LocationType.STORE ? rule.minStoreStock() : 0;
    }

    /** What the location can give of each line: its availability less what a store keeps. */
    private static int[] usable(Candidate c, List<Line> lines, int keep) {
        int[] units = new int[lines.size()];
        for (int l = 0; l < units.length; l++) {
            units[l] = Math.max(0, c.available().getOrDefault(lines.get(l).sku(), 0) - keep);
        }
        return units;
    }

    /** Deep stock is a safer bet: full marks from ten times the quantity asked. */
    private static double depth(int[] units, List<Line> lines) {
        double sum = 0;
        for (int l = 0; l < units.length; l++) {
            sum += Math.min(1.0, units[l] / (lines.get(l).quantity() * 10.0));
        }
        return lines.isEmpty() ? 0 : sum / lines.size();
    }

    /** The best candidates, plus for every line the best one holding it, so that no line is left out. */
    private static List<Option> pool(List<Option> able, int lineCount) {
        // Options are told apart by identity: their candidates hold whole stock maps.
        Set<Option> pool = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Option> ordered = new ArrayList<>(able.subList(0, Math.min(COMBINATION_POOL, able.size())));
        pool.addAll(ordered);
        for (int l = 0; l < lineCount; l++) {
            for (Option o : able) {
                if (o.units[l] > 0) {
                    if (pool.add(o)) {
                        ordered.add(o);
                    }
                    break;
                }
            }
        }
        return ordered;
    }

    private static final class Best {
        List<Option> set;
        double score = Double.NEGATIVE_INFINITY;
        int feasible;
    }

    /** Weighs every set of the fixed members plus {@code size} candidates; returns how many were looked at. */
    private static int combinations(List<Option> fixed, List<Option> from, int size, List<Line> lines, boolean split,
            Best best) {
        int n = from.size();
        if (n < size) {
            return 0;
        }
        int[] at = new int[size];
        for (int i = 0; i < size; i++) {
            at[i] = i;
        }
        int tried = 0;
        List<Option> set = new ArrayList<>(fixed.size() + size);
        while (true) {
            set.clear();
            set.addAll(fixed);
            for (int i : at) {
                set.add(from.get(i));
            }
            tried++;
            if (feasible(set, lines, split)) {
                best.feasible++;
                double score = 0;
                for (Option o : set) {
                    score += o.score();
                }
                score /= set.size();
                if (score > best.score) {
                    best.score = score;
                    best.set = List.copyOf(set);
                }
            }
            int i = size - 1;
            while (i >= 0 && at[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return tried;
            }
            at[i]++;
            for (int j = i + 1; j < size; j++) {
                at[j] = at[j - 1] + 1;
            }
        }
    }

    /** Every line covered, and every member needed (a smaller set would do otherwise). */
    private static boolean feasible(List<Option> set, List<Line> lines, boolean split) {
        boolean[] gives = new boolean[set.size()];
        for (int l = 0; l < lines.size(); l++) {
            int left = lines.get(l).quantity();
            // Each line from the best members first; without splits, from the first that has it all.
            for (int m = 0; m < set.size() && left > 0; m++) {
                int units = set.get(m).units[l];
                int here = split ? Math.min(left, units) : units >= left ? left : 0;
                if (here > 0) {
                    gives[m] = true;
                    left -= here;
                }
            }
            if (left > 0) {
                return false;
            }
        }
        for (boolean g : gives) {
            if (!g) {
                return false;
            }
        }
        return true;
    }

    /** Each line from the best-scored members first (or from the first having all of it). */
    private static List<Assignment> take(List<Option> set, List<Line> lines, Request request) {
        List<Assignment> assignments = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            int left = line.quantity();
            for (Option o : set) {
                int units = o.units[l];
                int here = request.splitLines() ? Math.min(left, units) : units >= left ? left : 0;
                if (here > 0) {
                    String code = o.candidate().code();
                    assignments.add(new Assignment(code, line.sku(), here,
                            request.mode() == Mode.PICKUP && !code.equals(request.pickupStore())));
                    left -= here;
                }
                if (left == 0) {
                    break;
                }
            }
        }
        return assignments;
    }

    private static Decision routed(Best best, int able, Request request, List<Verdict> verdicts, int tried) {
        return new Decision(true, take(best.set, request.lines(), request),
                best.set.stream().map(o -> o.candidate().code()).toList(), verdicts, tried,
                reason(best, able, request), List.of());
    }

    private static String reason(Best best, int able, Request request) {
        int size = best.set.size();
        String codes = String.join(" + ", best.set.stream().map(o -> o.candidate().code()).toList());
        String score = String.format(Locale.ROOT, "%.3f", best.score);
        boolean atPickup = request.mode() == Mode.PICKUP
                && best.set.getFirst().candidate().code().equals(request.pickupStore());
        if (atPickup) {
            return size == 1 ? "the pickup store " + codes + " has every line"
                    : "the pickup store " + request.pickupStore() + " has part of the order; transfers from "
                            + String.join(" + ", best.set.subList(1, size).stream()
                                    .map(o -> o.candidate().code()).toList()) + " bring the rest (best-scored of " + best.feasible + " set(s))";
        }
        if (size == 1) {
            return codes + " has every line: best score (" + score + ") of " + best.feasible
                    + " location(s) able to serve the whole order, among " + able + " passing the fences";
        }
        return "no single location has every line; " + codes + " is the best-scored (" + score + ") of "
                + best.feasible + " set(s) of " + size + " able to serve the whole order";
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
