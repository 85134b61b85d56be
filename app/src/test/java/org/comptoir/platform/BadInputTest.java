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

    /** Each of these once answered 500, some until the bad value was deleted by hand. */
    @Test
    void valuesThatOnceBrokeAnOperationAreRefusedAndBreakNothing() {
        // A segment comparing with a nested value: refused, and customers are still written after it.
        var nested = admin.post("/api/v1/segments", Map.of("code", unique("seg").toLowerCase(), "name", "Gold",
                "condition", Map.of("score", "tier", "op", "eq", "value", List.of(List.of("GOLD")))));
        assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
        var inList = admin.post("/api/v1/segments", Map.of("code", unique("seg").toLowerCase(), "name", "Gold",
                "condition", Map.of("score", "tier", "op", "in", "value", List.of(List.of("GOLD")))));
        assertThat(inList.status()).as(inList.toString()).isEqualTo(400);
        var customer = admin.post("/api/v1/customers/identify", Map.of("source", "web", "identities", List.of(
                Map.of("kind", "EMAIL", "value", unique("c").toLowerCase() + "@example.fr"))));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(200);

        // A team's hours with a missing bound.
        Map<String, Object> team = new java.util.HashMap<>(Map.of("name", "Care", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
        team.put("hours", Map.of("MONDAY", java.util.Arrays.asList(null, "18:00")));
        var hours = admin.put("/api/v1/service/teams/" + unique("team").toLowerCase(), team);
        assertThat(hours.status()).as(hours.toString()).isEqualTo(400);

        // A product published on a null channel.
        var product = Fixtures.product("Râteau", List.of(), unique("R"));
        product.put("channels", java.util.Arrays.asList((Object) null));
        var nullChannel = admin.post("/api/v1/catalog/products", product);
        assertThat(nullChannel.status()).as(nullChannel.toString()).isEqualTo(400);

        // A non-returnable rule for a SKU no variant has.
        var rule = admin.put("/api/v1/returns/non-returnable/" + unique("NOPE"), Map.of("reason", "hygiene"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(400);

        // Stock near a point off the globe, from a conversation.
        String teamCode = unique("care").toLowerCase();
        admin.put("/api/v1/service/teams/" + teamCode, Map.of("name", "Care", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
        String inbox = unique("IN");
        assertThat(admin.put("/api/v1/service/inboxes/" + inbox, Map.of("name", "chat", "channel", "WEB_CHAT",
                "bot", false, "teamCode", teamCode, "salesChannel", channel)).status()).isEqualTo(200);
        var message = admin.post("/api/v1/service/messages", Map.of("inbox", inbox, "from", Map.of("kind", "EMAIL",
                "value", unique("m").toLowerCase() + "@example.fr"), "body", "Bonjour"));
        assertThat(message.status()).as(message.toString()).isEqualTo(201);
        var near = admin.post("/api/v1/service/conversations/" + message.json().path("conversationId").asString()
                + "/actions/near", Map.of("sku", "ANY", "latitude", 91, "longitude", 2.35));
        assertThat(near.status()).as(near.toString()).isEqualTo(400);
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
