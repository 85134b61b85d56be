package org.comptoir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database: each node's index follows the catalogue and the merchandisers' settings
 * whichever node changed them, and a rebuild on demand leaves the same index.
 */
class SearchNodesTest {

    @Test
    void eachNodesIndexFollowsChangesMadeOnTheOther() {
        Map<String, String> database = TestDatabase.fresh("comptoir_search_nodes");
        try (Platform a = Platform.start(database, Map.of()); Platform b = Platform.start(database, Map.of())) {
            Api onA = a.admin();
            Api onB = b.admin().as(createKey(onA));
            var created = onA.post("/api/v1/catalog/products", Fixtures.product("Brouette Nodus", List.of(),
                    "NOD-" + System.nanoTime() % 1_000_000));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().path("id").asString();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(ids(onB, "brouettes")).containsExactly(id));

            assertThat(onA.post("/api/v1/catalog/products/" + id + "/archive", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(ids(onB, "brouettes")).isEmpty());

            var archived = onA.get("/api/v1/catalog/products/" + id);
            var body = Fixtures.product("Brouette Nodus", List.of(), archived.json().path("variants").path(0)
                    .path("sku").asString());
            assertThat(onA.with("If-Match", archived.header("ETag")).put("/api/v1/catalog/products/" + id, body)
                    .status()).isEqualTo(200);
            assertThat(onA.post("/api/v1/search/synonyms", Map.of("locale", "fr", "terms",
                    List.of("diable", "brouette"))).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(ids(onB, "diable")).containsExactly(id));

            var rebuild = onB.post("/api/v1/search/index/rebuild", null);
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> !onB.get("/api/v1/search/index").json()
                    .path("building").asBoolean());
            assertThat(ids(onB, "brouette")).containsExactly(id);
            assertThat(onB.get("/api/v1/search/index").json().path("products").asInt()).isEqualTo(1);
        }
    }

    private static String createKey(Api admin) {
        var key = admin.post("/api/v1/api-keys", Map.of("name", "merchandiser on B", "roles",
                List.of("MERCHANDISER")));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("key").asString();
    }

    private static List<String> ids(Api api, String words) {
        JsonNode page = api.get("/api/v1/search/products?q=" + words).json();
        return page.path("items").valueStream().map(i -> i.path("productId").asString()).toList();
    }
}
