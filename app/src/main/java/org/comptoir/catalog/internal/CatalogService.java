package org.comptoir.catalog.internal;

import static org.comptoir.catalog.internal.db.tables.Category.CATEGORY;
import static org.comptoir.catalog.internal.db.tables.Product.PRODUCT;
import static org.comptoir.catalog.internal.db.tables.ProductText.PRODUCT_TEXT;
import static org.comptoir.catalog.internal.db.tables.Variant.VARIANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.catalog.VariantSummary;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogService implements Catalog {

    private final DSLContext db;
    private final CatalogSettings settings;
    private final VariantCache cache;

    CatalogService(DSLContext db, CatalogSettings settings, VariantCache cache) {
        this.db = db;
        this.settings = settings;
        this.cache = cache;
    }

    @Override
    public List<VariantSummary> find(String text, int limit) {
        String folded = text.toLowerCase(java.util.Locale.ROOT).strip();
        if (folded.length() < 3) {
            return List.of();
        }
        String pattern = "%" + folded.replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> skus = db.select(VARIANT.SKU).from(VARIANT).join(PRODUCT).on(PRODUCT.ID.eq(VARIANT.PRODUCT_ID))
                .where(PRODUCT.STATUS.eq(ProductStatus.ACTIVE.name()), VARIANT.SKU.eq(text.strip())
                        .or(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(PRODUCT_TEXT).where(
                                PRODUCT_TEXT.PRODUCT_ID.eq(PRODUCT.ID), PRODUCT_TEXT.SEARCH_TEXT.like(pattern, '\\')))))
                .orderBy(VARIANT.SKU).limit(limit).fetch(VARIANT.SKU);
        Map<String, VariantSummary> found = variants(skus);
        return skus.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<VariantSummary> variant(String sku) {
        return Optional.ofNullable(variants(List.of(sku)).get(sku));
    }

    @Override
    public Map<String, VariantSummary> variants(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return cache.variants(skus, this::load);
    }

    private Map<String, VariantSummary> load(Collection<String> skus) {
        return db.select(VARIANT.SKU, VARIANT.PRODUCT_ID, PRODUCT_TEXT.NAME, VARIANT.GTIN, PRODUCT.STATUS,
                        VARIANT.TAX_CLASS, CATEGORY.PATH)
                .from(VARIANT).join(PRODUCT).on(PRODUCT.ID.eq(VARIANT.PRODUCT_ID))
                .leftJoin(PRODUCT_TEXT).on(PRODUCT_TEXT.PRODUCT_ID.eq(PRODUCT.ID),
                        PRODUCT_TEXT.LOCALE.eq(settings.defaultLocale()))
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(VARIANT.SKU.in(skus))
                .fetch(r -> new VariantSummary(r.value1(), r.value2(), r.value3(), r.value4(),
                        ProductStatus.valueOf(r.value5()), TaxClass.valueOf(r.value6()), pathCodes(r.value7())))
                .stream().collect(Collectors.toMap(VariantSummary::sku, v -> v, (a, b) -> a));
    }

    /** A category path ("/jardin/outils/") names the category and every ancestor. */
    private static Set<String> pathCodes(String path) {
        return path == null ? Set.of() : Arrays.stream(path.split("/")).filter(code -> !code.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> existingCategories(Collection<String> codes) {
        return codes.isEmpty() ? Set.of()
                : db.select(CATEGORY.CODE).from(CATEGORY).where(CATEGORY.CODE.in(codes)).fetchSet(CATEGORY.CODE);
    }
}
