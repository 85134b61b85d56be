package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that writes refuses broken bodies with a 4xx problem, and the list it would have
 * added to, or the resource it would have changed, is the same afterwards.
 */
class BadInputTest extends ApiTest {

    private static final List<String> BROKEN_BODIES = List.of("{\"name\":", "[1,2", "\"just a string\"", "42",
            "{\"name\": {\"nested\": true}, \"roles\": \"ADMIN\", \"code\": 12}");

    private String store;
    private String channel;
    private String productId;
    private String priceList;

    @BeforeEach
    void data() {
        store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        channel = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(channel, List.of(store)));
        productId = admin.post("/api/v1/catalog/products", Fixtures.product("Bêche", List.of(), unique("B")))
                .json().path("id").asString();
        priceList = unique("PL");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", priceList, "name", "List", "currency", "EUR"));
    }

    private record Endpoint(String method, String path, String state) {}

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/api-keys", "/api/v1/api-keys?limit=200"),
                new Endpoint("POST", "/api/v1/locations", "/api/v1/locations?limit=200"),
                new Endpoint("PUT", "/api/v1/locations/" + store, "/api/v1/locations/" + store),
                new Endpoint("POST", "/api/v1/channels", "/api/v1/channels?limit=200"),
                new Endpoint("PUT", "/api/v1/channels/" + channel, "/api/v1/channels/" + channel),
                new Endpoint("POST", "/api/v1/catalog/categories", "/api/v1/catalog/categories"),
                new Endpoint("POST", "/api/v1/catalog/products", "/api/v1/catalog/products?limit=200"),
                new Endpoint("PUT", "/api/v1/catalog/products/" + productId, "/api/v1/catalog/products/" + productId),
                new Endpoint("POST", "/api/v1/webhooks", "/api/v1/webhooks?limit=200"),
                new Endpoint("POST", "/api/v1/pricing/price-lists", "/api/v1/pricing/price-lists?limit=200"),
                new Endpoint("PUT", "/api/v1/pricing/price-lists/" + priceList, "/api/v1/pricing/price-lists/" + priceList),
                new Endpoint("PUT", "/api/v1/pricing/price-lists/" + priceList + "/prices",
                        "/api/v1/pricing/price-lists/" + priceList + "/prices"),
                new Endpoint("POST", "/api/v1/pricing/promotions", "/api/v1/pricing/promotions?limit=200"),
                new Endpoint("PUT", "/api/v1/pricing/tax-rates/FR/STANDARD", "/api/v1/pricing/tax-rates"),
                new Endpoint("PUT", "/api/v1/pricing/delivery-fees/HOME/EUR", "/api/v1/pricing/delivery-fees"));
    }

    @Test
    void brokenBodiesAre400ProblemsThatChangeNothing() {
        Api api = admin.with("If-Match", "*");
        for (Endpoint endpoint : endpoints()) {
            String before = admin.get(endpoint.state()).body();
            for (String body : BROKEN_BODIES) {
                var answer = api.send(endpoint.method(), endpoint.path(), body, "application/json");
                assertThat(answer.status()).as(endpoint + " " + body + " -> " + answer).isEqualTo(400);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.problem()).isIn("malformed-request", "validation-failed");
            }
            assertThat(admin.get(endpoint.state()).body()).as(endpoint.toString()).isEqualTo(before);
        }
    }

    @Test
    void emptyObjectsAreRefusedFieldByFieldAndChangeNothing() {
        Api api = admin.with("If-Match", "*");
        for (Endpoint endpoint : endpoints()) {
            String before = admin.get(endpoint.state()).body();
            var answer = api.send(endpoint.method(), endpoint.path(), "{}", "application/json");
            assertThat(answer.status()).as(endpoint + " -> " + answer).isEqualTo(400);
            assertThat(answer.json().path("errors").size()).as(endpoint.toString()).isPositive();
            assertThat(admin.get(endpoint.state()).body()).as(endpoint.toString()).isEqualTo(before);
        }
    }

    @Test
    void badCategoriesAreRefused() {
        Function<Map<String, Object>, Integer> post = body -> admin.post("/api/v1/catalog/categories", body).status();
        assertThat(post.apply(Map.of("code", "Bad Code", "names", Map.of("fr", "X")))).isEqualTo(400);
        assertThat(post.apply(Map.of("code", "ok-code", "names", Map.of()))).isEqualTo(400);
        assertThat(post.apply(Map.of("code", "ok-code", "names", Map.of("french", "X")))).isEqualTo(400);
        assertThat(post.apply(Map.of("code", "ok-code", "parentCode", "no-such-parent", "names", Map.of("fr", "X"))))
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/catalog/categories/ok-code").status()).isEqualTo(404);
    }
}
