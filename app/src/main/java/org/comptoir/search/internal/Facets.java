package org.comptoir.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.search.internal.SearchPage.FacetValue;
import org.springframework.stereotype.Component;

/**
 * Counts what refines a search. Category and brand are counted over every match; attributes, stock
 * (availability, stores) and price over the ranked best matches, since they vary by variant or come
 * from the inventory and the price lists rather than the index.
 */
@Component
class Facets {

    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String ATTRIBUTE_PREFIX = "attr.";
    static final String PRICE = "price";
    static final String AVAILABILITY = "availability";
    static final String STORE = "store";
    static final Set<String> NAMED = Set.of(CATEGORY, BRAND, PRICE, AVAILABILITY, STORE);
    private static final int VALUES = 20;

    private final Ranking ranking;

    Facets(Ranking ranking) {
        this.ranking = ranking;
    }

    /** Refuses a facet no search knows, rather than answering without it. */
    static Set<String> check(Set<String> requested) {
        for (String f : requested) {
            if (!NAMED.contains(f) && !(f.startsWith(ATTRIBUTE_PREFIX) && f.length() > ATTRIBUTE_PREFIX.length()
                    && f.length() <= 60)) {
                throw ApiProblem.invalid("facets", "unknown facet " + f.substring(0, Math.min(60, f.length()))
                        + "; known: category, brand, price, availability, store, attr.<name>");
            }
        }
        if (requested.size() > 10) {
            throw ApiProblem.invalid("facets", "at most 10 facets");
        }
        return requested;
    }

    /** Whether a facet counted over every match is asked for. */
    static boolean countsMatches(Set<String> requested) {
        return requested.contains(CATEGORY) || requested.contains(BRAND);
    }

    /**
     * Category and brand counted by {@code counter} over every match; attributes over the ranked best
     * matches' products (they vary by variant, and are asked for less).
     */
    Map<String, List<FacetValue>> ofMatches(Set<String> requested, FacetCounter counter, CatalogIndex.Generation g,
            List<IndexedProduct> best) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (int id = 0; counter != null && id < counter.counts.length; id++) {
            if (counter.counts[id] > 0) {
                String value = g.value(id);
                String facet = value.startsWith("c:") ? CATEGORY : BRAND;
                counts.computeIfAbsent(facet, k -> new HashMap<>()).put(value.substring(2), (long) counter.counts[id]);
            }
        }
        requested.stream().filter(f -> f.startsWith(ATTRIBUTE_PREFIX)).forEach(f -> {
            String name = f.substring(ATTRIBUTE_PREFIX.length());
            Map<String, Long> values = counts.computeIfAbsent(f, k -> new HashMap<>());
            for (IndexedProduct p : best) {
                p.variants().stream().map(v -> v.attributes().get(name)).filter(java.util.Objects::nonNull).distinct()
                        .forEach(v -> values.merge(v, 1L, Long::sum));
            }
        });
        Map<String, List<FacetValue>> answer = new LinkedHashMap<>();
        requested.stream().filter(f -> !f.equals(PRICE) && !f.equals(AVAILABILITY) && !f.equals(STORE))
                .forEach(f -> answer.put(f, top(counts.getOrDefault(f, Map.of()))));
        return answer;
    }

    Map<String, List<FacetValue>> ofRanked(Set<String> requested, List<Ranking.Candidate> ranked) {
        Map<String, List<FacetValue>> answer = new LinkedHashMap<>();
        if (requested.contains(AVAILABILITY)) {
            answer.put(AVAILABILITY, top(ranked.stream().collect(Collectors.groupingBy(c -> c.availability.name(),
                    Collectors.counting()))));
        }
        if (requested.contains(PRICE)) {
            Map<String, Long> bands = ranked.stream().map(c -> Ranking.bandOf(c.price))
                    .filter(java.util.Objects::nonNull).collect(Collectors.groupingBy(b -> b, Collectors.counting()));
            List<FacetValue> values = new ArrayList<>();
            Ranking.BANDS.forEach(b -> {
                if (bands.containsKey(b.label())) {
                    values.add(new FacetValue(b.label(), bands.get(b.label())));
                }
            });
            answer.put(PRICE, values);
        }
        if (requested.contains(STORE)) {
            Map<String, Long> stores = new HashMap<>();
            ranked.forEach(c -> c.locations.forEach(l -> stores.merge(l, 1L, Long::sum)));
            answer.put(STORE, top(stores));
        }
        return answer;
    }

    private static List<FacetValue> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(VALUES).map(e -> new FacetValue(e.getKey(), e.getValue())).toList();
    }
}
