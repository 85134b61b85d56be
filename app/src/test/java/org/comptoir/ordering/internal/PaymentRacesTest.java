package org.comptoir.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Retailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Money never moves twice: requests racing for the same money get exactly what is due between them,
 * and the gateway is asked for exactly that; a call that got no answer is made again with the same
 * idempotency key until it does, so it is done once.
 */
class PaymentRacesTest extends ApiTest {

    @Autowired
    private TestGateway gateway;

    private Retailer shop;

    @BeforeEach
    void retailer() {
        shop = new Retailer(admin, ApiTest::uniqueCode);
        shop.network();
        shop.catalogue();
    }

    private JsonNode order(int quantity) {
        var placed = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", List.of(Map.of("sku",
                shop.sku, "quantity", quantity))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    private List<Api.Response> atOnce(int times, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Api.Response> all = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            all.add(answer.get());
        }
        pool.shutdown();
        return all;
    }

    private long approved(String kind, String orderId) {
        List<String> refs = admin.get("/api/v1/orders/" + orderId + "/payments").json().valueStream()
                .map(p -> p.path("providerRef").asString()).toList();
        return gateway.approved(kind, refs);
    }

    @Test
    void tenSimultaneousPaymentsOfOneOrderAreAskedForExactlyWhatIsDue() throws Exception {
        JsonNode order = order(2);
        String id = order.path("id").asString();
        long total = order.path("totals").path("gross").asLong();
        long before = gateway.approved("authorize");

        var answers = atOnce(10, () -> admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST",
                "token", "tok_visa")));

        assertThat(answers).allMatch(a -> a.status() == 201 || a.status() == 400 || a.status() == 409,
                "201 for the one that was due, a refusal for the others");
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(gateway.approved("authorize") - before).isEqualTo(total);
        assertThat(approved("authorize", id)).isEqualTo(total);
        var after = admin.get("/api/v1/orders/" + id).json();
        assertThat(after.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(after.path("paymentStatus").asString()).isEqualTo("AUTHORIZED");
    }

    @Test
    void tenSimultaneousRefundsOfOnePaymentGiveBackNoMoreThanItTook() throws Exception {
        JsonNode order = order(4);
        String id = order.path("id").asString();
        long total = order.path("totals").path("gross").asLong();
        var payment = admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "tok"));
        String paymentId = payment.json().path("id").asString();
        var captured = admin.post("/api/v1/orders/" + id + "/payments/" + paymentId + "/capture", null);
        assertThat(captured.json().path("status").asString()).as(captured.toString()).isEqualTo("CAPTURED");
        long part = total / 6 + 1;     // six of these would be more than was taken
        long asked = total / part;      // how many fit

        var answers = atOnce(10, () -> admin.post("/api/v1/orders/" + id + "/payments/" + paymentId + "/refunds",
                Map.of("amount", part)));

        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize((int) asked);
        assertThat(answers).allMatch(a -> a.status() == 200 || a.status() == 400 || a.status() == 409);
        assertThat(approved("refund", id)).isEqualTo(asked * part).isLessThanOrEqualTo(total);
        var money = admin.get("/api/v1/orders/" + id).json();
        assertThat(money.path("refunded").asLong()).isEqualTo(asked * part);
    }

    @Test
    void aPaymentTheGatewayDidNotAnswerIsAskedAgainUnderTheSameKeyAndTakenOnce() {
        JsonNode order = order(1);
        String id = order.path("id").asString();
        long total = order.path("totals").path("gross").asLong();
        // The first call times out: the payment stays in progress, its operation pending.
        var first = admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "flaky"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("PROCESSING");
        // A second payment cannot be asked for what the first one may still take.
        var second = admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "tok"));
        assertThat(second.status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/v1/orders/" + id).json()
                .path("status").asString().equals("CONFIRMED"));
        String key = gateway.calls().stream().filter(c -> c.kind().equals("authorize") && c.approved()
                && approvedRef(id).equals(c.reference())).map(TestGateway.Call::key).findFirst().orElseThrow();
        assertThat(gateway.calls().stream().filter(c -> c.key().equals(key))).hasSize(1);
        assertThat(approved("authorize", id)).isEqualTo(total);
    }

    private String approvedRef(String orderId) {
        return admin.get("/api/v1/orders/" + orderId + "/payments").json().get(0).path("providerRef").asString();
    }
}
