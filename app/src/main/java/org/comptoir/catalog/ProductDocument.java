package org.comptoir.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A product whole, as a search index reads it: its texts per locale, its category with the names of the
 * category and its ancestors per locale, its variants' codes and attributes.
 *
 * @param categoryCodes the product's category code and every ancestor's (empty without a category)
 * @param categoryNames per locale, the names of the category and its ancestors
 */
public record ProductDocument(UUID id, String handle, String brand, String categoryCode, Set<String> categoryCodes,
        Map<String, List<String>> categoryNames, ProductStatus status, Set<String> channels, Map<String, Text> texts,
        List<Variant> variants, int version) {

    /** Name and description in one locale. */
    public record Text(String name, String description) {}

    /** A variant's codes and attributes. */
    public record Variant(String sku, String gtin, Map<String, String> attributes) {}

    /** A product's version at the time it last changed: what a follower of the catalogue compares. */
    public record Change(UUID id, int version, Instant updatedAt) {}
}
