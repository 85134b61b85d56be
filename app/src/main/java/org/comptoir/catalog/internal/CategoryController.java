package org.comptoir.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Categories", description = "The category tree of the catalogue")
@RestController
@RequestMapping("/api/v1/catalog/categories")
class CategoryController {

    record CreateCategory(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String code,
            String parentCode, @NotEmpty Map<@Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String,
                    @NotBlank @Size(max = 200) String> names) {}

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @PostMapping
    ResponseEntity<CategoryRepository.Category> create(@Valid @RequestBody CreateCategory request) {
        var category = categories.create(request.code(), request.parentCode(), request.names());
        return ResponseEntity.created(URI.create("/api/v1/catalog/categories/" + category.code())).body(category);
    }

    @GetMapping
    List<CategoryRepository.Category> list() {
        return categories.all();
    }

    @GetMapping("/{code}")
    CategoryRepository.Category get(@PathVariable String code) {
        return categories.find(code);
    }
}
