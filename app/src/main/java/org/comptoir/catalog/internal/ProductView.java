package org.comptoir.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;

/** The JSON shape of a product as read; {@code name} and {@code description} are in the asked locale. */
record ProductView(UUID id, String handle, String brand, String category, ProductStatus status, String locale,
        String name, String description, Map<String, Product.Text> texts, List<Product.Media> media,
        Set<String> channels, List<Product.Variant> variants, int version) {

    static ProductView of(Product p, String locale, String defaultLocale) {
        Product.Text text = p.textFor(locale, defaultLocale);
        String shown = p.texts().entrySet().stream().filter(e -> e.getValue() == text).map(Map.Entry::getKey)
                .findFirst().orElse(defaultLocale);
        return new ProductView(p.id(), p.handle(), p.brand(), p.categoryCode(), p.status(), shown, text.name(),
                text.description(), p.texts(), p.media(), p.channels(), p.variants(), p.version());
    }
}
