package org.comptoir.customers.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Dynamic segments: defined by a condition, their members kept up to date as events arrive. */
@Tag(name = "Segments")
@RestController
@RequestMapping("/api/v1/segments")
class SegmentController {

    record SegmentPayload(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 200) String name,
            @NotNull JsonNode condition) {}

    private final Segments segments;

    SegmentController(Segments segments) {
        this.segments = segments;
    }

    @PostMapping
    ResponseEntity<Segments.View> create(@Valid @RequestBody SegmentPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(segments.create(p.code(), p.name(), p.condition()));
    }

    @GetMapping
    List<Segments.View> list() {
        return segments.list();
    }

    @GetMapping("/{code}")
    Segments.View get(@PathVariable String code) {
        return segments.get(code);
    }

    /** Members, by customer id, a page at a time. */
    @GetMapping("/{code}/members")
    CursorPage<UUID> members(@PathVariable String code, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return CursorPage.of(segments.members(code, page.afterId().orElse(null), page.limit() + 1), page,
                UUID::toString);
    }

    /** Evaluates the segment for every customer now (otherwise the next pass does). */
    @PostMapping("/{code}/evaluate")
    Map<String, Object> evaluate(@PathVariable String code) {
        return Map.of("code", code, "members", segments.evaluate(code));
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        segments.delete(code);
        return ResponseEntity.noContent().build();
    }
}
