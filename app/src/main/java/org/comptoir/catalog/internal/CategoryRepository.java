package org.comptoir.catalog.internal;

import static org.comptoir.catalog.internal.db.tables.Category.CATEGORY;
import static org.comptoir.catalog.internal.db.tables.CategoryName.CATEGORY_NAME;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class CategoryRepository {

    /**
     * A category of the tree. {@code path} lists the codes from the root, {@code /garden/tools/}, so
     * that a category and all its descendants are one prefix match.
     */
    record Category(UUID id, String code, String parentCode, String path, Map<String, String> names) {}

    private final DSLContext db;

    CategoryRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Category> find(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    Map<String, UUID> idsByCode(Collection<String> codes) {
        return db.select(CATEGORY.CODE, CATEGORY.ID).from(CATEGORY).where(CATEGORY.CODE.in(codes))
                .fetchMap(CATEGORY.CODE, CATEGORY.ID);
    }

    /** The whole tree, ordered by path (parents before children); categories are few. */
    List<Category> all() {
        Map<UUID, Map<String, String>> names = new HashMap<>();
        db.selectFrom(CATEGORY_NAME).forEach(r -> names.computeIfAbsent(r.getCategoryId(), k -> new TreeMap<>())
                .put(r.getLocale(), r.getName()));
        var parent = CATEGORY.as("parent");
        return db.select(CATEGORY.ID, CATEGORY.CODE, parent.CODE, CATEGORY.PATH).from(CATEGORY)
                .leftJoin(parent).on(parent.ID.eq(CATEGORY.PARENT_ID))
                .orderBy(CATEGORY.PATH)
                .fetch(r -> new Category(r.value1(), r.value2(), r.value3(), r.value4(),
                        names.getOrDefault(r.value1(), Map.of())));
    }

    void insert(Category category, UUID parentId, Instant now) {
        db.insertInto(CATEGORY)
                .set(CATEGORY.ID, category.id())
                .set(CATEGORY.CODE, category.code())
                .set(CATEGORY.PARENT_ID, parentId)
                .set(CATEGORY.PATH, category.path())
                .set(CATEGORY.CREATED_AT, now)
                .execute();
        category.names().forEach((locale, name) -> db.insertInto(CATEGORY_NAME)
                .set(CATEGORY_NAME.CATEGORY_ID, category.id())
                .set(CATEGORY_NAME.LOCALE, locale)
                .set(CATEGORY_NAME.NAME, name)
                .execute());
    }
}
