package org.comptoir.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.comptoir.customers.CustomerFixture.identify;
import static org.comptoir.customers.CustomerFixture.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomersApiTest extends ApiTest {

    private CustomerFixture shop;

    @BeforeEach
    void retailer() {
        shop = new CustomerFixture(admin, ApiTest::unique);
    }

    private static String email() {
        return unique("anne").toLowerCase() + "@example.fr";
    }

    private static String mobile() {
        return "061" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String e164(String mobile) {
        return "+33" + mobile.substring(1);
    }

    private JsonNode identified(Map<String, Object> body) {
        var answer = admin.post("/api/v1/customers/identify", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private Map<String, Object> event(String type, String channel, Map<String, Object> who) {
        Map<String, Object> e = new LinkedHashMap<>(who);
        e.put("type", type);
        e.put("channel", channel);
        e.put("occurredAt", Instant.now().minusSeconds(60).toString());
        return e;
    }

    @Test
    void theSamePersonOnTheWebAtTheStoreAndAtTheTillEndsAsOneProfileWithAllHistory() {
        String email = email();
        String phone = mobile();
        String card = "2900" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String device = unique("dev");
        Api associate = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        // Anonymous browsing on the web, then a login with a verified email on that browser.
        var viewed = admin.post("/api/v1/touchpoints/batch", Map.of("events", List.of(
                event("PRODUCT_VIEW", shop.web, Map.of("anonymousId", device, "subject", shop.shears)),
                event("ADD_TO_CART", shop.web, Map.of("anonymousId", device, "subject", shop.shears)))));
        assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
        var web = identified(identify("web-login", List.of(identity("EMAIL", email.toUpperCase(), true),
                identity("DEVICE", device, false))));
        String webId = web.path("profile").path("id").asString();
        assertThat(web.path("created").asBoolean()).isTrue();
        // In the store, the associate knows her by phone only; she buys at the till under that phone.
        var store = identified(identify("store", List.of(identity("PHONE", phone, false))));
        String storeId = store.path("profile").path("id").asString();
        assertThat(storeId).isNotEqualTo(webId);
        JsonNode sale = shop.tillSale(associate, "phone:" + phone, 1);
        // At the till her loyalty card is scanned with her phone: the card joins the store profile.
        var till = identified(identify("till", List.of(identity("LOYALTY_CARD", card, false),
                identity("PHONE", phone, false))));
        assertThat(till.path("profile").path("id").asString()).isEqualTo(storeId);
        // Back on the web she adds her phone to her account: both profiles are one person.
        var linked = identified(identify("web-account", List.of(identity("EMAIL", email, true),
                identity("PHONE", "+33 " + phone.substring(1), false))));
        assertThat(linked.path("profile").path("id").asString()).isEqualTo(webId);
        assertThat(linked.path("merged").valueStream().map(JsonNode::asString)).containsExactly(storeId);

        var absorbed = admin.get("/api/v1/customers/" + storeId).json();
        assertThat(absorbed.path("profile").path("id").asString()).isEqualTo(webId);
        assertThat(absorbed.path("resolvedFrom").asString()).isEqualTo(storeId);
        assertThat(absorbed.path("identities").valueStream().map(i -> i.path("kind").asString() + ":"
                + i.path("value").asString())).containsExactlyInAnyOrder("EMAIL:" + email, "DEVICE:" + device,
                "PHONE:" + e164(phone), "LOYALTY_CARD:" + card);
        assertThat(admin.get("/api/v1/customers?ref=card:" + card).json().get(0).path("profile").path("id")
                .asString()).isEqualTo(webId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var view = admin.get("/api/v1/customers/" + webId + "/view").json();
            assertThat(view.path("timeline").valueStream().map(t -> t.path("type").asString()))
                    .contains("PRODUCT_VIEW", "ADD_TO_CART", "PURCHASE");
            assertThat(view.path("orders").valueStream().map(o -> o.path("number").asString()))
                    .containsExactly(sale.path("number").asString());
            assertThat(view.path("lifetimeValue").asLong()).isEqualTo(2490);
            assertThat(view.path("channelsUsed").valueStream().map(JsonNode::asString))
                    .contains(shop.web, shop.till);
            assertThat(view.path("loyalty").path("account").path("cardNumber").asString()).isEqualTo(card);
        });
        assertThat(admin.get("/api/v1/customers/" + webId + "/merges").json().get(0).path("rule").asString())
                .isEqualTo("auto:PHONE");
    }

    @Test
    void aBlockedValueNeverMergesTwoPeople() {
        String tablet = unique("tablet-paris");
        assertThat(admin.post("/api/v1/customers/blocked-identities", Map.of("kind", "DEVICE", "pattern", tablet,
                "reason", "the store's shared tablet")).status()).isEqualTo(201);
        var first = identified(identify("store", List.of(identity("EMAIL", "noemail@magasin.fr", false),
                identity("DEVICE", tablet, false), identity("PHONE", mobile(), false))));
        var second = identified(identify("store", List.of(identity("EMAIL", "noemail@magasin.fr", false),
                identity("DEVICE", tablet, false), identity("PHONE", mobile(), false))));
        assertThat(second.path("profile").path("id").asString())
                .isNotEqualTo(first.path("profile").path("id").asString());
        assertThat(second.path("merged").isEmpty()).isTrue();
        assertThat(second.path("refused").valueStream().map(r -> r.path("kind").asString()))
                .containsExactlyInAnyOrder("EMAIL", "DEVICE");
        assertThat(admin.get("/api/v1/customers?ref=email:noemail@magasin.fr").json().isEmpty()).isTrue();
    }

    @Test
    void twoLoyaltyMembersAreNeverMergedAutomatically() {
        String email = email();
        String firstCard = "CARD" + unique("a").replace("-", "");
        var one = identified(identify("till", List.of(identity("LOYALTY_CARD", firstCard, false))));
        var two = identified(identify("till", List.of(identity("LOYALTY_CARD", "CARD" + unique("b").replace("-", ""),
                false), identity("EMAIL", email, false))));
        var both = identified(identify("web", List.of(identity("EMAIL", email, false),
                identity("LOYALTY_CARD", firstCard, false))));
        assertThat(both.path("merged").isEmpty()).isTrue();
        assertThat(both.path("conflicts").size()).isEqualTo(1);
        assertThat(List.of(one.path("profile").path("id").asString(), two.path("profile").path("id").asString()))
                .contains(both.path("profile").path("id").asString(), both.path("conflicts").get(0).asString());
    }

    @Test
    void aMergeThenItsUndoRestoresBothProfiles() {
        String attribute = "shoeSize" + unique("x").replace("-", "").toLowerCase();
        assertThat(admin.post("/api/v1/customers/attributes", Map.of("name", attribute, "type", "NUMBER",
                "indexed", true)).status()).isEqualTo(201);
        var anne = admin.post("/api/v1/customers", Map.of("identities", List.of(identity("EMAIL", email(), true)),
                "profile", Map.of("givenName", "Anne")));
        assertThat(anne.status()).as(anne.toString()).isEqualTo(201);
        String anneId = anne.json().path("profile").path("id").asString();
        String phone = mobile();
        var other = admin.post("/api/v1/customers", Map.of("identities", List.of(identity("PHONE", phone, false)),
                "profile", Map.of("familyName", "Martin", "attributes", Map.of(attribute, 38))));
        String otherId = other.json().path("profile").path("id").asString();
        admin.post("/api/v1/touchpoints", event("STORE_VISIT", shop.till, Map.of("customerId", otherId,
                "locationCode", shop.store)));
        admin.post("/api/v1/customers/" + otherId + "/consents", Map.of("channel", "SMS", "purpose", "MARKETING",
                "granted", true, "viaChannel", shop.till, "form", "till-signup", "wordingVersion", "v3"));

        var merge = admin.post("/api/v1/customers/merges", Map.of("survivorId", anneId, "absorbedId", otherId,
                "reason", "same person, confirmed by phone"));
        assertThat(merge.status()).as(merge.toString()).isEqualTo(201);
        var merged = admin.get("/api/v1/customers/" + anneId).json();
        assertThat(merged.path("profile").path("familyName").asString()).isEqualTo("Martin");
        assertThat(merged.path("identities").size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/customers/" + anneId + "/timeline").json().path("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers/" + anneId + "/contactability?channel=SMS&purpose=MARKETING").json()
                .path("allowed").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/customers?attribute=" + attribute + "&value=38").json().get(0)
                .path("profile").path("id").asString()).isEqualTo(anneId);

        var undone = admin.post("/api/v1/customers/merges/" + merge.json().path("id").asString() + "/undo", Map.of());
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        var anneAgain = admin.get("/api/v1/customers/" + anneId).json();
        var otherAgain = admin.get("/api/v1/customers/" + otherId).json();
        assertThat(anneAgain.path("profile").path("familyName").isMissingNode()).isTrue();
        assertThat(anneAgain.path("profile").path("givenName").asString()).isEqualTo("Anne");
        assertThat(anneAgain.path("identities").size()).isEqualTo(1);
        assertThat(otherAgain.path("resolvedFrom").isMissingNode()).isTrue();
        assertThat(otherAgain.path("profile").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(otherAgain.path("identities").get(0).path("value").asString()).isEqualTo(e164(phone));
        assertThat(admin.get("/api/v1/customers/" + anneId + "/timeline").json().path("items").isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/customers/" + otherId + "/timeline").json().path("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers/" + anneId + "/contactability?channel=SMS&purpose=MARKETING").json()
                .path("allowed").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/customers/" + otherId + "/contactability?channel=SMS&purpose=MARKETING").json()
                .path("allowed").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/customers/merges/" + merge.json().path("id").asString() + "/undo", Map.of())
                .status()).isEqualTo(409);
    }

    @Test
    void anAgentCannotMergeTwoLoyaltyMembersNorAProfileWithItself() {
        String one = identified(identify("till", List.of(identity("LOYALTY_CARD", "CARD" + unique("m").replace("-", ""),
                false)))).path("profile").path("id").asString();
        String two = identified(identify("till", List.of(identity("LOYALTY_CARD", "CARD" + unique("n").replace("-", ""),
                false)))).path("profile").path("id").asString();
        var refused = admin.post("/api/v1/customers/merges", Map.of("survivorId", one, "absorbedId", two,
                "reason", "looks alike"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).contains("two-loyalty-members");
        assertThat(admin.post("/api/v1/customers/merges", Map.of("survivorId", one, "absorbedId", one,
                "reason", "same")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/customers/" + two).json().path("resolvedFrom").isMissingNode()).isTrue();
    }

    @Test
    void aStorefrontSendsItsOwnChannelsTouchpointsAndLearnsNothingOfWhoseTheyAre() {
        String key = createStorefrontKey();
        // Whose events they are a storefront does not say: an address typed in a form proves nothing.
        String email = email();
        String customer = identified(identify("web", List.of(identity("EMAIL", email, true)))).path("profile")
                .path("id").asString();
        Map<String, Object> claimed = event("PRODUCT_VIEW", shop.web, Map.of("identity", Map.of("kind", "EMAIL",
                "value", email), "subject", shop.shears));
        assertThat(as(key).post("/api/v1/touchpoints", claimed).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/customers/" + customer + "/timeline").json().path("items").valueStream()
                .noneMatch(t -> t.path("type").asString().equals("PRODUCT_VIEW"))).isTrue();
        Map<String, Object> view = event("PRODUCT_VIEW", shop.web, Map.of("anonymousId", unique("dev"), "subject",
                shop.shears));
        var sent = as(key).post("/api/v1/touchpoints", view);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().has("customerIds")).isFalse();
        assertThat(as(key).post("/api/v1/touchpoints", event("PAGE_VIEW", shop.till, Map.of("anonymousId",
                unique("dev")))).status()).isEqualTo(403);
        assertThat(as(key).get("/api/v1/customers?ref=email:x@example.fr").status()).isEqualTo(403);
    }

    @Test
    void aWithdrawalTakesEffectAtOnceAndADoubleOptInWaitsForItsConfirmation() {
        String address = email();
        String id = identified(identify("web", List.of(identity("EMAIL", address, true),
                identity("PHONE", mobile(), true)))).path("profile").path("id").asString();
        String sms = "/api/v1/customers/" + id + "/contactability?channel=SMS&purpose=MARKETING";
        assertThat(admin.get(sms).json().path("allowed").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/customers/" + id + "/contactability?channel=SMS&purpose=TRANSACTIONAL").json()
                .path("allowed").asBoolean()).isTrue();
        var granted = admin.post("/api/v1/customers/" + id + "/consents", Map.of("channel", "SMS", "purpose",
                "MARKETING", "granted", true, "viaChannel", shop.web, "form", "checkout", "wordingVersion", "2026-10"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(admin.get(sms).json().path("allowed").asBoolean()).isTrue();
        admin.post("/api/v1/customers/" + id + "/consents", Map.of("channel", "SMS", "purpose", "MARKETING",
                "granted", false, "viaChannel", "SMS", "form", "STOP reply", "wordingVersion", "2026-10"));
        var now = admin.get(sms).json();
        assertThat(now.path("allowed").asBoolean()).isFalse();
        assertThat(now.path("reason").asString()).contains("withdrawn");
        // Transactional messages are another purpose: the pickup notice still goes.
        assertThat(admin.get("/api/v1/customers/" + id + "/contactability?channel=SMS&purpose=TRANSACTIONAL").json()
                .path("allowed").asBoolean()).isTrue();

        var pending = admin.post("/api/v1/customers/" + id + "/consents", Map.of("channel", "EMAIL", "purpose",
                "MARKETING", "granted", true, "viaChannel", shop.web, "form", "newsletter", "wordingVersion", "n1",
                "doubleOptIn", true));
        String mail = "/api/v1/customers/" + id + "/contactability?channel=EMAIL&purpose=MARKETING";
        assertThat(pending.json().path("entry").path("status").asString()).isEqualTo("PENDING");
        // The token goes to the person, never to whoever recorded the consent (who could confirm it).
        assertThat(pending.body()).doesNotContain("cc_");
        assertThat(pending.json().path("confirmationSent").asBoolean()).isTrue();
        assertThat(admin.get(mail).json().path("allowed").asBoolean()).isFalse();
        String storefront = createStorefrontKey();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !TestMail.to(address).isEmpty());
        var link = java.util.regex.Pattern.compile("token=(cc_[A-Za-z0-9_-]+)")
                .matcher(TestMail.text(TestMail.to(address).getLast()));
        assertThat(link.find()).isTrue();
        var confirmed = as(storefront).post("/api/v1/customers/consents/confirm", Map.of("token", link.group(1)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("confirmedAt").isMissingNode()).isFalse();
        assertThat(admin.get(mail).json().path("allowed").asBoolean()).isTrue();
        var ledger = admin.get("/api/v1/customers/" + id + "/consents").json().path("ledger");
        assertThat(ledger.valueStream().map(e -> e.path("status").asString()))
                .containsExactly("GRANTED", "WITHDRAWN", "PENDING", "GRANTED");
        assertThat(as(storefront).post("/api/v1/customers/consents/confirm", Map.of("token", "cc_forged")).status())
                .isEqualTo(422);
    }

    private String createStorefrontKey() {
        var key = admin.post("/api/v1/channels/" + shop.web + "/publishable-keys", null);
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("key").asString();
    }

    @Test
    void segmentMembershipChangesWhenAnEventArrives() {
        String code = unique("garden-fans").toLowerCase();
        var segment = admin.post("/api/v1/segments", Map.of("code", code, "name", "Viewed garden tools 3 times",
                "condition", Map.of("event", Map.of("type", "PRODUCT_VIEW", "category", shop.category),
                        "atLeast", 3, "withinDays", 14)));
        assertThat(segment.status()).as(segment.toString()).isEqualTo(201);
        String id = identified(identify("web", List.of(identity("EMAIL", email(), false)))).path("profile")
                .path("id").asString();
        Map<String, Object> view = event("PRODUCT_VIEW", shop.web, Map.of("customerId", id, "subject", shop.shears,
                "category", shop.category));
        admin.post("/api/v1/touchpoints/batch", Map.of("events", List.of(view, view)));
        assertThat(admin.get("/api/v1/segments/" + code + "/members").json().path("items").isEmpty()).isTrue();
        var third = admin.post("/api/v1/touchpoints", view);
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/segments/" + code + "/members").json().path("items").valueStream()
                .map(JsonNode::asString)).containsExactly(id);
        assertThat(admin.get("/api/v1/segments/" + code).json().path("members").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers/" + id + "/view").json().path("segments").valueStream()
                .map(JsonNode::asString)).contains(code);
    }

    @Test
    void pointsEarnedOnAStorePurchaseAreSpentOnTheWeb() {
        String card = "2900" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String id = identified(identify("till", List.of(identity("LOYALTY_CARD", card, false)))).path("profile")
                .path("id").asString();
        Api associate = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        shop.tillSale(associate, "card:" + card, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/loyalty/members/" + id).json()
                .path("account").path("balance").asLong() == 49);

        var cart = admin.post("/api/v1/carts", Map.of("channelCode", shop.web, "customerRef", id));
        String cartId = cart.json().path("id").asString();
        admin.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", shop.shears, "quantity", 1));
        var tooMany = admin.put("/api/v1/carts/" + cartId + "/loyalty-points", Map.of("points", 50));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        var spent = admin.put("/api/v1/carts/" + cartId + "/loyalty-points", Map.of("points", 40));
        assertThat(spent.status()).as(spent.toString()).isEqualTo(200);
        assertThat(spent.json().path("quote").path("loyalty").path("amount").asLong()).isEqualTo(40);
        assertThat(spent.json().path("quote").path("totals").path("gross").asLong()).isEqualTo(2490 - 40);
        admin.put("/api/v1/carts/" + cartId + "/groups/main", Map.of("method", "CLICK_AND_COLLECT", "locationCode",
                shop.store));
        var order = admin.post("/api/v1/carts/" + cartId + "/order", null);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().path("totals").path("gross").asLong()).isEqualTo(2450);
        var member = admin.get("/api/v1/loyalty/members/" + id).json();
        assertThat(member.path("account").path("balance").asLong()).isEqualTo(9);
        assertThat(member.path("ledger").valueStream().map(e -> e.path("kind").asString())).contains("EARN", "REDEEM");
        // A cancelled order gives its points back.
        String orderId = order.json().path("id").asString();
        assertThat(admin.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed mind")).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/loyalty/members/" + id).json().path("account").path("balance").asLong())
                .isEqualTo(49);
    }

    @Test
    void anAgentEnrolsAMemberAndAdjustsTheirPointsWithAReason() {
        String id = identified(identify("phone", List.of(identity("EMAIL", email(), true)))).path("profile")
                .path("id").asString();
        var enrolled = admin.post("/api/v1/loyalty/members", Map.of("customerId", id));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String card = enrolled.json().path("account").path("cardNumber").asString();
        assertThat(card).startsWith("2900").hasSize(16);
        assertThat(enrolled.json().path("account").path("tier").asString()).isEqualTo("MEMBER");
        assertThat(admin.get("/api/v1/customers?ref=card:" + card).json().get(0).path("profile").path("id")
                .asString()).isEqualTo(id);
        assertThat(admin.post("/api/v1/loyalty/members", Map.of("customerId", id)).status()).isEqualTo(409);
        Api agent = as(keyFor(Role.AGENT));
        var added = agent.post("/api/v1/loyalty/members/" + id + "/adjustments", Map.of("points", 120,
                "reason", "late delivery, sorry"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().path("account").path("balance").asLong()).isEqualTo(120);
        assertThat(agent.post("/api/v1/loyalty/members/" + id + "/adjustments", Map.of("points", -500,
                "reason", "too much")).status()).isEqualTo(422);
        var taken = agent.post("/api/v1/loyalty/members/" + id + "/adjustments", Map.of("points", -20,
                "reason", "typo"));
        assertThat(taken.json().path("account").path("balance").asLong()).isEqualTo(100);
        assertThat(taken.json().path("ledger").valueStream().map(e -> e.path("reason").asString()))
                .contains("late delivery, sorry", "typo");
        assertThat(as(keyFor(Role.ANALYST)).post("/api/v1/loyalty/members/" + id + "/adjustments",
                Map.of("points", 5, "reason", "x")).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/loyalty/tiers").json().valueStream().map(t -> t.path("name").asString()))
                .containsExactly("MEMBER", "SILVER", "GOLD");
    }

    @Test
    void badInputIsRefusedWithNothingChanged() {
        assertThat(admin.post("/api/v1/customers/identify", identify("web", List.of(identity("EMAIL", "anne@", false))))
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/customers/identify", identify("web", List.of(identity("PHONE", "12", false))))
                .status()).isEqualTo(400);
        var unknownKind = admin.post("/api/v1/customers/identify", Map.of("source", "web", "identities",
                List.of(Map.of("kind", "FAX", "value", "0102030405"))));
        assertThat(unknownKind.status()).isEqualTo(400);
        String email = email();
        String id = identified(identify("web", List.of(identity("EMAIL", email, false)))).path("profile")
                .path("id").asString();
        var future = event("PAGE_VIEW", shop.web, Map.of("customerId", id));
        future.put("occurredAt", Instant.now().plus(Duration.ofHours(2)).toString());
        var good = event("PAGE_VIEW", shop.web, Map.of("customerId", id));
        var unknownChannel = event("PAGE_VIEW", "NOPE-" + unique("c"), Map.of("customerId", id));
        var batch = admin.post("/api/v1/touchpoints/batch", Map.of("events", List.of(good, future, unknownChannel)));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("events[1].occurredAt", "events[2].channel");
        var malformed = admin.send("POST", "/api/v1/touchpoints", "{\"type\": \"PAGE_VIEW\", \"channel\": ",
                "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/touchpoints", Map.of("type", "TELEPATHY", "channel", shop.web,
                "occurredAt", Instant.now().toString(), "customerId", id)).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/customers/" + id + "/consents", Map.of("channel", "CARRIER_PIGEON",
                "purpose", "MARKETING", "granted", true, "viaChannel", "web", "form", "f", "wordingVersion", "1"))
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/segments", Map.of("code", unique("bad").toLowerCase(), "name", "Bad",
                "condition", Map.of("event", Map.of("type", "PRODUCT_VIEW"), "withinDays", 0))).status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/customers/" + id + "/timeline").json().path("items").isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/customers/" + id + "/consents").json().path("ledger").isEmpty()).isTrue();
        assertThat(admin.get("/api/v1/customers/" + id).json().path("identities").size()).isEqualTo(1);
    }
}
