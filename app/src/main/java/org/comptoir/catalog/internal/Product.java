package org.comptoir.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;

/**
 * A product with its variants: the aggregate the catalogue reads and writes whole.
 *
 * @param texts name and description per locale ({@code fr}, {@code en}, {@code fr-BE}…)
 * @param channels codes of the sales channels the product is published on
 */
record Product(UUID id, String handle, String brand, String categoryCode, ProductStatus status,
        Map<String, Text> texts, List<Media> media, Set<String> channels, List<Variant> variants, int version) {

    record Text(String name, String description) {}

    record Media(String url, String alt) {}

    record Variant(UUID id, String sku, String gtin, Map<String, String> attributes, Integer weightGrams,
            TaxClass taxClass) {}

    /**
     * The text for a locale: the exact locale, then its language, then the default locale, then any,
     * so that a product is never nameless in a storefront.
     */
    Text textFor(String locale, String defaultLocale) {
        if (locale != null) {
            if (texts.containsKey(locale)) {
                return texts.get(locale);
            }
            String language = locale.split("-")[0];
            if (texts.containsKey(language)) {
                return texts.get(language);
            }
        }
        return Optional.ofNullable(texts.get(defaultLocale)).orElseGet(() -> texts.values().iterator().next());
    }

    List<String> skus() {
        return variants.stream().map(Variant::sku).toList();
    }

    boolean isVisibleOn(String channelCode) {
        return status == ProductStatus.ACTIVE && channels.contains(channelCode);
    }

    Product archived() {
        return new Product(id, handle, brand, categoryCode, ProductStatus.ARCHIVED, texts, media, channels, variants,
                version + 1);
    }

    /** The same product at the next version, its variants keeping their ids where the SKU is kept. */
    Product replacedBy(Product next) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        variants.forEach(v -> ids.put(v.sku(), v.id()));
        List<Variant> kept = next.variants().stream()
                .map(v -> new Variant(ids.getOrDefault(v.sku(), v.id()), v.sku(), v.gtin(), v.attributes(),
                        v.weightGrams(), v.taxClass()))
                .toList();
        return new Product(id, next.handle(), next.brand(), next.categoryCode(), next.status(), next.texts(),
                next.media(), next.channels(), kept, version + 1);
    }
}
