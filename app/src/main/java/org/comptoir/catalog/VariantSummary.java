package org.comptoir.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * A sellable variant as other modules see it. {@code categories} are the codes of its product's
 * category and of every ancestor (a promotion on "garden" covers "garden/tools"); empty without one.
 */
public record VariantSummary(String sku, UUID productId, String productName, String gtin, ProductStatus status,
        TaxClass taxClass, Set<String> categories) {}
