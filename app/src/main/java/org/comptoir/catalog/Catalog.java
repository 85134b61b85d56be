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
     * The products changed at or after {@code since} (after {@code afterId} among those changed at
     * {@code since} exactly), oldest change first: a follower pages through them with the last one seen.
     */
    java.util.List<ProductDocument.Change> changes(java.time.Instant since, java.util.UUID afterId, int limit);

    /** These products whole, in any order; unknown ids are left out. */
    java.util.List<ProductDocument> documents(Collection<java.util.UUID> ids);
}
