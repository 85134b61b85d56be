package org.comptoir.search.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of results, best first.
 *
 * @param total how many products match the words and filters of the index (before availability filters)
 * @param relaxed true when no product had every word, so products with most of them are shown
 * @param didYouMean the words spelt as the catalogue spells them, when nothing matched as typed
 */
record SearchPage(List<Item> items, long total, String nextCursor, boolean relaxed, String didYouMean,
        Map<String, List<FacetValue>> facets) {

    /** Where a product stands for the channel: sellable now, expected back, or neither. */
    enum Availability {
        IN_STOCK,
        BACK_SOON,
        OUT_OF_STOCK,
        UNKNOWN
    }

    /**
     * A product found. {@code highlight}: its name with the matched words in {@code <em>}, the rest
     * escaped for HTML; {@code price}: its lowest shelf price on the channel, in minor units.
     */
    record Item(UUID productId, String handle, String name, String highlight, String brand, String category,
            Availability availability, LocalDate backOn, Long price, List<VariantHit> variants, double score) {}

    record VariantHit(String sku, String gtin, Map<String, String> attributes, Integer available, LocalDate backOn) {}

    record FacetValue(String value, long count) {}
}
