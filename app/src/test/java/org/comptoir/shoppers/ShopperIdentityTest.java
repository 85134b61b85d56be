package org.comptoir.shoppers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.RawHttp;
import org.comptoir.support.Retailer;
import org.comptoir.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A publishable key is public: it reads the catalogue and makes carts, nothing more. A cart is
 * reached again only with its secret, an order only with its own secret or as its customer, and a
 * customer is named only by the token signing in gives (a code sent by email, or a password).
 */
class ShopperIdentityTest extends ApiTest {

    private Retailer shop;
    private Api storefront;

    @BeforeEach
    void retailer() {
        shop = new Retailer(admin, ApiTest::uniqueCode);
        shop.network();
        shop.catalogue();
        storefront = as(shop.storefrontKey);
    }

    private static String email() {
        return uniqueCode("shopper").toLowerCase() + "@example.fr";
    }

    private String signIn(String email) {
        int before = TestMail.to(email).size();
        var sent = storefront.post("/api/v1/shopper/sign-in-codes", Map.of("email", email));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(email).size() > before);
        var session = storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "code",
                TestMail.lastCode(email)));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.json().path("token").asString();
    }

    private JsonNode cart(Api as) {
        var created = as.post("/api/v1/carts", Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private Api withCart(JsonNode cart) {
        return storefront.with("Cart-Secret", cart.path("secret").asString());
    }

    private void fill(Api as, String cartId) {
        assertThat(as.post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", shop.sku, "quantity", 1)).status())
                .isEqualTo(200);
        assertThat(as.put("/api/v1/carts/" + cartId + "/groups/main", Map.of("method", "HOME_DELIVERY", "address",
                Retailer.PARIS)).status()).isEqualTo(200);
    }

    @Test
    void aCartIsReachedAgainOnlyWithItsSecret() {
        JsonNode cart = cart(storefront);
        String id = cart.path("id").asString();
        assertThat(cart.path("secret").asString()).startsWith("cs_");

        assertThat(storefront.get("/api/v1/carts/" + id).status()).isEqualTo(404);
        assertThat(storefront.post("/api/v1/carts/" + id + "/lines", Map.of("sku", shop.sku, "quantity", 1)).status())
                .isEqualTo(404);
        assertThat(RawHttp.send(port, "HEAD", "/api/v1/carts/" + id, Map.of("Authorization", "Bearer "
                + shop.storefrontKey), null).status()).isEqualTo(404);
        JsonNode other = cart(storefront);
        assertThat(withCart(other).get("/api/v1/carts/" + id).status()).isEqualTo(404);
        assertThat(storefront.with("Cart-Secret", "cs_guessed").post("/api/v1/carts/" + id + "/order", null)
                .status()).isEqualTo(404);

        fill(withCart(cart), id);
        var read = withCart(cart).get("/api/v1/carts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("lines").size()).isEqualTo(1);
        assertThat(read.json().has("secret")).as("the secret is shown once").isFalse();
        // The back office reaches carts by id, as the service desk does.
        assertThat(admin.get("/api/v1/carts/" + id).status()).isEqualTo(200);
    }

    @Test
    void aStorefrontNamesNoCustomerItself() {
        String customer = admin.post("/api/v1/customers/identify", Map.of("source", "web", "identities",
                List.of(Map.of("kind", "EMAIL", "value", email(), "verified", true)))).json().path("profile")
                .path("id").asString();
        assertThat(storefront.post("/api/v1/carts", Map.of("customerRef", customer)).status()).isEqualTo(403);
        assertThat(storefront.post("/api/v1/carts", Map.of("customerGroup", "pro")).status()).isEqualTo(403);
        JsonNode cart = cart(storefront);
        String id = cart.path("id").asString();
        assertThat(withCart(cart).put("/api/v1/carts/" + id + "/customer", Map.of("customerRef", customer))
                .status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/carts/" + id).json().has("customerRef")).isFalse();
        var quote = storefront.post("/api/v1/pricing/quotes", Map.of("customerRef", customer, "lines",
                List.of(Map.of("sku", shop.sku, "quantity", 1)), "loyaltyPoints", 100));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(403);
        var direct = storefront.post("/api/v1/orders", Map.of("customerRef", customer, "groups", List.of(Map.of(
                "code", "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines",
                List.of(Map.of("sku", shop.sku, "quantity", 1))));
        assertThat(direct.status()).as(direct.toString()).isEqualTo(403);
    }

    @Test
    void aShopperSignsInWithACodeSentByEmailAndTheirTokenNamesTheirCustomer() {
        String email = email();
        String token = signIn(email);
        Api shopper = as(token);

        var me = shopper.get("/api/v1/shopper/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        String customer = me.json().path("id").asString();
        assertThat(admin.get("/api/v1/customers?ref=email:" + email).json().get(0).path("profile").path("id").asString())
                .isEqualTo(customer);

        JsonNode cart = cart(shopper);
        assertThat(cart.path("customerRef").asString()).isEqualTo(customer);
        String id = cart.path("id").asString();
        fill(shopper, id);
        var ordered = shopper.post("/api/v1/carts/" + id + "/order", null);
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        String orderId = ordered.json().path("id").asString();
        // Their own orders, without the order's secret; on the history, across channels.
        assertThat(shopper.get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> shopper.get("/api/v1/shopper/orders").json().valueStream()
                .anyMatch(o -> o.path("id").asString().equals(orderId)));
        // Another shopper sees none of it.
        Api other = as(signIn(email()));
        assertThat(other.get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/carts/" + id).status()).isEqualTo(404);

        assertThat(shopper.delete("/api/v1/shopper/sessions/current").status()).isEqualTo(204);
        assertThat(shopper.get("/api/v1/shopper/me").status()).isEqualTo(401);
    }

    @Test
    void wrongCodesAreCountedAndFiveSpendTheCode() {
        String email = email();
        assertThat(storefront.post("/api/v1/shopper/sign-in-codes", Map.of("email", email)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(email).isEmpty());
        String code = TestMail.lastCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            var refused = storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "code", wrong));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.problem()).isEqualTo("invalid-credentials");
        }
        assertThat(storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "code", code)).status())
                .as("the right code, after five wrong ones, is spent").isEqualTo(401);
    }

    @Test
    void aPasswordSetOnceSignedInSignsInLaterAndFiveWrongOnesLockTheAccount() {
        String email = email();
        Api shopper = as(signIn(email));
        assertThat(shopper.put("/api/v1/shopper/password", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(shopper.put("/api/v1/shopper/password", Map.of("password", "le sécateur rouge 2026")).status())
                .isEqualTo(204);

        var session = storefront.post("/api/v1/shopper/sessions", Map.of("email", email.toUpperCase(), "password",
                "le sécateur rouge 2026"));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        assertThat(as(session.json().path("token").asString()).get("/api/v1/shopper/me").status()).isEqualTo(200);

        var unknown = storefront.post("/api/v1/shopper/sessions", Map.of("email", email(), "password", "whatever12"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.problem()).as("the same answer as a wrong password").isEqualTo("invalid-credentials");
        for (int i = 0; i < 5; i++) {
            assertThat(storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "password",
                    "not it " + i)).status()).isEqualTo(401);
        }
        var locked = storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "password",
                "le sécateur rouge 2026"));
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
    }

    @Test
    void aGuestReadsTheirOrderWithItsOwnSecretOnly() {
        JsonNode cart = cart(storefront);
        String id = cart.path("id").asString();
        fill(withCart(cart), id);
        var ordered = withCart(cart).post("/api/v1/carts/" + id + "/order", null);
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        String orderId = ordered.json().path("id").asString();
        String secret = ordered.json().path("secret").asString();
        assertThat(secret).startsWith("os_");

        assertThat(storefront.get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(RawHttp.send(port, "HEAD", "/api/v1/orders/" + orderId, Map.of("Authorization", "Bearer "
                + shop.storefrontKey), null).status()).isEqualTo(404);
        assertThat(withCart(cart).get("/api/v1/orders/" + orderId).status()).as("the cart's secret is not the order's")
                .isEqualTo(404);
        Api guest = storefront.with("Order-Secret", secret);
        var read = guest.get("/api/v1/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(guest.get("/api/v1/orders/" + orderId + "/history").status()).isEqualTo(200);
        assertThat(guest.get("/api/v1/orders/" + shop.web).status()).isEqualTo(400);
        // Their secret opens theirs only.
        JsonNode second = cart(storefront);
        fill(withCart(second), second.path("id").asString());
        String otherOrder = withCart(second).post("/api/v1/carts/" + second.path("id").asString() + "/order", null)
                .json().path("id").asString();
        assertThat(guest.get("/api/v1/orders/" + otherOrder).status()).isEqualTo(404);
        assertThat(guest.post("/api/v1/orders/" + otherOrder + "/cancel", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void paymentTermsAndProvidersAreTheChannelsAndTheRolesNeverTheShoppers() {
        JsonNode cart = cart(storefront);
        String id = cart.path("id").asString();
        Api shopper = withCart(cart);
        fill(shopper, id);
        var prepaid = shopper.post("/api/v1/carts/" + id + "/order", Map.of("paymentTerms", "PREPAID"));
        assertThat(prepaid.status()).as(prepaid.toString()).isEqualTo(403);
        var atPickup = shopper.post("/api/v1/carts/" + id + "/order", Map.of("paymentTerms", "PAY_AT_PICKUP"));
        assertThat(atPickup.status()).as(atPickup.toString()).isEqualTo(403);
        assertThat(admin.get("/api/v1/carts/" + id).json().path("status").asString()).isEqualTo("OPEN");

        Map<String, Object> home = new HashMap<>(Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", List.of(Map.of("sku",
                shop.sku, "quantity", 1)), "paymentTerms", "PAY_AT_PICKUP"));
        var agent = as(keyFor(org.comptoir.platform.security.Role.AGENT)).post("/api/v1/orders", home);
        assertThat(agent.status()).as("paid at pickup, delivered home: " + agent).isEqualTo(400);
        home.put("paymentTerms", "PREPAID");
        assertThat(as(keyFor(org.comptoir.platform.security.Role.AGENT)).post("/api/v1/orders", home).status())
                .isEqualTo(403);

        var ordered = shopper.post("/api/v1/carts/" + id + "/order", null);
        assertThat(ordered.status()).isEqualTo(201);
        assertThat(ordered.json().path("status").asString()).isEqualTo("PLACED");
        assertThat(ordered.json().path("paymentStatus").asString()).isEqualTo("AWAITING");
        String orderId = ordered.json().path("id").asString();
        Api guest = storefront.with("Order-Secret", ordered.json().path("secret").asString());
        assertThat(guest.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "CASH")).status())
                .isEqualTo(403);
        assertThat(guest.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "TEST", "token", "tok"))
                .status()).as("the channel takes no test payments").isEqualTo(403);
        assertThat(admin.get("/api/v1/orders/" + orderId + "/payments").json().isEmpty()).isTrue();

        // Once the channel lists the test gateway, its shoppers pay with it; the till is still the till's.
        var channel = admin.get("/api/v1/channels/" + shop.web).json();
        Map<String, Object> body = new HashMap<>(Map.of("name", channel.path("name").asString(), "type", "WEB",
                "currency", "EUR", "locationCodes", List.of(shop.store, shop.warehouse), "paymentProviders",
                List.of("TEST")));
        assertThat(admin.with("If-Match", "*").put("/api/v1/channels/" + shop.web, body).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(6)).until(() -> guest.post("/api/v1/orders/" + orderId + "/payments",
                Map.of("provider", "TEST", "token", "tok")).status() == 201);
        assertThat(admin.get("/api/v1/orders/" + orderId).json().path("status").asString()).isEqualTo("CONFIRMED");
    }
}
