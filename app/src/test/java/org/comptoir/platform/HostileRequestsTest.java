package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a fuzzer or an attacker sends, which the API once answered with a 500, an HTML page or a
 * default error body: every one is now a problem document, and what HEAD and OPTIONS may see is what
 * GET may.
 */
class HostileRequestsTest extends ApiTest {

    private String store;
    private String channel;
    private String storefrontKey;

    @BeforeEach
    void network() {
        store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        channel = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(channel, List.of(store)));
        storefrontKey = admin.post("/api/v1/channels/" + channel + "/publishable-keys", null).json().path("key")
                .asString();
    }

    private Api.Response raw(String method, String target, String key) {
        return RawHttp.send(port, method, target, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key),
                null);
    }

    private static void assertProblem(Api.Response answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.problem()).as(answer.toString()).isNotBlank();
    }

    @Test
    void aQueryEncodedInLatin1IsReadAsTheShopperMeantIt() {
        String word = unique("zq").toLowerCase().replace("-", "");
        String sku = unique("SEC");
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + word, List.of(), sku))
                .status()).isEqualTo(201);
        // "sécateur <word>" as an old client sends it: é as the single Latin-1 byte E9.
        var found = raw("GET", "/api/v1/catalog/products?q=s%E9cateur+" + word, ADMIN_KEY);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("items").get(0).path("variants").get(0).path("sku").asString()).isEqualTo(sku);
    }

    @Test
    void aBrokenEscapeInTheQueryIsA400ProblemOnEveryOperationThatReadsOne() {
        for (String target : List.of("/api/v1/catalog/products?q=s%zz", "/api/v1/orders?customerRef=%",
                "/api/v1/fulfilment/orders?location=%E", "/api/v1/inventory/availability/SKU?channel=%G1",
                "/api/v1/locations?cursor=%%")) {
            Api.Response answer = raw("GET", target, ADMIN_KEY);
            assertProblem(answer, 400);
        }
    }

    @Test
    void pathsTheContainerOrTheFirewallRefuseAreAnsweredWithProblems() {
        List<String> answers = new ArrayList<>();
        for (String target : List.of("/api/v1/catalog/products/a%2Fb", "/api/v1/catalog/products/a%00b",
                "/api/v1/catalog/products/..%2F..%2Fetc%2Fpasswd", "/api/v1/catalog/products/a;b",
                "/api/v1/catalog/products/a%5Cb", "/api/v1/catalog/products/%zz", "/api/v1/../../etc/passwd")) {
            Api.Response answer = raw("GET", target, ADMIN_KEY);
            answers.add(target + " -> " + answer.status() + " " + answer.header("Content-Type"));
            assertThat(answer.status()).as(target).isBetween(400, 404);
            assertThat(answer.header("Content-Type")).as(target + " " + answer.body())
                    .startsWith("application/problem+json");
            assertThat(answer.body()).as(target).doesNotContain("<html", "Whitelabel", "\"timestamp\"");
        }
        assertThat(answers).hasSize(7);
    }

    @Test
    void headAndOptionsAreAuthorisedAsGetIs() {
        String ref = "/api/v1/customers?ref=email:nobody@example.fr";
        assertProblem(as(storefrontKey).get(ref), 403);
        assertThat(raw("HEAD", ref, storefrontKey).status()).isEqualTo(403);
        assertProblem(raw("OPTIONS", "/api/v1/customers", storefrontKey), 403);
        assertThat(raw("HEAD", "/api/v1/api-keys", keyFor(org.comptoir.platform.security.Role.ANALYST)).status())
                .isEqualTo(403);
        // Allowed callers still get HEAD (no body) and OPTIONS (Allow).
        Api.Response head = raw("HEAD", "/api/v1/locations/" + store, ADMIN_KEY);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        Api.Response options = raw("OPTIONS", "/api/v1/catalog/products", storefrontKey);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET");
    }

    @Test
    void aCursorTheApiDidNotReturnIsRefusedOnListsKeyedByCode() {
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(store.getBytes(StandardCharsets.UTF_8));
        for (String list : List.of("/api/v1/locations", "/api/v1/channels", "/api/v1/pricing/price-lists",
                "/api/v1/pricing/promotions")) {
            assertProblem(admin.get(list + "?cursor=" + madeUp), 400);
        }
        var first = admin.get("/api/v1/locations?limit=1");
        assertThat(admin.get("/api/v1/locations?limit=1&cursor=" + first.json().path("nextCursor").asString())
                .status()).isEqualTo(200);
    }

    @Test
    void anEmptyStatusFilterOnTheWorkListIsNoFilter() {
        assertThat(admin.get("/api/v1/fulfilment/orders?status=").status()).isEqualTo(200);
    }
}
