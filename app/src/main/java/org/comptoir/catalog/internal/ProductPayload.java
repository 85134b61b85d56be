package org.comptoir.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.persistence.Ids;

/**
 * The JSON shape of a product as written by clients. Everything is checked by {@link ProductRules}
 * after mapping, so the API and imports refuse the same things with the same field paths.
 */
record ProductPayload(String handle, String brand, String category, ProductStatus status,
        Map<String, TextPayload> texts, List<MediaPayload> media, Set<String> channels,
        List<VariantPayload> variants) {

    record TextPayload(String name, String description) {}

    record MediaPayload(String url, String alt) {}

    record VariantPayload(String sku, String gtin, Map<String, String> attributes, Integer weightGrams,
            TaxClass taxClass) {}

    /** The product this payload describes; a missing handle is made from the default-locale name. */
    Product toProduct(UUID id, int version, String defaultLocale) {
        Map<String, Product.Text> productTexts = new TreeMap<>();
        if (texts != null) {
            texts.forEach((locale, text) -> productTexts.put(locale,
                    text == null ? null : new Product.Text(trim(text.name()), blankToNull(text.description()))));
        }
        String productHandle = handle;
        if (productHandle == null && !productTexts.isEmpty()) {
            Product.Text text = productTexts.getOrDefault(defaultLocale, productTexts.values().iterator().next());
            productHandle = text == null || text.name() == null ? null : Handles.fromName(text.name());
        }
        List<Product.Media> productMedia = media == null ? List.of()
                : media.stream().map(m -> m == null ? new Product.Media(null, null)
                        : new Product.Media(m.url(), blankToNull(m.alt()))).toList();
        List<Product.Variant> productVariants = variants == null ? List.of()
                : variants.stream().map(v -> v == null
                        ? new Product.Variant(Ids.newId(), null, null, Map.of(), null, null)
                        : new Product.Variant(Ids.newId(), trim(v.sku()), blankToNull(v.gtin()),
                                v.attributes() == null ? Map.of() : new LinkedHashMap<>(v.attributes()),
                                v.weightGrams(), v.taxClass() == null ? TaxClass.STANDARD : v.taxClass()))
                        .toList();
        return new Product(id, productHandle, blankToNull(brand), blankToNull(category),
                status == null ? ProductStatus.DRAFT : status, productTexts, productMedia,
                codes(channels), productVariants, version);
    }

    /** Channel codes as sent; a null one is kept as blank, for the rules to refuse by name. */
    static Set<String> codes(java.util.Collection<String> channels) {
        Set<String> codes = new TreeSet<>();
        if (channels != null) {
            channels.forEach(code -> codes.add(code == null ? "" : code.trim()));
        }
        return codes;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
