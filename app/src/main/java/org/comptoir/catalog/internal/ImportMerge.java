package org.comptoir.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.persistence.Ids;

/**
 * How an import item changes a product: what the item says replaces what is stored, what it leaves
 * out stays; variants are matched by SKU, new SKUs are added.
 */
final class ImportMerge {

    private ImportMerge() {}

    static Product create(ProductPayload item, String defaultLocale) {
        return item.toProduct(Ids.newId(), 1, defaultLocale);
    }

    static Product merge(Product current, ProductPayload item) {
        Map<String, Product.Text> texts = new TreeMap<>(current.texts());
        if (item.texts() != null) {
            item.texts().forEach((locale, text) -> {
                if (text == null) {
                    return;
                }
                Product.Text before = texts.get(locale);
                texts.put(locale, new Product.Text(text.name() != null ? text.name().trim()
                        : before == null ? null : before.name(),
                        text.description() != null ? text.description() : before == null ? null : before.description()));
            });
        }
        List<Product.Media> media = item.media() == null ? current.media()
                : item.media().stream().map(m -> new Product.Media(m == null ? null : m.url(), m == null ? null
                        : m.alt())).toList();
        List<Product.Variant> variants = new ArrayList<>(current.variants());
        if (item.variants() != null) {
            for (ProductPayload.VariantPayload v : item.variants()) {
                upsertVariant(variants, v);
            }
        }
        return new Product(current.id(), item.handle() != null ? item.handle() : current.handle(),
                item.brand() != null ? item.brand() : current.brand(),
                item.category() != null ? item.category() : current.categoryCode(),
                item.status() != null ? item.status() : current.status(), texts, media,
                item.channels() != null ? ProductPayload.codes(item.channels()) : current.channels(), variants,
                current.version());
    }

    private static void upsertVariant(List<Product.Variant> variants, ProductPayload.VariantPayload v) {
        if (v == null) {
            variants.add(new Product.Variant(Ids.newId(), null, null, Map.of(), null, null));
            return;
        }
        String sku = v.sku() == null ? null : v.sku().trim();
        for (int i = 0; i < variants.size(); i++) {
            Product.Variant before = variants.get(i);
            if (before.sku().equals(sku)) {
                Map<String, String> attributes = new LinkedHashMap<>(before.attributes());
                if (v.attributes() != null) {
                    attributes.putAll(v.attributes());
                }
                variants.set(i, new Product.Variant(before.id(), sku, v.gtin() != null ? v.gtin() : before.gtin(),
                        attributes, v.weightGrams() != null ? v.weightGrams() : before.weightGrams(),
                        v.taxClass() != null ? v.taxClass() : before.taxClass()));
                return;
            }
        }
        variants.add(new Product.Variant(Ids.newId(), sku, v.gtin(),
                v.attributes() == null ? Map.of() : new LinkedHashMap<>(v.attributes()), v.weightGrams(),
                v.taxClass() == null ? TaxClass.STANDARD : v.taxClass()));
    }

}
