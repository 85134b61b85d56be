package org.comptoir.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalogue as other modules see it. */
public interface Catalog {

    Optional<VariantSummary> variant(String sku);

    /** The variants of the given SKUs that exist, with their categories, keyed by SKU, in one query. */
    Map<String, VariantSummary> variants(Collection<String> skus);

    /** Which of these category codes exist. */
    Set<String> existingCategories(Collection<String> codes);

    /**
     * Active variants whose product's name or description (any locale) contains the text, or whose SKU
     * it is: what a customer means by "the garden shears". At most {@code limit}, by SKU.
     */
    java.util.List<VariantSummary> find(String text, int limit);
}
