package org.comptoir.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookTest extends ApiTest {

    private WebhookReceiver receiver;
    private String subscription;

    @BeforeEach
    void subscribe() throws Exception {
        receiver = new WebhookReceiver();
        var created = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                "eventTypes", List.of("catalog.*", "network.location.created"), "description", "ERP"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscription = created.json().path("id").asString();
        receiver.secret(created.json().path("secret").asString());
        assertThat(admin.get("/api/v1/webhooks/" + subscription).json().has("secret")).isFalse();
    }

    @AfterEach
    void stop() {
        admin.delete("/api/v1/webhooks/" + subscription);
        receiver.close();
    }

    private String createProduct() {
        String sku = unique("W");
        var created = admin.post("/api/v1/catalog/products", Fixtures.product("Tuyau " + sku, List.of(), sku));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void subscribedEventsArriveSignedWithTheSubscriptionSecret() {
        String productId = createProduct();
        String channel = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(channel, List.of()));
        String store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                .anyMatch(r -> r.body().contains(productId)) && receiver.received().stream()
                .anyMatch(r -> r.body().contains(store)));
        var delivery = receiver.received().stream().filter(r -> r.body().contains(productId)).findFirst().orElseThrow();
        assertThat(delivery.signatureValid()).isTrue();
        assertThat(delivery.eventType()).isEqualTo("catalog.product.created");
        JsonNode body = org.comptoir.support.Api.JSON.readTree(delivery.body());
        assertThat(body.path("type").asString()).isEqualTo("catalog.product.created");
        assertThat(body.path("id").asString()).isEqualTo(delivery.eventId());
        assertThat(body.path("data").path("productId").asString()).isEqualTo(productId);
        // Channel events were not subscribed to.
        assertThat(receiver.received()).noneMatch(r -> r.body().contains(channel));
    }

    @Test
    void aFailingReceiverIsRetriedAndEveryAttemptCanBeQueried() {
        receiver.failNext(2);
        String productId = createProduct();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(productId)));
        assertThat(receiver.calls()).isGreaterThanOrEqualTo(3);

        var deliveries = admin.get("/api/v1/webhooks/" + subscription + "/deliveries?status=DELIVERED").json()
                .path("items");
        String deliveryId = deliveries.valueStream().filter(d -> d.path("attempts").asInt() == 3)
                .map(d -> d.path("id").asString()).findFirst().orElseThrow();
        var attempts = admin.get("/api/v1/webhooks/" + subscription + "/deliveries/" + deliveryId).json()
                .path("attemptLog");
        assertThat(attempts.size()).isEqualTo(3);
        assertThat(attempts.path(0).path("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.path(1).path("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.path(2).path("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void aHangingReceiverDoesNotHoldUpTheRequestThatRaisedTheEvent() {
        receiver.hang();
        try {
            String first = createProduct();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls() >= 1);
            // The receiver is stuck on the first delivery; the API still answers writes at once.
            String second = createProduct();
            assertThat(admin.get("/api/v1/catalog/products/" + second).status()).isEqualTo(200);
            assertThat(receiver.received()).isEmpty();
            receiver.release();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                    .filter(r -> r.body().contains(first) || r.body().contains(second)).count() == 2);
        } finally {
            receiver.release();
        }
    }

    @Test
    void aHangingReceiverDoesNotDelayOtherSubscribers() throws Exception {
        try (WebhookReceiver healthy = new WebhookReceiver()) {
            var other = admin.post("/api/v1/webhooks", Map.of("url", healthy.url(), "eventTypes", List.of("catalog.*")));
            healthy.secret(other.json().path("secret").asString());
            receiver.hang();
            String productId = createProduct();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> healthy.received().stream().anyMatch(r -> r.body().contains(productId)));
            assertThat(receiver.received()).isEmpty();
            admin.delete("/api/v1/webhooks/" + other.json().path("id").asString());
        } finally {
            receiver.release();
        }
    }

    @Test
    void subscriptionsAreValidated() {
        assertThat(admin.post("/api/v1/webhooks", Map.of("url", "ftp://x", "eventTypes", List.of("*"))).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/webhooks", Map.of("url", "http://ok.example/h", "eventTypes",
                List.of("Catalog Product!"))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/webhooks", Map.of("url", "http://ok.example/h", "eventTypes", List.of(),
                "secret", "short")).status()).isEqualTo(400);
    }
}
