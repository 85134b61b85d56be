package org.comptoir.catalog.internal;

import static org.comptoir.catalog.internal.db.tables.Category.CATEGORY;
import static org.comptoir.catalog.internal.db.tables.Product.PRODUCT;
import static org.comptoir.catalog.internal.db.tables.ProductChannel.PRODUCT_CHANNEL;
import static org.comptoir.catalog.internal.db.tables.ProductMedia.PRODUCT_MEDIA;
import static org.comptoir.catalog.internal.db.tables.ProductText.PRODUCT_TEXT;
import static org.comptoir.catalog.internal.db.tables.Variant.VARIANT;
import static org.comptoir.catalog.internal.db.tables.VariantAttribute.VARIANT_ATTRIBUTE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.catalog.internal.db.tables.records.ProductRecord;
import org.comptoir.platform.persistence.PlannerStatistics;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Products are read and written whole and in batches: an import of a thousand rows costs a handful of
 * statements, and so does a single product through the API.
 */
@Repository
class ProductRepository {

    /**
     * Search criteria; absent means any. {@code matching}: the products a text means (found by the search
     * module). Attribute filters must all match on one variant.
     */
    record Search(Optional<Collection<UUID>> matching, Optional<String> categoryPath, Optional<ProductStatus> status,
            Optional<String> brand, Map<String, String> attributes, Optional<String> channel) {}

    private final DSLContext db;
    private final PlannerStatistics statistics;
    private final VariantCache variants;

    ProductRepository(DSLContext db, VariantCache variants, PlannerStatistics statistics) {
        this.db = db;
        this.statistics = statistics;
        this.variants = variants;
    }

    Map<String, UUID> productIdsBySku(Collection<String> skus) {
        return db.select(VARIANT.SKU, VARIANT.PRODUCT_ID).from(VARIANT).where(VARIANT.SKU.in(skus))
                .fetchMap(VARIANT.SKU, VARIANT.PRODUCT_ID);
    }

    Map<String, UUID> productIdsByGtin(Collection<String> gtins) {
        return db.select(VARIANT.GTIN, VARIANT.PRODUCT_ID).from(VARIANT).where(VARIANT.GTIN.in(gtins))
                .fetchMap(VARIANT.GTIN, VARIANT.PRODUCT_ID);
    }

    Map<String, UUID> productIdsByHandle(Collection<String> handles) {
        return db.select(PRODUCT.HANDLE, PRODUCT.ID).from(PRODUCT).where(PRODUCT.HANDLE.in(handles))
                .fetchMap(PRODUCT.HANDLE, PRODUCT.ID);
    }

    Set<String> handlesStartingWith(String prefix) {
        return new java.util.HashSet<>(db.select(PRODUCT.HANDLE).from(PRODUCT).where(PRODUCT.HANDLE.startsWith(prefix))
                .fetch(PRODUCT.HANDLE));
    }

    Optional<Product> find(UUID id) {
        return load(List.of(id)).stream().findFirst();
    }

    List<Product> search(Search search, PageRequest page) {
        List<Condition> where = new ArrayList<>();
        search.matching().ifPresent(ids -> where.add(ids.isEmpty() ? DSL.falseCondition() : PRODUCT.ID.in(ids)));
        search.categoryPath().ifPresent(path -> where.add(PRODUCT.CATEGORY_ID.in(
                DSL.select(CATEGORY.ID).from(CATEGORY).where(CATEGORY.PATH.startsWith(path)))));
        search.status().ifPresent(status -> where.add(PRODUCT.STATUS.eq(status.name())));
        search.brand().ifPresent(brand -> where.add(DSL.lower(PRODUCT.BRAND).eq(brand.toLowerCase(Locale.ROOT))));
        search.channel().ifPresent(channel -> where.add(DSL.exists(DSL.selectOne().from(PRODUCT_CHANNEL)
                .where(PRODUCT_CHANNEL.PRODUCT_ID.eq(PRODUCT.ID), PRODUCT_CHANNEL.CHANNEL_CODE.eq(channel)))));
        if (!search.attributes().isEmpty()) {
            Condition sameVariant = DSL.noCondition();
            for (var attribute : search.attributes().entrySet()) {
                var a = VARIANT_ATTRIBUTE.as("a_" + attribute.getKey());
                sameVariant = sameVariant.and(DSL.exists(DSL.selectOne().from(a).where(a.VARIANT_ID.eq(VARIANT.ID),
                        a.ATTR_NAME.eq(attribute.getKey()), a.ATTR_VALUE.eq(attribute.getValue()))));
            }
            where.add(DSL.exists(DSL.selectOne().from(VARIANT)
                    .where(VARIANT.PRODUCT_ID.eq(PRODUCT.ID)).and(sameVariant)));
        }
        page.afterId().ifPresent(after -> where.add(PRODUCT.ID.gt(after)));
        List<UUID> ids = db.select(PRODUCT.ID).from(PRODUCT).where(where).orderBy(PRODUCT.ID)
                .limit(page.limit() + 1).fetch(PRODUCT.ID);
        return load(ids);
    }

    /** Loads whole products in the order of {@code ids}, in six queries whatever their number. */
    List<Product> load(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductRecord> products = db.selectFrom(PRODUCT).where(PRODUCT.ID.in(ids)).fetchMap(PRODUCT.ID);
        Map<UUID, String> categoryCodes = db.select(CATEGORY.ID, CATEGORY.CODE).from(CATEGORY)
                .where(CATEGORY.ID.in(products.values().stream().map(ProductRecord::getCategoryId)
                        .filter(java.util.Objects::nonNull).toList()))
                .fetchMap(CATEGORY.ID, CATEGORY.CODE);
        Map<UUID, Map<String, Product.Text>> texts = new HashMap<>();
        db.selectFrom(PRODUCT_TEXT).where(PRODUCT_TEXT.PRODUCT_ID.in(ids)).orderBy(PRODUCT_TEXT.LOCALE)
                .forEach(r -> texts.computeIfAbsent(r.getProductId(), k -> new TreeMap<>())
                        .put(r.getLocale(), new Product.Text(r.getName(), r.getDescription())));
        Map<UUID, List<Product.Media>> media = new HashMap<>();
        db.selectFrom(PRODUCT_MEDIA).where(PRODUCT_MEDIA.PRODUCT_ID.in(ids)).orderBy(PRODUCT_MEDIA.POSITION)
                .forEach(r -> media.computeIfAbsent(r.getProductId(), k -> new ArrayList<>())
                        .add(new Product.Media(r.getUrl(), r.getAlt())));
        Map<UUID, Set<String>> channels = new HashMap<>();
        db.selectFrom(PRODUCT_CHANNEL).where(PRODUCT_CHANNEL.PRODUCT_ID.in(ids))
                .forEach(r -> channels.computeIfAbsent(r.getProductId(), k -> new TreeSet<>())
                        .add(r.getChannelCode()));
        Map<UUID, Map<String, String>> attributes = new HashMap<>();
        db.select(VARIANT_ATTRIBUTE.VARIANT_ID, VARIANT_ATTRIBUTE.ATTR_NAME, VARIANT_ATTRIBUTE.ATTR_VALUE)
                .from(VARIANT_ATTRIBUTE).join(VARIANT).on(VARIANT.ID.eq(VARIANT_ATTRIBUTE.VARIANT_ID))
                .where(VARIANT.PRODUCT_ID.in(ids)).orderBy(VARIANT_ATTRIBUTE.ATTR_NAME)
                .forEach(r -> attributes.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                        .put(r.value2(), r.value3()));
        Map<UUID, List<Product.Variant>> variants = new HashMap<>();
        db.selectFrom(VARIANT).where(VARIANT.PRODUCT_ID.in(ids)).orderBy(VARIANT.POSITION)
                .forEach(r -> variants.computeIfAbsent(r.getProductId(), k -> new ArrayList<>())
                        .add(new Product.Variant(r.getId(), r.getSku(), r.getGtin(),
                                attributes.getOrDefault(r.getId(), Map.of()), r.getWeightGrams(),
                                TaxClass.valueOf(r.getTaxClass()))));
        List<Product> loaded = new ArrayList<>();
        for (UUID id : ids) {
            ProductRecord r = products.get(id);
            if (r != null) {
                loaded.add(new Product(id, r.getHandle(), r.getBrand(), categoryCodes.get(r.getCategoryId()),
                        ProductStatus.valueOf(r.getStatus()), texts.getOrDefault(id, Map.of()),
                        media.getOrDefault(id, List.of()), channels.getOrDefault(id, Set.of()),
                        variants.getOrDefault(id, List.of()), r.getVersion()));
            }
        }
        return loaded;
    }

    void insertAll(List<Product> products, Map<String, UUID> categoryIds, Instant now) {
        if (products.isEmpty()) {
            return;
        }
        variants.changed();
        List<TableRecord<?>> rows = new ArrayList<>();
        for (Product p : products) {
            ProductRecord record = db.newRecord(PRODUCT);
            record.setId(p.id());
            record.setHandle(p.handle());
            record.setBrand(p.brand());
            record.setCategoryId(p.categoryCode() == null ? null : categoryIds.get(p.categoryCode()));
            record.setStatus(p.status().name());
            record.setVersion(p.version());
            record.setCreatedAt(now);
            record.setUpdatedAt(now);
            rows.add(record);
        }
        db.batchInsert(rows).execute();
        insertChildren(products);
        statistics.written(products.size(), PRODUCT, PRODUCT_TEXT, PRODUCT_MEDIA, PRODUCT_CHANNEL, VARIANT,
                VARIANT_ATTRIBUTE);
    }

    /**
     * Replaces products whose stored version is the one before theirs; returns the ids that were
     * replaced (a product changed meanwhile is left alone and absent from the answer).
     */
    Set<UUID> replaceAll(List<Product> products, Map<String, UUID> categoryIds, Instant now) {
        variants.changed();
        Set<UUID> replaced = new java.util.HashSet<>();
        for (Product p : products) {
            int updated = db.update(PRODUCT)
                    .set(PRODUCT.HANDLE, p.handle())
                    .set(PRODUCT.BRAND, p.brand())
                    .set(PRODUCT.CATEGORY_ID, p.categoryCode() == null ? null : categoryIds.get(p.categoryCode()))
                    .set(PRODUCT.STATUS, p.status().name())
                    .set(PRODUCT.VERSION, p.version())
                    .set(PRODUCT.UPDATED_AT, now)
                    .where(PRODUCT.ID.eq(p.id()), PRODUCT.VERSION.eq(p.version() - 1))
                    .execute();
            if (updated == 1) {
                replaced.add(p.id());
            }
        }
        List<Product> kept = products.stream().filter(p -> replaced.contains(p.id())).toList();
        if (kept.isEmpty()) {
            return replaced;
        }
        Set<UUID> ids = replaced;
        db.deleteFrom(PRODUCT_TEXT).where(PRODUCT_TEXT.PRODUCT_ID.in(ids)).execute();
        db.deleteFrom(PRODUCT_MEDIA).where(PRODUCT_MEDIA.PRODUCT_ID.in(ids)).execute();
        db.deleteFrom(PRODUCT_CHANNEL).where(PRODUCT_CHANNEL.PRODUCT_ID.in(ids)).execute();
        db.deleteFrom(VARIANT_ATTRIBUTE).where(VARIANT_ATTRIBUTE.VARIANT_ID.in(
                DSL.select(VARIANT.ID).from(VARIANT).where(VARIANT.PRODUCT_ID.in(ids)))).execute();
        db.deleteFrom(VARIANT).where(VARIANT.PRODUCT_ID.in(ids)).execute();
        insertChildren(kept);
        return replaced;
    }

    private void insertChildren(List<Product> products) {
        List<TableRecord<?>> texts = new ArrayList<>();
        List<TableRecord<?>> media = new ArrayList<>();
        List<TableRecord<?>> channels = new ArrayList<>();
        List<TableRecord<?>> variants = new ArrayList<>();
        List<TableRecord<?>> attributes = new ArrayList<>();
        for (Product p : products) {
            p.texts().forEach((locale, text) -> {
                var r = db.newRecord(PRODUCT_TEXT);
                r.setProductId(p.id());
                r.setLocale(locale);
                r.setName(text.name());
                r.setDescription(text.description());
                r.setSearchText((text.name() + " " + (text.description() == null ? "" : text.description()))
                        .toLowerCase(Locale.ROOT));
                texts.add(r);
            });
            for (int i = 0; i < p.media().size(); i++) {
                var r = db.newRecord(PRODUCT_MEDIA);
                r.setProductId(p.id());
                r.setPosition((short) i);
                r.setUrl(p.media().get(i).url());
                r.setAlt(p.media().get(i).alt());
                media.add(r);
            }
            for (String channel : p.channels()) {
                var r = db.newRecord(PRODUCT_CHANNEL);
                r.setProductId(p.id());
                r.setChannelCode(channel);
                channels.add(r);
            }
            for (int i = 0; i < p.variants().size(); i++) {
                Product.Variant v = p.variants().get(i);
                var r = db.newRecord(VARIANT);
                r.setId(v.id());
                r.setProductId(p.id());
                r.setSku(v.sku());
                r.setGtin(v.gtin());
                r.setWeightGrams(v.weightGrams());
                r.setTaxClass(v.taxClass().name());
                r.setPosition(i);
                variants.add(r);
                v.attributes().forEach((name, value) -> {
                    var a = db.newRecord(VARIANT_ATTRIBUTE);
                    a.setVariantId(v.id());
                    a.setAttrName(name);
                    a.setAttrValue(value);
                    attributes.add(a);
                });
            }
        }
        // One JDBC batch per table, variants before the attributes that reference them.
        for (List<TableRecord<?>> rows : List.of(texts, media, channels, variants, attributes)) {
            if (!rows.isEmpty()) {
                db.batchInsert(rows).execute();
            }
        }
    }
}
