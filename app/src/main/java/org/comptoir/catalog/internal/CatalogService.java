package org.comptoir.catalog.internal;

import static org.comptoir.catalog.internal.db.tables.Category.CATEGORY;
import static org.comptoir.catalog.internal.db.tables.Product.PRODUCT;
import static org.comptoir.catalog.internal.db.tables.ProductText.PRODUCT_TEXT;
import static org.comptoir.catalog.internal.db.tables.Variant.VARIANT;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.ProductDocument;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.catalog.VariantSummary;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogService implements Catalog {

    private final DSLContext db;
    private final CatalogSettings settings;
    private final VariantCache cache;
    private final ProductRepository products;
    private final CategoryRepository categories;
    /** Every quote, cart change and hold loads the variants it has not seen for a few seconds. */
    private final Map<Integer, RenderedSql> loadOf = new ConcurrentHashMap<>();
    private static final int RENDERED_UP_TO = 32;

    CatalogService(DSLContext db, CatalogSettings settings, VariantCache cache, ProductRepository products,
            CategoryRepository categories) {
        this.db = db;
        this.products = products;
        this.categories = categories;
        this.settings = settings;
        this.cache = cache;
    }

    @Override
    public List<ProductDocument.Change> changes(Instant since, UUID afterId, int limit) {
        Condition after = afterId == null ? PRODUCT.UPDATED_AT.ge(since)
                : PRODUCT.UPDATED_AT.gt(since).or(PRODUCT.UPDATED_AT.eq(since).and(PRODUCT.ID.gt(afterId)));
        return db.select(PRODUCT.ID, PRODUCT.VERSION, PRODUCT.UPDATED_AT).from(PRODUCT).where(after)
                .orderBy(PRODUCT.UPDATED_AT, PRODUCT.ID).limit(limit)
                .fetch(r -> new ProductDocument.Change(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public List<ProductDocument> documents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, CategoryRepository.Category> byCode = categories.all().stream()
                .collect(Collectors.toMap(CategoryRepository.Category::code, c -> c));
        return products.load(ids).stream().map(p -> document(p, byCode)).toList();
    }

    private static ProductDocument document(Product p, Map<String, CategoryRepository.Category> categories) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        Map<String, List<String>> names = new java.util.TreeMap<>();
        for (var c = categories.get(p.categoryCode()); c != null && codes.add(c.code());
                c = c.parentCode() == null ? null : categories.get(c.parentCode())) {
            c.names().forEach((locale, name) -> names.computeIfAbsent(locale, l -> new ArrayList<>()).add(name));
        }
        Map<String, ProductDocument.Text> texts = new java.util.TreeMap<>();
        p.texts().forEach((locale, t) -> texts.put(locale, new ProductDocument.Text(t.name(), t.description())));
        return new ProductDocument(p.id(), p.handle(), p.brand(), p.categoryCode(), codes, names, p.status(),
                p.channels(), texts, p.variants().stream()
                        .map(v -> new ProductDocument.Variant(v.sku(), v.gtin(), v.attributes())).toList(),
                p.version());
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
        if (skus.size() > RENDERED_UP_TO) {
            return select(VARIANT.SKU.in(skus), DSL.val(settings.defaultLocale()))
                    .fetch(r -> summary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            r.value7()))
                    .stream().collect(Collectors.toMap(VariantSummary::sku, v -> v, (a, b) -> a));
        }
        RenderedSql sql = loadOf.computeIfAbsent(skus.size(), n -> {
            List<String> order = new ArrayList<>(List.of("locale"));
            order.addAll(RenderedSql.numberedNames("sku", n));
            return RenderedSql.of(db, select(VARIANT.SKU.in(RenderedSql.numbered("sku", n, String.class)),
                    DSL.param("locale", String.class)), order.toArray(String[]::new));
        });
        Object[] values = new Object[skus.size() + 1];
        values[0] = settings.defaultLocale();
        int i = 1;
        for (String sku : skus) {
            values[i++] = sku;
        }
        Map<String, VariantSummary> found = new HashMap<>();
        for (VariantSummary v : sql.fetch(rs -> summary(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), values)) {
            found.putIfAbsent(v.sku(), v);
        }
        return found;
    }

    private SelectConditionStep<Record7<String, UUID, String, String, String, String, String>> select(
            Condition skus, Field<String> locale) {
        return db.select(VARIANT.SKU, VARIANT.PRODUCT_ID, PRODUCT_TEXT.NAME, VARIANT.GTIN, PRODUCT.STATUS,
                        VARIANT.TAX_CLASS, CATEGORY.PATH)
                .from(VARIANT).join(PRODUCT).on(PRODUCT.ID.eq(VARIANT.PRODUCT_ID))
                .leftJoin(PRODUCT_TEXT).on(PRODUCT_TEXT.PRODUCT_ID.eq(PRODUCT.ID), PRODUCT_TEXT.LOCALE.eq(locale))
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(skus);
    }

    private static VariantSummary summary(String sku, UUID productId, String name, String gtin, String status,
            String taxClass, String categoryPath) {
        return new VariantSummary(sku, productId, name, gtin, ProductStatus.valueOf(status), TaxClass.valueOf(taxClass),
                pathCodes(categoryPath));
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
