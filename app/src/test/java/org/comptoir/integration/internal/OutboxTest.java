package org.comptoir.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox records an event for the webhook fan-out only when an active subscription wants it, in
 * the transaction of the change; events nobody consumes cost no writes.
 */
class OutboxTest {

    @Test
    void onlyEventsASubscriptionWantsAreRecordedAndThoseAreDelivered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                Platform platform = Platform.start(TestDatabase.fresh("comptoir_outbox"), Map.of())) {
            Api api = platform.admin();
            JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);

            assertThat(api.post("/api/v1/catalog/products", Fixtures.product("Sécateur", List.of(), "OB-1")).status())
                    .isEqualTo(201);
            assertThat(publications(jdbc)).isZero();

            var subscription = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                    "eventTypes", List.of("catalog.product.created")));
            assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
            receiver.secret(subscription.json().path("secret").asString());
            String productId = api.post("/api/v1/catalog/products", Fixtures.product("Cisaille", List.of(), "OB-2"))
                    .json().path("id").asString();
            // Recorded with the product, before the answer: one publication, for the created event only.
            assertThat(publications(jdbc)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(productId)));
            assertThat(receiver.received()).allMatch(r -> r.eventType().equals("catalog.product.created"));
            assertThat(receiver.received()).noneMatch(r -> r.body().contains("OB-1"));
        }
    }

    @Test
    void completedPublicationsArePurgedAfterTheirRetention() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                Platform platform = Platform.start(TestDatabase.fresh("comptoir_outbox_purge"), Map.of(
                        "comptoir.integration.outbox.keep-completed", "1ms",
                        "comptoir.integration.outbox.purge-interval", "200ms"))) {
            Api api = platform.admin();
            JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
            var subscription = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                    "eventTypes", List.of("catalog.product.created")));
            receiver.secret(subscription.json().path("secret").asString());
            String productId = api.post("/api/v1/catalog/products", Fixtures.product("Serfouette", List.of(), "OB-3"))
                    .json().path("id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(productId)));
            await().atMost(Duration.ofSeconds(10)).until(() -> publications(jdbc) == 0);
        }
    }

    private static int publications(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from event_publication where listener_id = "
                + "'integration.webhook-fanout'", Integer.class);
    }
}
