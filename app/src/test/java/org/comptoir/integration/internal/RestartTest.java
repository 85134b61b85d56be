package org.comptoir.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.events.DomainEvent;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.ObjectMapper;

/** What was committed before the platform stopped is delivered after it starts again. */
class RestartTest {

    @Test
    void aDeliveryQueuedBeforeAStopIsSentAfterTheRestart() throws Exception {
        var database = TestDatabase.fresh("comptoir_restart_delivery");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String productId;
            // First run: the dispatcher is idle (it runs once at start, then only after an hour).
            try (Platform first = Platform.start(database,
                    Map.of("comptoir.integration.webhooks.poll-interval", "1h"))) {
                var api = first.admin();
                var subscription = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                        "eventTypes", List.of("catalog.product.created")));
                assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
                receiver.secret(subscription.json().path("secret").asString());
                var product = api.post("/api/v1/catalog/products", Fixtures.product("Bêche", List.of(), "RS-1"));
                assertThat(product.status()).as(product.toString()).isEqualTo(201);
                productId = product.json().path("id").asString();
                String webhook = subscription.json().path("id").asString();
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/webhooks/" + webhook
                        + "/deliveries?status=PENDING").json().path("items").size() == 1);
            }
            assertThat(receiver.received()).isEmpty();

            try (Platform second = Platform.start(database, Map.of())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                        .anyMatch(r -> r.body().contains(productId)));
                assertThat(receiver.received().getFirst().signatureValid()).isTrue();
            }
        }
    }

    /** A backlog larger than a batch drains in one tick of the dispatcher, not a batch a poll. */
    @Test
    void aBacklogOfDeliveriesDrainsInOneTick() throws Exception {
        var database = TestDatabase.fresh("comptoir_restart_backlog");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> idle = Map.of("comptoir.integration.webhooks.poll-interval", "1h");
            try (Platform first = Platform.start(database, idle)) {
                var api = first.admin();
                var subscription = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                        "eventTypes", List.of("catalog.product.created")));
                receiver.secret(subscription.json().path("secret").asString());
                for (int i = 0; i < 70; i++) {
                    assertThat(api.post("/api/v1/catalog/products", Fixtures.product("Pelle " + i, List.of(),
                            "BKL-" + i)).status()).isEqualTo(201);
                }
                String webhook = subscription.json().path("id").asString();
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/webhooks/" + webhook
                        + "/deliveries?status=PENDING&limit=200").json().path("items").size() == 70);
            }
            // The restarted node's dispatcher ticks once at its start, then not for an hour.
            try (Platform second = Platform.start(database, idle)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 70);
            }
        }
    }

    /** Handed back by the resubmission of failed publications while the restarted platform runs. */
    @Test
    void anEventWhoseListenerDidNotCompleteIsResubmittedAfterTheRestart() throws Exception {
        var database = TestDatabase.fresh("comptoir_restart_outbox");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String productId;
            try (Platform first = Platform.start(database, Map.of("spring.main.allow-bean-definition-overriding",
                    "true"), CrashingFanout.class)) {
                var api = first.admin();
                var subscription = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                        "eventTypes", List.of("catalog.*")));
                receiver.secret(subscription.json().path("secret").asString());
                productId = api.post("/api/v1/catalog/products", Fixtures.product("Râteau", List.of(), "RS-2"))
                        .json().path("id").asString();
                JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                        "select count(*) from event_publication where listener_id = 'integration.webhook-fanout' "
                                + "and completion_date is null and completion_attempts > 0", Integer.class) == 1);
            }
            assertThat(receiver.received()).isEmpty();

            try (Platform second = Platform.start(database, Map.of("comptoir.platform.events.first-retry", "1s",
                    "comptoir.platform.events.resubmit-interval", "300ms"))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                        .anyMatch(r -> r.body().contains(productId)));
                JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                        "select count(*) from event_publication where completion_date is null", Integer.class) == 0);
            }
        }
    }

    /** The fan-out as if the node died while running it: the publication stays incomplete. */
    @Configuration
    static class CrashingFanout {

        @Bean
        WebhookFanout webhookFanout(WebhookRepository webhooks, WebhookInterest interest, ObjectMapper json,
                java.time.Clock clock) {
            return new WebhookFanout(webhooks, interest, json, clock) {
                @Override
                @ApplicationModuleListener(id = "integration.webhook-fanout")
                void on(DomainEvent event) {
                    throw new IllegalStateException("node lost before the fan-out completed");
                }
            };
        }
    }
}
