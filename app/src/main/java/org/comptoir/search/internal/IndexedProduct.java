package org.comptoir.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductDocument;
import org.comptoir.catalog.ProductStatus;

/**
 * What the index keeps of a product beside its Lucene document, to answer without the database: its
 * names, facets' values and variants. One per indexed version, by its ordinal in the index.
 */
record IndexedProduct(UUID id, String handle, String brand, String categoryCode, Set<String> categoryCodes,
        ProductStatus status, Set<String> channels, Map<String, String> names, List<ProductDocument.Variant> variants,
        int version, int[] categoryIds, int brandId) {

    /** {@code categoryIds}, {@code brandId}: the facet values' numbers in the index generation (-1: none). */
    static IndexedProduct of(ProductDocument d, int[] categoryIds, int brandId) {
        Map<String, String> names = new java.util.TreeMap<>();
        d.texts().forEach((locale, text) -> names.put(locale, text.name()));
        return new IndexedProduct(d.id(), d.handle(), d.brand(), d.categoryCode(), d.categoryCodes(), d.status(),
                d.channels(), names, d.variants(), d.version(), categoryIds, brandId);
    }

    /** The name in a locale: the exact one, its language, French, then any. */
    String name(String locale) {
        if (locale != null) {
            if (names.containsKey(locale)) {
                return names.get(locale);
            }
            String language = locale.split("-")[0];
            if (names.containsKey(language)) {
                return names.get(language);
            }
        }
        return names.getOrDefault("fr", names.isEmpty() ? handle : names.values().iterator().next());
    }

    List<String> skus() {
        List<String> skus = new java.util.ArrayList<>(variants.size());
        for (ProductDocument.Variant v : variants) {
            skus.add(v.sku());
        }
        return skus;
    }
}
