package org.comptoir.search.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The state of this node's search index, and its rebuild on demand. */
@Tag(name = "Search index", description = "This node's search index")
@RestController
@RequestMapping("/api/v1/search/index")
class IndexController {

    record IndexStatus(int products, boolean building, Instant lastFollowedAt, Instant lastRebuiltAt) {}

    private final CatalogIndex index;
    private final CatalogFollower follower;

    IndexController(CatalogIndex index, CatalogFollower follower) {
        this.index = index;
        this.follower = follower;
    }

    @GetMapping
    IndexStatus status() {
        return new IndexStatus(index.current().documents(), follower.rebuilding(), follower.lastFollowed(),
                follower.lastRebuilt());
    }

    /** Reads the whole catalogue into a new index, swapped in when complete; searches go on meanwhile. */
    @PostMapping("/rebuild")
    ResponseEntity<IndexStatus> rebuild() {
        if (!follower.requestRebuild()) {
            throw ApiProblem.conflict("search-index-rebuilding", "A rebuild of the search index is under way");
        }
        return ResponseEntity.accepted().body(status());
    }
}
