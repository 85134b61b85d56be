package org.comptoir.search.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.comptoir.inventory.Inventory;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.LocationType;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.KeyedSnapshot;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Pricing;
import org.comptoir.search.internal.SearchPage.Availability;
import org.springframework.stereotype.Component;

/**
 * Orders the best matches: by relevance first, in bands (a match nearly as good as the best is as
 * good), then by what the channel can sell now (in stock, then expected back), then by the
 * merchandiser's boost, then by the exact score. Also reads, for those matches only, the stock and
 * shelf prices that the availability and price filters and facets need, one query each (stock kept
 * a few seconds: ranking, not promising).
 */
@Component
class Ranking {

    /** Price bands in major units of the channel's currency, as labels a filter names. */
    record Band(String label, long fromMinor, long toMinor) {}

    static final List<Band> BANDS = List.of(new Band("0-10", 0, 1_000), new Band("10-25", 1_000, 2_500),
            new Band("25-50", 2_500, 5_000), new Band("50-100", 5_000, 10_000), new Band("100-250", 10_000, 25_000),
            new Band("250+", 25_000, Long.MAX_VALUE));

    /** A match being ranked: its product, score, and what stock and prices say of it. */
    static final class Candidate {
        final IndexedProduct product;
        final float score;
        final boolean exactCode;
        int band;
        Availability availability = Availability.UNKNOWN;
        LocalDate backOn;
        Long price;
        final Map<String, Integer> available = new HashMap<>();
        final Map<String, LocalDate> skuBackOn = new HashMap<>();
        final Set<String> locations = new LinkedHashSet<>();
        double boost = 1;

        Candidate(IndexedProduct product, float score, boolean exactCode) {
            this.product = product;
            this.score = score;
            this.exactCode = exactCode;
        }
    }

    private final Inventory inventory;
    private final Pricing pricing;
    private final Network network;
    private final Merchandising merchandising;

    Ranking(Inventory inventory, Pricing pricing, Network network, Merchandising merchandising) {
        this.inventory = inventory;
        this.pricing = pricing;
        this.network = network;
        this.merchandising = merchandising;
    }

    static Band band(String label) {
        return BANDS.stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow(() -> ApiProblem.invalid(
                "price", "must be one of " + BANDS.stream().map(Band::label).toList()));
    }

    /**
     * Stock read for ranking is kept a few seconds per channel and SKU: popular searches rank the same
     * products over and over, and an order placed meanwhile moves a product down a moment later.
     */
    private final KeyedSnapshot<Map<String, Integer>> stockCache = new KeyedSnapshot<>(500_000);
    private final KeyedSnapshot<Optional<LocalDate>> backCache = new KeyedSnapshot<>(500_000);

    /** Reads stock (and prices when asked) for the candidates, then orders them. */
    void rank(List<Candidate> candidates, String channel, boolean withPrices) {
        if (candidates.isEmpty()) {
            return;
        }
        float top = candidates.stream().filter(c -> !c.exactCode).map(c -> c.score).max(Float::compare).orElse(1f);
        List<String> skus = candidates.stream().flatMap(c -> c.product.skus().stream()).distinct().toList();
        Map<String, Map<String, Integer>> stock = stock(channel, skus);
        List<String> soldOut = new ArrayList<>();
        for (Candidate c : candidates) {
            c.band = c.exactCode ? -1 : (int) Math.min(3, Math.floor((1 - c.score / top) * 4));
            c.boost = merchandising.boost(c.product.id());
            for (String sku : c.product.skus()) {
                Map<String, Integer> at = stock.getOrDefault(sku, Map.of());
                int total = at.values().stream().mapToInt(Integer::intValue).sum();
                c.available.put(sku, total);
                at.forEach((location, q) -> {
                    if (q > 0) {
                        c.locations.add(location);
                    }
                });
                if (total <= 0) {
                    soldOut.add(sku);
                }
            }
        }
        Map<String, LocalDate> back = soldOut.isEmpty() ? Map.of() : expectedBack(channel, soldOut);
        for (Candidate c : candidates) {
            boolean inStock = c.available.values().stream().anyMatch(q -> q > 0);
            c.product.skus().stream().filter(back::containsKey).forEach(sku -> c.skuBackOn.put(sku, back.get(sku)));
            c.backOn = inStock ? null : c.skuBackOn.values().stream().min(Comparator.naturalOrder()).orElse(null);
            c.availability = inStock ? Availability.IN_STOCK : c.backOn != null ? Availability.BACK_SOON
                    : Availability.OUT_OF_STOCK;
        }
        if (withPrices && channel != null) {
            Map<String, Long> prices = pricing.shelfPrices(channel, skus);
            for (Candidate c : candidates) {
                c.price = c.product.skus().stream().map(prices::get).filter(java.util.Objects::nonNull)
                        .min(Long::compare).orElse(null);
            }
        }
        candidates.sort(Comparator.<Candidate>comparingInt(c -> c.band)
                .thenComparingInt(c -> c.availability.ordinal())
                .thenComparing(Comparator.<Candidate>comparingDouble(c -> c.boost).reversed())
                .thenComparing(Comparator.<Candidate>comparingDouble(c -> c.score).reversed())
                .thenComparing(c -> c.product.handle()));
    }

    private Map<String, Map<String, Integer>> stock(String channel, List<String> skus) {
        String prefix = (channel == null ? "" : channel) + "\u0000";
        Map<String, Map<String, Integer>> cached = stockCache.get(keys(prefix, skus), keys -> {
            List<String> missing = keys.stream().map(k -> k.substring(prefix.length())).toList();
            Map<String, Map<String, Integer>> read;
            try {
                read = inventory.available(channel, missing);
            } catch (ApiProblem e) {
                read = Map.of(); // a SKU removed a moment ago: rank by the rest rather than fail the search
            }
            Map<String, Map<String, Integer>> answer = new HashMap<>();
            for (String sku : missing) {
                answer.put(prefix + sku, read.getOrDefault(sku, Map.of()));
            }
            return answer;
        });
        Map<String, Map<String, Integer>> bySku = new HashMap<>();
        cached.forEach((key, value) -> bySku.put(key.substring(prefix.length()), value));
        return bySku;
    }

    private Map<String, LocalDate> expectedBack(String channel, List<String> skus) {
        String prefix = (channel == null ? "" : channel) + "\u0000";
        Map<String, Optional<LocalDate>> cached = backCache.get(keys(prefix, skus), keys -> {
            List<String> missing = keys.stream().map(k -> k.substring(prefix.length())).toList();
            Map<String, LocalDate> read;
            try {
                read = inventory.expectedBack(channel, missing);
            } catch (ApiProblem e) {
                read = Map.of();
            }
            Map<String, Optional<LocalDate>> answer = new HashMap<>();
            for (String sku : missing) {
                answer.put(prefix + sku, Optional.ofNullable(read.get(sku)));
            }
            return answer;
        });
        Map<String, LocalDate> bySku = new HashMap<>();
        cached.forEach((key, value) -> value.ifPresent(date -> bySku.put(key.substring(prefix.length()), date)));
        return bySku;
    }

    private static List<String> keys(String prefix, List<String> skus) {
        return skus.stream().map(sku -> prefix + sku).toList();
    }

    /** The locations within a radius of a point, nearest first. */
    List<String> locationsNear(GeoPoint point, double radiusKm) {
        List<LocationSummary> near = new ArrayList<>();
        for (LocationType type : LocationType.values()) {
            network.locationsOfType(type).stream().filter(l -> l.active() && l.position() != null
                    && l.position().distanceKm(point) <= radiusKm).forEach(near::add);
        }
        near.sort(Comparator.comparingDouble(l -> l.position().distanceKm(point)));
        return near.stream().map(LocationSummary::code).toList();
    }

    static String bandOf(Long price) {
        if (price == null) {
            return null;
        }
        return BANDS.stream().filter(b -> price >= b.fromMinor() && price < b.toMinor()).map(Band::label).findFirst()
                .orElse(null);
    }

}
