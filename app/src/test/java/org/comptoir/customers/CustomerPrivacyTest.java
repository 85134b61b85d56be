package org.comptoir.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.comptoir.customers.CustomerFixture.identify;
import static org.comptoir.customers.CustomerFixture.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The person's rights: an export holding every piece of their data from every module, and an erasure
 * after which no table of any module holds anything personal while the order totals stay.
 */
class CustomerPrivacyTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    private CustomerFixture shop;
    private WebhookReceiver receiver;
    private String subscription;

    @BeforeEach
    void retailer() throws Exception {
        shop = new CustomerFixture(admin, ApiTest::unique);
        receiver = new WebhookReceiver();
        var hook = admin.post("/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("customers.*", "ordering.*", "service.*")));
        subscription = hook.json().path("id").asString();
        receiver.secret(hook.json().path("secret").asString());
        // A receiver that is down: its deliveries wait, holding what the events said.
        down = admin.post("/api/v1/webhooks", Map.of("url", "http://localhost:9/down", "eventTypes",
                List.of("ordering.*", "service.*"))).json().path("id").asString();
    }

    private String down;

    @AfterEach
    void stopListening() {
        admin.delete("/api/v1/webhooks/" + subscription);
        admin.delete("/api/v1/webhooks/" + down);
        receiver.close();
    }

    @Test
    void theExportHoldsEveryPieceOfThePersonsDataAndErasureLeavesNoneAnywhereWhileOrderTotalsStay()
            throws Exception {
        String family = "Lefebvre" + unique("x").replace("-", "");
        String email = family.toLowerCase() + "@example.fr";
        String mobile = "061" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String e164 = "+33" + mobile.substring(1);
        String street = "17 rue des Lilas " + family;
        String device = unique("browser");
        String card = "2900" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("givenName", "Élise");
        fields.put("familyName", family);
        fields.put("birthDate", "1984-05-12");
        fields.put("addresses", List.of(Map.of("label", "home", "line1", street, "postalCode", "75011",
                "city", "Paris", "country", "FR", "latitude", 48.8589, "longitude", 2.3795, "isDefault", true)));
        // Sent with an Idempotency-Key: the answer, which names her, is kept for replays.
        var created = admin.with("Idempotency-Key", unique("idem")).post("/api/v1/customers/identify", Map.of(
                "source", "web", "identities", List.of(
                identity("EMAIL", email, true), identity("PHONE", mobile, false), identity("DEVICE", device, false),
                identity("LOYALTY_CARD", card, false)), "profile", fields));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().path("profile").path("id").asString();
        admin.post("/api/v1/touchpoints", Map.of("type", "SEARCH", "channel", shop.web, "occurredAt",
                Instant.now().minusSeconds(30).toString(), "anonymousId", device, "subject", "sécateur",
                "properties", Map.of("typed", "sécateur pour " + family)));
        var consent = admin.post("/api/v1/customers/" + id + "/consents", Map.of("channel", "EMAIL", "purpose",
                "MARKETING", "granted", true, "viaChannel", shop.web, "form", "newsletter", "wordingVersion", "n1",
                "doubleOptIn", true));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        Api associate = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        JsonNode sale = shop.tillSale(associate, "email:" + email.toUpperCase(), 2);
        long total = sale.path("totals").path("gross").asLong();
        var opened = admin.post("/api/v1/returns", Map.of("orderId", sale.path("id").asString(), "method", "IN_STORE",
                "locationCode", shop.store, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason",
                        "WRONG_SIZE", "comment", "Mme " + family + " prefers the small one"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        var held = admin.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", shop.web,
                "reference", "email:" + email, "note", "for Mme " + family + ", tomorrow",
                "expiresAt", Instant.now().plusSeconds(86_400).toString(), "lines", List.of(Map.of(
                        "locationCode", shop.store, "sku", shop.shears, "quantity", 1))));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        // An order on its way needs the address: erasure waits until it is handed over or cancelled.
        var web = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "customerRef", id, "groups",
                List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", Map.of("line1", street,
                        "postalCode", "75011", "city", "Paris", "country", "FR"))),
                "lines", List.of(Map.of("sku", shop.shears, "quantity", 1))));
        assertThat(web.status()).as(web.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.get("/api/v1/customers/" + id + "/view").json().path("orders").size()).isEqualTo(2);
            assertThat(receiver.received()).anyMatch(r -> r.body().toLowerCase().contains(email));
        });

        var export = admin.get("/api/v1/customers/" + id + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment");
        JsonNode all = export.json();
        assertThat(all.path("profile").path("familyName").asString()).isEqualTo(family);
        assertThat(all.path("identities").valueStream().map(i -> i.path("value").asString()))
                .contains(email, e164, device, card);
        assertThat(all.path("consents").get(0).path("form").asString()).isEqualTo("newsletter");
        assertThat(all.path("touchpoints").valueStream().map(t -> t.path("type").asString()))
                .contains("SEARCH", "PURCHASE");
        assertThat(all.path("orders").path("orders").valueStream().map(o -> o.path("order").path("number")
                .asString())).contains(sale.path("number").asString(), web.json().path("number").asString());
        assertThat(all.path("returns").path("returns").get(0).path("lines").get(0).path("comment").asString())
                .contains(family);
        assertThat(all.path("holds").path("holds").get(0).path("note").asString()).contains(family);
        assertThat(all.path("loyalty").path("account").path("cardNumber").asString()).isEqualTo(card);
        assertThat(all.path("fulfilment").path("deliveryGroups").isEmpty()).isFalse();
        assertThat(all.path("deliveredEvents").path("webhookDeliveries").isEmpty()).isFalse();
        assertThat(all.has("coupons")).isTrue();

        var refused = admin.post("/api/v1/customers/" + id + "/erasure", Map.of("reason", "GDPR request"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(personalDataFound(List.of(email, e164, family, street, card))).isNotEmpty();
        // Free text names her: a cancellation's reason in the order's history, a conversation's messages.
        assertThat(admin.post("/api/v1/orders/" + web.json().path("id").asString() + "/cancel",
                Map.of("reason", "Mme " + family + " changed her mind")).status()).isEqualTo(200);
        String team = unique("care").toLowerCase();
        admin.put("/api/v1/service/teams/" + team, Map.of("name", "Care", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
        String inbox = unique("SMS");
        admin.put("/api/v1/service/inboxes/" + inbox, Map.of("name", "sms", "channel", "SMS", "teamCode", team));
        var message = admin.post("/api/v1/service/messages", Map.of("inbox", inbox, "from", Map.of("kind", "PHONE",
                "value", mobile), "body", "Bonjour, c'est Mme " + family + " du 17 rue des Lilas"));
        assertThat(message.status()).as(message.toString()).isEqualTo(201);
        var reply = admin.post("/api/v1/service/conversations/" + message.json().path("conversationId").asString()
                + "/replies", Map.of("body", "Bonjour Mme " + family + ", c'est noté."));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                .anyMatch(r -> r.eventType().equals("service.message.sent") && r.body().contains(family)));
        assertThat(personalDataFound(List.of(family))).contains("integration.webhook_delivery.payload")
                .anyMatch(column -> column.toLowerCase().contains("idempotency_record"))
                .anyMatch(column -> column.toLowerCase().contains("event_publication"));

        var erased = admin.post("/api/v1/customers/" + id + "/erasure", Map.of("reason", "GDPR request by email"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(201);
        assertThat(erased.json().path("summaryJson").asString()).contains("orders", "returns", "holds");
        assertThat(personalDataFound(List.of(email, e164, mobile, family, street, card, device))).isEmpty();
        var order = admin.get("/api/v1/orders/" + sale.path("id").asString()).json();
        assertThat(order.path("totals").path("gross").asLong()).isEqualTo(total);
        assertThat(order.path("customerRef").asString()).isEqualTo(id);
        var profile = admin.get("/api/v1/customers/" + id).json();
        assertThat(profile.path("profile").path("status").asString()).isEqualTo("ERASED");
        assertThat(profile.path("identities").isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/customers?ref=email:" + email).json().isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/customers/" + id + "/contactability?channel=EMAIL&purpose=TRANSACTIONAL")
                .json().path("allowed").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/customers/" + id + "/erasure", Map.of("reason", "again")).status())
                .isEqualTo(409);
    }

    /** Every text column of every table of every schema, searched for the values: "schema.table.column". */
    private List<String> personalDataFound(List<String> values) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String type = rs.getString("TYPE_NAME").toLowerCase();
                    if (schema == null || schema.equalsIgnoreCase("information_schema")
                            || schema.toLowerCase().startsWith("pg_") || !(type.contains("char") || type.contains("text")
                            || type.contains("clob") || type.contains("json"))) {
                        continue;
                    }
                    columns.add(new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                }
            }
            for (String[] col : columns) {
                String sql = "SELECT count(*) FROM \"" + col[0] + "\".\"" + col[1] + "\" WHERE "
                        + String.join(" OR ", values.stream().map(v -> "LOWER(CAST(\"" + col[2]
                                + "\" AS VARCHAR(1000000))) LIKE ?").toList());
                try (var statement = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        statement.setString(i + 1, "%" + values.get(i).toLowerCase() + "%");
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            found.add(col[0] + "." + col[1] + "." + col[2]);
                        }
                    }
                }
            }
        }
        return found;
    }
}
