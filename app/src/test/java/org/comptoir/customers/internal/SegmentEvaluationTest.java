package org.comptoir.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An evaluation of a segment over every customer commits page by page, also when it is asked inside a
 * transaction (as every API write runs): it then holds no membership's lock until its end, while the
 * scheduled pass may be evaluating the same segment.
 */
class SegmentEvaluationTest extends ApiTest {

    @Autowired
    Segments segments;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEvaluationAskedInsideATransactionCommitsItsPagesAsItGoes() {
        String store = location("ST", "STORE", 48.8566, 2.3522, "CLICK_AND_COLLECT");
        String web = unique("WEB");
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(web, List.of(store))).status()).isEqualTo(201);
        String category = "garden-" + unique("g").toLowerCase();
        var identified = admin.post("/api/v1/customers/identify", Map.of("source", "web", "identities",
                List.of(Map.of("kind", "EMAIL", "value", unique("anne").toLowerCase() + "@example.fr",
                        "verified", false))));
        assertThat(identified.status()).as(identified.toString()).isEqualTo(200);
        String customer = identified.json().path("profile").path("id").asString();
        var viewed = admin.post("/api/v1/touchpoints", Map.of("customerId", customer, "type", "PRODUCT_VIEW",
                "channel", web, "subject", unique("SEC"), "category", category, "occurredAt",
                Instant.now().minusSeconds(60).toString()));
        assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
        // Made after the view: only an evaluation makes the customer a member.
        String code = unique("viewers").toLowerCase();
        var created = admin.post("/api/v1/segments", Map.of("code", code, "name", "Viewed garden tools",
                "condition", Map.of("event", Map.of("type", "PRODUCT_VIEW", "category", category), "atLeast", 1,
                        "withinDays", 14)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        int seenElsewhere = new TransactionTemplate(transactions).execute(status -> {
            assertThat(segments.evaluate(code)).isEqualTo(1);
            // Read through the API: another connection, which sees only what is committed.
            return admin.get("/api/v1/segments/" + code).json().path("members").asInt();
        });

        assertThat(seenElsewhere).isEqualTo(1);
    }
}
