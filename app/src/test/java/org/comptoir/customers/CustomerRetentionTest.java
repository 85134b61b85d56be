package org.comptoir.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.comptoir.customers.CustomerFixture.identify;
import static org.comptoir.customers.CustomerFixture.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What time does to customers, on a platform whose clocks run fast: inactive profiles are erased,
 * old touchpoints pruned, unspent points expire, RFM scores are computed for everyone who ordered.
 */
class CustomerRetentionTest {

    @Test
    void inactiveProfilesOldTouchpointsAndUnspentPointsGoWhileEveryBuyerGetsScores() {
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_retention"), Map.of(
                "comptoir.customers.inactive-after", "12s", "comptoir.customers.timeline-retention", "3s",
                "comptoir.customers.sweep-interval", "300ms", "comptoir.customers.score-interval", "300ms",
                "comptoir.customers.score-delay", "300ms", "comptoir.customers.loyalty.expire-after", "3s"))) {
            Api admin = platform.admin();
            var shop = new CustomerFixture(admin, prefix -> prefix + "-" + System.nanoTime() % 1_000_000);
            String big = admin.post("/api/v1/customers/identify", identify("till", List.of(
                    identity("LOYALTY_CARD", "29009999000001", false)))).json().path("profile").path("id").asString();
            String small = admin.post("/api/v1/customers/identify", identify("till", List.of(
                    identity("LOYALTY_CARD", "29009999000002", false)))).json().path("profile").path("id").asString();
            String idle = admin.post("/api/v1/customers/identify", identify("web", List.of(
                    identity("EMAIL", "idle@example.fr", false)))).json().path("profile").path("id").asString();
            String key = admin.post("/api/v1/api-keys", Map.of("name", "till", "roles", List.of("STORE_ASSOCIATE"),
                    "locationCode", shop.store)).json().path("key").asString();
            Api associate = admin.as(key);
            shop.tillSale(associate, "card:29009999000001", 4);
            shop.tillSale(associate, "card:29009999000002", 1);
            var recorded = admin.post("/api/v1/touchpoints", Map.of("type", "PAGE_VIEW", "channel", shop.web,
                    "occurredAt", Instant.now().minusSeconds(1).toString(), "customerId", big));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var bigStats = admin.get("/api/v1/customers/" + big + "/view").json().path("statistics");
                var smallStats = admin.get("/api/v1/customers/" + small + "/view").json().path("statistics");
                assertThat(bigStats.path("monetary").asInt()).isGreaterThan(smallStats.path("monetary").asInt());
                assertThat(smallStats.path("monetary").asInt()).isPositive();
                assertThat(bigStats.path("orders").asInt()).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var member = admin.get("/api/v1/loyalty/members/" + small).json();
                assertThat(member.path("account").path("balance").asLong()).isZero();
                assertThat(member.path("ledger").valueStream().map(e -> e.path("kind").asString())).contains("EXPIRE");
                assertThat(admin.get("/api/v1/customers/" + big + "/timeline?types=PAGE_VIEW").json().path("items")
                        .isEmpty()).isTrue();
                // Gone by age, not because the whole profile was erased.
                assertThat(admin.get("/api/v1/customers/" + big).json().path("profile").path("status").asString())
                        .isEqualTo("ACTIVE");
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/customers/" + idle).json()
                    .path("profile").path("status").asString().equals("ERASED"));
            assertThat(admin.get("/api/v1/customers?ref=email:idle@example.fr").json().isEmpty()).isTrue();
        }
    }
}
