package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.module.blackbird.BlackbirdModule;

/** The conventions of docs/api.md, shown on real endpoints. */
class ApiConventionsTest extends ApiTest {

    @Autowired
    private RequestMappingHandlerAdapter mvc;

    /** Response bodies are written by a mapper that reads their properties through generated lambdas. */
    @Test
    void theJsonBodiesOfTheApiGoThroughBlackbird() {
        var json = mvc.getMessageConverters().stream()
                .filter(AbstractJacksonHttpMessageConverter.class::isInstance)
                .map(c -> ((AbstractJacksonHttpMessageConverter<?>) c).getMapper())
                .findFirst().orElseThrow();
        assertThat(json.registeredModules()).anyMatch(BlackbirdModule.class::isInstance);
    }

    @Test
    void malformedJsonIsA400ProblemAndWritesNothing() {
        String code = unique("ST");
        var answer = admin.send("POST", "/api/v1/locations", "{\"code\":\"" + code + "\",", "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.problem()).isEqualTo("malformed-request");
        assertThat(admin.get("/api/v1/locations/" + code).status()).isEqualTo(404);
    }

    @Test
    void wrongTypesUnknownEnumValuesAndUnknownFieldsNameTheField() {
        var store = Fixtures.store(unique("ST"), 48.85, 2.35);
        store.put("dailyCapacity", "many");
        var wrongType = admin.post("/api/v1/locations", store);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").path(0).path("field").asString()).isEqualTo("dailyCapacity");

        store = Fixtures.store(unique("ST"), 48.85, 2.35);
        store.put("type", "SHOP");
        var badEnum = admin.post("/api/v1/locations", store);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().path("errors").path(0).path("field").asString()).isEqualTo("type");
        assertThat(badEnum.json().path("errors").path(0).path("message").asString()).contains("STORE");

        store = Fixtures.store(unique("ST"), 48.85, 2.35);
        store.put("colour", "green");
        var unknown = admin.post("/api/v1/locations", store);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").path(0).path("field").asString()).isEqualTo("colour");
    }

    @Test
    void missingBodyAndMissingFieldsAreRefused() {
        var noBody = admin.send("POST", "/api/v1/locations", null, "application/json");
        assertThat(noBody.status()).isEqualTo(400);
        var empty = admin.post("/api/v1/locations", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problem()).isEqualTo("validation-failed");
        assertThat(empty.json().path("errors").size()).isGreaterThanOrEqualTo(5);
    }

    /** A request as written on the wire, over HTTP/1.1; answers the status line. */
    private String raw(String head, byte[] body) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nAuthorization: Bearer " + ADMIN_KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void aChunkedBodyIsReadWholeAndARequestWithoutLengthOrChunksHasNone() throws Exception {
        // Chunked (no Content-Length): the body, in chunks of 100 bytes, is read whole.
        String code = unique("ST");
        byte[] json = Api.JSON.writeValueAsBytes(Fixtures.store(code, 48.85, 2.35));
        var chunked = new ByteArrayOutputStream();
        for (int at = 0; at < json.length; at += 100) {
            int n = Math.min(100, json.length - at);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(json, at, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(raw("POST /api/v1/locations HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", chunked.toByteArray())).contains(" 201 ");
        assertThat(admin.get("/api/v1/locations/" + code).status()).isEqualTo(200);

        // Neither a length nor chunks: no body, whatever follows the head; refused, nothing written.
        String other = unique("ST");
        assertThat(raw("POST /api/v1/locations HTTP/1.1\r\nContent-Type: application/json\r\n",
                Api.JSON.writeValueAsBytes(Fixtures.store(other, 48.85, 2.35)))).contains(" 400 ");
        assertThat(admin.get("/api/v1/locations/" + other).status()).isEqualTo(404);
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        var answer = admin.send("POST", "/api/v1/locations", huge, "application/json");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.problem()).isEqualTo("payload-too-large");
    }

    @Test
    void unknownRoutesWrongMethodsAndMediaTypesAre4xxProblems() {
        var unknownRoute = admin.get("/api/v1/nothing-here");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.problem()).isEqualTo("route-not-found");

        var wrongMethod = admin.send("PATCH", "/api/v1/locations", "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problem()).isEqualTo("method-not-allowed");

        var wrongMedia = admin.send("POST", "/api/v1/locations", "code=X", "application/x-www-form-urlencoded");
        assertThat(wrongMedia.status()).isEqualTo(415);
        assertThat(wrongMedia.problem()).isEqualTo("unsupported-media-type");

        var badQuery = admin.get("/api/v1/locations?limit=lots");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.json().path("errors").path(0).path("field").asString()).isEqualTo("limit");
    }

    @Test
    void requestsWithoutAValidKeyAre401Problems() {
        var none = admin.as(null).get("/api/v1/locations");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.problem()).isEqualTo("unauthenticated");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(admin.as("ck_not_a_real_key_0123456789").get("/api/v1/locations").status()).isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesACorrelationIdAndEchoesTheCallers() {
        assertThat(admin.get("/api/v1/locations").header("X-Correlation-Id")).isNotBlank();
        assertThat(admin.with("X-Correlation-Id", "call-42").get("/api/v1/locations").header("X-Correlation-Id"))
                .isEqualTo("call-42");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndCreatesNothingNew() {
        String code = unique("CH");
        Api keyed = admin.with("Idempotency-Key", "create-" + code);
        var first = keyed.post("/api/v1/channels", Fixtures.channel(code, List.of()));
        var replay = keyed.post("/api/v1/channels", Fixtures.channel(code, List.of()));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        // Without the replay, the second create would have been a 409 (code taken).
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(code, List.of())).status()).isEqualTo(409);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        Api keyed = admin.with("Idempotency-Key", "k-" + unique("X"));
        String code = unique("CH");
        assertThat(keyed.post("/api/v1/channels", Fixtures.channel(code, List.of())).status()).isEqualTo(201);
        String other = unique("CH");
        var reused = keyed.post("/api/v1/channels", Fixtures.channel(other, List.of()));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problem()).isEqualTo("idempotency-key-reused");
        assertThat(admin.get("/api/v1/channels/" + other).status()).isEqualTo(404);
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = "shared-" + unique("K");
        String a = unique("CH");
        String b = unique("CH");
        assertThat(admin.with("Idempotency-Key", key).post("/api/v1/channels", Fixtures.channel(a, List.of())).status())
                .isEqualTo(201);
        String otherAdmin = keyFor(org.comptoir.platform.security.Role.ADMIN);
        assertThat(admin.as(otherAdmin).with("Idempotency-Key", key)
                .post("/api/v1/channels", Fixtures.channel(b, List.of())).status()).isEqualTo(201);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneResource() throws Exception {
        String code = unique("CH");
        Api keyed = admin.with("Idempotency-Key", "race-" + code);
        var pool = Executors.newFixedThreadPool(6);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> keyed.post("/api/v1/channels", Fixtures.channel(code, List.of())));
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();
        // Every retry gets the first answer (none sees "code taken"), and one channel exists.
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers.stream().map(Api.Response::body).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed")))).hasSize(5);
        assertThat(admin.get("/api/v1/channels/" + code).status()).isEqualTo(200);
    }

    @Test
    void listsArePagedWithOpaqueCursors() {
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/channels", Fixtures.channel(unique("PG"), List.of()));
        }
        var first = admin.get("/api/v1/channels?limit=2");
        assertThat(first.json().path("items").size()).isEqualTo(2);
        String cursor = first.json().path("nextCursor").asString();
        var second = admin.get("/api/v1/channels?limit=2&cursor=" + cursor);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("items").path(0).path("code").asString())
                .isGreaterThan(first.json().path("items").path(1).path("code").asString());
        assertThat(admin.get("/api/v1/channels?cursor=%25%25").status()).isEqualTo(400);
    }

    @Test
    void healthIncludesTheDatabaseAndMetricsAreExposed() {
        var health = admin.as(null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        // Spring Security's per-filter observations are off: they cost more than the reads they watched.
        assertThat(metrics.body()).doesNotContain("spring_security_filterchains");
        assertThat(admin.as(null).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var docs = admin.as(null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/catalog/products")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/locations/{code}")).isTrue();
    }
}
