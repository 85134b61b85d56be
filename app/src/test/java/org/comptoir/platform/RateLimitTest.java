package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per API key, per publishable key and client address, and on signing in: past its
 * bucket a caller gets 429 with Retry-After and a problem, and the refused request changes nothing;
 * other keys are served meanwhile.
 */
class RateLimitTest {

    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(TestDatabase.fresh("comptoir_rate_limits"), Map.of(
                "comptoir.platform.rate-limits.api-key-per-second", "1",
                "comptoir.platform.rate-limits.api-key-burst", "8",
                "comptoir.platform.rate-limits.storefront-per-second", "1",
                "comptoir.platform.rate-limits.storefront-burst", "5",
                "comptoir.platform.rate-limits.sign-ins-per-minute", "2"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anApiKeyPastItsRateIsAnswered429AndTheRefusedWriteChangesNothing() {
        Api admin = platform.admin();
        String key = admin.post("/api/v1/api-keys", Map.of("name", "busy", "roles", List.of("ADMIN")))
                .json().path("key").asString();
        Api busy = admin.as(key);
        List<String> codes = new ArrayList<>();
        Api.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            String code = ApiTest.uniqueCode("ST");
            var answer = busy.post("/api/v1/locations", Fixtures.store(code, 48.85, 2.35));
            if (answer.status() == 429) {
                refused = answer;
                assertThat(admin.get("/api/v1/locations/" + code).status()).isEqualTo(404);
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                codes.add(code);
            }
        }
        assertThat(refused).as("refused within 20 requests").isNotNull();
        assertThat(codes).hasSizeBetween(8, 10);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("rate-limited");
        // Another key has its own bucket.
        assertThat(admin.get("/api/v1/locations?limit=1").status()).isEqualTo(200);
    }

    @Test
    void aPublishableKeyIsLimitedPerClientAndSigningInMore() {
        Api admin = platform.admin();
        String store = ApiTest.uniqueCode("ST");
        assertThat(admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35)).status()).isEqualTo(201);
        String channel = ApiTest.uniqueCode("WEB");
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(channel, List.of(store))).status()).isEqualTo(201);
        Api shop = admin.as(admin.post("/api/v1/channels/" + channel + "/publishable-keys", null).json().path("key")
                .asString());

        List<Integer> signIns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            signIns.add(shop.post("/api/v1/shopper/sessions", Map.of("email", "nobody@example.org",
                    "password", "not-the-password")).status());
        }
        assertThat(signIns.subList(0, 2)).doesNotContain(429);
        assertThat(signIns.get(2)).isEqualTo(429);

        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(shop.get("/api/v1/catalog/products?limit=1").status());
        }
        assertThat(reads).contains(429);
    }
}
