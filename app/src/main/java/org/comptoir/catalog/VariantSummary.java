package org.comptoir.catalog;

import java.util.UUID;

/** A sellable variant as other modules see it. */
public record VariantSummary(String sku, UUID productId, String productName, String gtin, ProductStatus status,
        TaxClass taxClass) {}
