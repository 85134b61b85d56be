package org.comptoir.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree: a category is created under an existing parent and keeps its place. */
@Service
class Categories {

    private final CategoryRepository categories;
    private final Clock clock;

    Categories(CategoryRepository categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional
    CategoryRepository.Category create(String code, String parentCode, Map<String, String> names) {
        if (categories.find(code).isPresent()) {
            throw ApiProblem.conflict("category-code-taken", "A category already has the code " + code);
        }
        CategoryRepository.Category parent = parentCode == null ? null : categories.find(parentCode)
                .orElseThrow(() -> ApiProblem.invalid("parentCode", "no category has this code"));
        String path = (parent == null ? "/" : parent.path()) + code + "/";
        var category = new CategoryRepository.Category(Ids.newId(), code, parentCode, path, names);
        categories.insert(category, parent == null ? null : parent.id(), clock.instant());
        return category;
    }

    @Transactional(readOnly = true)
    List<CategoryRepository.Category> all() {
        return categories.all();
    }

    @Transactional(readOnly = true)
    CategoryRepository.Category find(String code) {
        return categories.find(code).orElseThrow(() -> ApiProblem.notFound("category", code));
    }
}
