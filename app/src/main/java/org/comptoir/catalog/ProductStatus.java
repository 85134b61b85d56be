package org.comptoir.catalog;

/** Only active products are sold; archived ones stay for history (orders, returns). */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED
}
