package org.comptoir.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.OpenApiFuzzer;
import org.comptoir.support.Platform;
import org.comptoir.support.RawHttp;
import org.comptoir.support.Retailer;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.TestMail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document, called by every kind of caller: each back-office role with
 * and without a store's scope, a storefront's publishable key (with its shopper's cart and order
 * secrets) and a signed-in shopper, on resources of the caller's world and on another world's (another
 * store, channel, cart, order, shopper). A role the operation's rule leaves out gets a 403; an allowed
 * caller is never refused on its own resources; a caller bound to a store, a channel or a shopper
 * never reaches another's (403 or 404). An operation of the document this test has no rule for fails it.
 * Bodies are built from the document's schemas with the world's values, so that what answers is the
 * check of who may do what to what, not the validation of the body.
 */
class OperationAuthorizationTest {

    /** Its own platform: the admin's calls change settings (tax rates, carriers) other tests rely on. */
    private Api admin;
    private int port;
    private final Map<String, String> keys = new LinkedHashMap<>();

    /** What bounds who may reach a resource beyond the role. */
    enum Owner {
        /** Shared by all who have the role. */
        NONE,
        /** A store's: a scoped key sees its store's only. */
        LOCATION,
        /** An order: its store for scoped keys, its secret or customer for storefronts. */
        ORDER,
        /** A cart: its secret or customer for storefronts. */
        CART,
        /** A hold: its store for scoped keys, its shopper for storefronts. */
        HOLD,
        /** A channel's: a storefront sees its own channel's. */
        CHANNEL,
        /** The signed-in shopper's own: nobody else, a publishable key alone included. */
        SHOPPER
    }

    /** {@code signedIn}: a storefront's publishable key alone is refused; its signed-in shopper is not. */
    record Rule(Set<Role> roles, Owner owner, boolean signedIn) {}

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> BACK = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.STORE_ASSOCIATE, Role.AGENT,
            Role.MARKETER, Role.ANALYST, Role.INTEGRATION);
    private static final Set<Role> SELLERS = EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE,
            Role.INTEGRATION, Role.STOREFRONT);
    private static final Set<Role> FRONT_LINE = EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE,
            Role.INTEGRATION);
    private static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.STORE_ASSOCIATE, Role.INTEGRATION);
    private static final Set<Role> CATALOGUE = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.INTEGRATION);
    private static final Set<Role> MERCHANDISING = EnumSet.of(Role.ADMIN, Role.MERCHANDISER);
    private static final Set<Role> PROMOTING = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.MARKETER);
    private static final Set<Role> MARKETING = EnumSet.of(Role.ADMIN, Role.MARKETER);
    private static final Set<Role> DESK = EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE);
    private static final Set<Role> SYSTEMS = EnumSet.of(Role.ADMIN, Role.INTEGRATION);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> SHOP = EnumSet.of(Role.STOREFRONT);

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private OpenApiFuzzer samples;
    /** Bodies the samples cannot guess: what a storefront may send, what a conversation's actions need. */
    private final Map<String, Object> bodies = new LinkedHashMap<>();

    private void bodies(World mine) {
        Retailer shop = mine.shop;
        var store = org.comptoir.support.Fixtures.store(shop.store, 48.8397, 2.2399);
        store.remove("code");
        store.put("capabilities", List.of("CLICK_AND_COLLECT", "RESERVE_AND_COLLECT", "SHIP_FROM_STORE",
                "ACCEPTS_RETURNS"));
        bodies.put("PUT /api/v1/locations/{code}", store);
        Map<String, Object> event = Map.of("type", "PAGE_VIEW", "channel", shop.web, "occurredAt",
                Instant.now().toString(), "anonymousId", "device-" + shop.store);
        bodies.put("POST /api/v1/touchpoints", event);
        bodies.put("POST /api/v1/touchpoints/batch", Map.of("events", List.of(event)));
        bodies.put("POST /api/v1/service/conversations/{id}/replies", Map.of("body", "Bonjour"));
        bodies.put("POST /api/v1/service/conversations/{id}/calls", Map.of("direction", "INBOUND",
                "durationSeconds", 60, "notes", "Rappel"));
        bodies.put("POST /api/v1/service/conversations/{id}/actions/orders", Map.of("cartId", UUID.randomUUID(),
                "paymentTerms", "PAY_AT_PICKUP"));
        List<Map<String, Object>> lines = List.of(Map.of("sku", shop.sku, "quantity", 1));
        bodies.put("POST /api/v1/pricing/quotes", Map.of("channelCode", shop.web, "lines", lines));
        bodies.put("POST /api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code", "home",
                "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", lines));
        bodies.put("POST /api/v1/inventory/holds", mine.storefrontHold(UUID.randomUUID().toString()));
        bodies.put("POST /api/v1/carts", Map.of("channelCode", shop.web));
        bodies.put("POST /api/v1/carts/{id}/order", Map.of()); // the channel's terms: a storefront names none
        bodies.put("PUT /api/v1/carts/{id}/customer", Map.of("customerRef", mine.customer));
        bodies.put("PUT /api/v1/shopper/password", Map.of("password", "un-mot-de-passe-assez-long"));
    }

    private static void rule(String operation, Set<Role> roles) {
        rule(operation, roles, Owner.NONE);
    }

    private static void rule(String operation, Set<Role> roles, Owner owner) {
        rule(operation, roles, owner, false);
    }

    private static void rule(String operation, Set<Role> roles, Owner owner, boolean signedIn) {
        if (RULES.put(operation, new Rule(roles, owner, signedIn)) != null) {
            throw new IllegalStateException("two rules for " + operation);
        }
    }

    static {
        for (String m : List.of("GET /api/v1/api-keys", "POST /api/v1/api-keys", "GET /api/v1/api-keys/{id}",
                "DELETE /api/v1/api-keys/{id}", "POST /api/v1/api-keys/{id}/rotation", "GET /api/v1/audit-log")) {
            rule(m, ADMIN);
        }
        rule("POST /api/v1/carts", SELLERS);
        // A cart's customer is the signed-in shopper, whose points alone may be spent.
        rule("PUT /api/v1/carts/{id}/customer", SELLERS, Owner.CART, true);
        rule("PUT /api/v1/carts/{id}/loyalty-points", SELLERS, Owner.CART, true);
        for (String m : List.of("GET /api/v1/carts/{id}", "POST /api/v1/carts/{id}/codes",
                "DELETE /api/v1/carts/{id}/codes/{code}",
                "PUT /api/v1/carts/{id}/groups/{group}", "POST /api/v1/carts/{id}/handover",
                "POST /api/v1/carts/{id}/lines", "PUT /api/v1/carts/{id}/lines/{sku}",
                "DELETE /api/v1/carts/{id}/lines/{sku}", "POST /api/v1/carts/{id}/order")) {
            rule(m, SELLERS, Owner.CART);
        }
        rule("GET /api/v1/catalog/categories", ALL);
        rule("POST /api/v1/catalog/categories", CATALOGUE);
        rule("GET /api/v1/catalog/categories/{code}", ALL);
        rule("GET /api/v1/catalog/imports", CATALOGUE);
        rule("POST /api/v1/catalog/imports", CATALOGUE);
        rule("GET /api/v1/catalog/imports/{id}", CATALOGUE);
        rule("GET /api/v1/catalog/imports/{id}/errors", CATALOGUE);
        rule("GET /api/v1/catalog/products", ALL);
        rule("POST /api/v1/catalog/products", CATALOGUE);
        rule("GET /api/v1/catalog/products/by-gtin/{gtin}", ALL);
        rule("GET /api/v1/catalog/products/by-sku/{sku}", ALL);
        rule("GET /api/v1/catalog/products/{id}", ALL);
        rule("PUT /api/v1/catalog/products/{id}", CATALOGUE);
        rule("POST /api/v1/catalog/products/{id}/archive", CATALOGUE);
        rule("GET /api/v1/channels", BACK);
        rule("POST /api/v1/channels", ADMIN);
        rule("GET /api/v1/channels/{code}", BACK);
        rule("PUT /api/v1/channels/{code}", ADMIN);
        rule("GET /api/v1/channels/{code}/publishable-keys", ADMIN);
        rule("POST /api/v1/channels/{code}/publishable-keys", ADMIN);
        rule("DELETE /api/v1/channels/{code}/publishable-keys/{id}", ADMIN);
        rule("GET /api/v1/customers", BACK);
        rule("POST /api/v1/customers", FRONT_LINE);
        rule("GET /api/v1/customers/attributes", BACK);
        rule("POST /api/v1/customers/attributes", ADMIN);
        rule("GET /api/v1/customers/blocked-identities", ADMIN);
        rule("POST /api/v1/customers/blocked-identities", ADMIN);
        rule("DELETE /api/v1/customers/blocked-identities", ADMIN);
        rule("POST /api/v1/customers/consents/confirm", EnumSet.of(Role.ADMIN, Role.STOREFRONT, Role.INTEGRATION,
                Role.AGENT));
        rule("POST /api/v1/customers/identify", FRONT_LINE);
        rule("POST /api/v1/customers/merges", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("POST /api/v1/customers/merges/{mergeId}/undo", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("GET /api/v1/customers/{id}", BACK);
        rule("PATCH /api/v1/customers/{id}", FRONT_LINE);
        rule("GET /api/v1/customers/{id}/consents", BACK);
        rule("POST /api/v1/customers/{id}/consents", FRONT_LINE);
        rule("GET /api/v1/customers/{id}/contactability", BACK);
        rule("POST /api/v1/customers/{id}/erasure", ADMIN);
        rule("GET /api/v1/customers/{id}/export", ADMIN);
        rule("POST /api/v1/customers/{id}/identities", FRONT_LINE);
        rule("DELETE /api/v1/customers/{id}/identities/{identityId}", FRONT_LINE);
        rule("GET /api/v1/customers/{id}/merges", BACK);
        rule("GET /api/v1/customers/{id}/timeline", BACK);
        rule("GET /api/v1/customers/{id}/view", BACK);
        rule("GET /api/v1/fulfilment/capacities", BACK);
        rule("PUT /api/v1/fulfilment/capacities/{locationCode}", ADMIN);
        rule("DELETE /api/v1/fulfilment/capacities/{locationCode}", ADMIN);
        rule("GET /api/v1/fulfilment/carrier-services", BACK);
        rule("PUT /api/v1/fulfilment/carrier-services/{code}", ADMIN);
        rule("GET /api/v1/fulfilment/exceptions", BACK);
        rule("GET /api/v1/fulfilment/orders", BACK);
        rule("GET /api/v1/fulfilment/orders/{id}", BACK, Owner.LOCATION);
        for (String step : List.of("arrive", "collect", "deliver", "pack", "pickup-code", "ready", "refuse", "ship",
                "start")) {
            rule("POST /api/v1/fulfilment/orders/{id}/" + step, KEEPERS, Owner.LOCATION);
        }
        rule("GET /api/v1/fulfilment/orders/{id}/pickup-code", SYSTEMS, Owner.LOCATION);
        rule("GET /api/v1/fulfilment/orders/{id}/shipments", BACK, Owner.LOCATION);
        rule("POST /api/v1/fulfilment/promises", ALL);
        rule("GET /api/v1/fulfilment/relay-points", ALL);
        rule("GET /api/v1/fulfilment/routing/{orderId}", BACK);
        rule("POST /api/v1/fulfilment/routing/{orderId}/retry", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("GET /api/v1/fulfilment/shipments/{id}/label", BACK);
        rule("POST /api/v1/fulfilment/shipments/{trackingNumber}/events", SYSTEMS);
        rule("GET /api/v1/fulfilment/sourcing-rules", BACK);
        rule("PUT /api/v1/fulfilment/sourcing-rules/{channelCode}/{method}", ADMIN);
        rule("DELETE /api/v1/fulfilment/sourcing-rules/{channelCode}/{method}", ADMIN);
        rule("POST /api/v1/fulfilment/sourcing/plans", BACK);
        rule("POST /api/v1/inventory/availability", ALL);
        rule("GET /api/v1/inventory/availability/{sku}", ALL);
        rule("GET /api/v1/inventory/availability/{sku}/near", ALL);
        rule("GET /api/v1/inventory/balances", BACK);
        rule("GET /api/v1/inventory/balances/{locationCode}/{sku}", BACK, Owner.LOCATION);
        rule("PUT /api/v1/inventory/balances/{locationCode}/{sku}/on-hand", KEEPERS, Owner.LOCATION);
        rule("PUT /api/v1/inventory/balances/{locationCode}/{sku}/settings", KEEPERS, Owner.LOCATION);
        rule("PUT /api/v1/inventory/channels/{channelCode}/buffer", MERCHANDISING);
        rule("POST /api/v1/inventory/counts", KEEPERS);
        rule("GET /api/v1/inventory/feeds/{channelCode}", EnumSet.of(Role.ADMIN, Role.INTEGRATION, Role.MERCHANDISER,
                Role.STOREFRONT), Owner.CHANNEL);
        rule("POST /api/v1/inventory/holds", SELLERS);
        rule("GET /api/v1/inventory/holds/{id}", SELLERS, Owner.HOLD);
        rule("POST /api/v1/inventory/holds/{id}/confirm", FRONT_LINE, Owner.HOLD);
        rule("POST /api/v1/inventory/holds/{id}/release", SELLERS, Owner.HOLD);
        rule("GET /api/v1/inventory/inbound", BACK);
        rule("POST /api/v1/inventory/inbound", KEEPERS);
        rule("GET /api/v1/inventory/inbound/{id}", BACK);
        rule("POST /api/v1/inventory/inbound/{id}/cancel", KEEPERS);
        rule("POST /api/v1/inventory/inbound/{id}/receive", KEEPERS);
        rule("GET /api/v1/inventory/movements", BACK);
        rule("POST /api/v1/inventory/movements", KEEPERS);
        rule("POST /api/v1/inventory/opening-stock", SYSTEMS);
        rule("GET /api/v1/inventory/ring-fences", MERCHANDISING);
        rule("PUT /api/v1/inventory/ring-fences/{channelCode}/{locationCode}/{sku}", MERCHANDISING);
        rule("DELETE /api/v1/inventory/ring-fences/{channelCode}/{locationCode}/{sku}", MERCHANDISING);
        rule("POST /api/v1/inventory/transfers", KEEPERS);
        rule("GET /api/v1/locations", BACK);
        rule("POST /api/v1/locations", ADMIN);
        rule("GET /api/v1/locations/{code}", BACK, Owner.LOCATION);
        rule("PUT /api/v1/locations/{code}", EnumSet.of(Role.ADMIN, Role.STORE_ASSOCIATE), Owner.LOCATION);
        rule("POST /api/v1/loyalty/members", FRONT_LINE);
        rule("GET /api/v1/loyalty/members/{customerId}", BACK);
        rule("POST /api/v1/loyalty/members/{customerId}/adjustments", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("GET /api/v1/loyalty/tiers", BACK);
        rule("GET /api/v1/orders", BACK);
        rule("POST /api/v1/orders", SELLERS);
        rule("GET /api/v1/orders/{id}", SELLERS, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/cancel", FRONT_LINE, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/edits", FRONT_LINE, Owner.ORDER);
        rule("GET /api/v1/orders/{id}/history", SELLERS, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/line-cancellations", FRONT_LINE, Owner.ORDER);
        rule("GET /api/v1/orders/{id}/payments", SELLERS, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/payments", SELLERS, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/payments/{paymentId}/capture", KEEPERS, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/payments/{paymentId}/refunds", FRONT_LINE, Owner.ORDER);
        rule("POST /api/v1/orders/{id}/status", FRONT_LINE, Owner.ORDER);
        rule("POST /api/v1/pricing/audit", BACK);
        rule("GET /api/v1/pricing/audit/{sku}", BACK);
        rule("GET /api/v1/pricing/delivery-fees", BACK);
        rule("PUT /api/v1/pricing/delivery-fees/{method}/{currency}", MERCHANDISING);
        rule("GET /api/v1/pricing/price-lists", BACK);
        rule("POST /api/v1/pricing/price-lists", MERCHANDISING);
        rule("GET /api/v1/pricing/price-lists/{code}", BACK);
        rule("PUT /api/v1/pricing/price-lists/{code}", MERCHANDISING);
        rule("GET /api/v1/pricing/price-lists/{code}/prices", BACK);
        rule("PUT /api/v1/pricing/price-lists/{code}/prices", MERCHANDISING);
        rule("DELETE /api/v1/pricing/price-lists/{code}/prices/{sku}", MERCHANDISING);
        rule("GET /api/v1/pricing/promotions", BACK);
        rule("POST /api/v1/pricing/promotions", PROMOTING);
        rule("GET /api/v1/pricing/promotions/{code}", BACK);
        rule("PUT /api/v1/pricing/promotions/{code}", PROMOTING);
        rule("GET /api/v1/pricing/promotions/{code}/coupons", BACK);
        rule("POST /api/v1/pricing/promotions/{code}/coupons", PROMOTING);
        rule("POST /api/v1/pricing/quotes", ALL);
        rule("GET /api/v1/pricing/tax-rates", BACK);
        rule("PUT /api/v1/pricing/tax-rates/{country}/{taxClass}", MERCHANDISING);
        rule("GET /api/v1/returns", BACK);
        rule("POST /api/v1/returns", FRONT_LINE);
        rule("GET /api/v1/returns/by-code/{code}", BACK);
        rule("POST /api/v1/returns/exchanges", FRONT_LINE);
        rule("GET /api/v1/returns/non-returnable", MERCHANDISING);
        rule("PUT /api/v1/returns/non-returnable/{sku}", MERCHANDISING);
        rule("DELETE /api/v1/returns/non-returnable/{sku}", MERCHANDISING);
        rule("GET /api/v1/returns/quarantine", BACK);
        rule("GET /api/v1/returns/{id}", BACK, Owner.LOCATION);
        rule("POST /api/v1/returns/{id}/cancel", FRONT_LINE, Owner.LOCATION);
        // A return may be brought to any store (found by its code): the store receives it at its own location.
        rule("POST /api/v1/returns/{id}/receive", FRONT_LINE);
        rule("GET /api/v1/search/products", ALL);
        rule("GET /api/v1/search/index", BACK);
        rule("POST /api/v1/search/index/rebuild", MERCHANDISING);
        rule("GET /api/v1/search/synonyms", MERCHANDISING);
        rule("POST /api/v1/search/synonyms", MERCHANDISING);
        rule("GET /api/v1/search/synonyms/{id}", MERCHANDISING);
        rule("DELETE /api/v1/search/synonyms/{id}", MERCHANDISING);
        rule("GET /api/v1/search/boosts", MERCHANDISING);
        rule("PUT /api/v1/search/boosts/{productId}", MERCHANDISING);
        rule("DELETE /api/v1/search/boosts/{productId}", MERCHANDISING);
        rule("GET /api/v1/segments", BACK);
        rule("POST /api/v1/segments", MARKETING);
        rule("GET /api/v1/segments/{code}", BACK);
        rule("DELETE /api/v1/segments/{code}", MARKETING);
        rule("POST /api/v1/segments/{code}/evaluate", MARKETING);
        rule("GET /api/v1/segments/{code}/members", BACK);
        rule("GET /api/v1/service/agents", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("POST /api/v1/service/agents", ADMIN);
        rule("GET /api/v1/service/bot/misses", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("PUT /api/v1/service/bot/misses/{id}", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("GET /api/v1/service/canned-replies", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("PUT /api/v1/service/canned-replies/{code}", ADMIN);
        rule("GET /api/v1/service/conversations", DESK);
        rule("GET /api/v1/service/conversations/{id}", DESK, Owner.LOCATION);
        rule("PATCH /api/v1/service/conversations/{id}", DESK, Owner.LOCATION);
        for (String action : List.of("actions/carts", "actions/exchanges", "actions/holds", "actions/links",
                "actions/near", "actions/orders", "actions/returns", "assign", "calls", "csat", "merge", "notes",
                "replies", "resolve", "snooze", "split")) {
            rule("POST /api/v1/service/conversations/{id}/" + action, DESK, Owner.LOCATION);
        }
        rule("POST /api/v1/service/inbound/email", SYSTEMS);
        rule("GET /api/v1/service/inboxes", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("PUT /api/v1/service/inboxes/{code}", ADMIN);
        rule("POST /api/v1/service/messages", SELLERS);
        rule("GET /api/v1/service/reports", EnumSet.of(Role.ADMIN, Role.AGENT, Role.ANALYST));
        rule("GET /api/v1/service/teams/{code}", EnumSet.of(Role.ADMIN, Role.AGENT));
        rule("PUT /api/v1/service/teams/{code}", ADMIN);
        rule("POST /api/v1/touchpoints", SELLERS);
        rule("POST /api/v1/touchpoints/batch", SELLERS);
        for (String m : List.of("GET /api/v1/webhooks", "POST /api/v1/webhooks", "GET /api/v1/webhooks/{id}",
                "DELETE /api/v1/webhooks/{id}", "GET /api/v1/webhooks/{id}/deliveries",
                "GET /api/v1/webhooks/{id}/deliveries/{deliveryId}")) {
            rule(m, SYSTEMS);
        }
        rule("POST /api/v1/shopper/sign-in-codes", SHOP);
        rule("POST /api/v1/shopper/sessions", SHOP);
        rule("DELETE /api/v1/shopper/sessions/current", SHOP, Owner.SHOPPER, true);
        rule("PUT /api/v1/shopper/password", SHOP, Owner.SHOPPER, true);
        rule("GET /api/v1/shopper/me", SHOP, Owner.SHOPPER, true);
        rule("GET /api/v1/shopper/orders", SHOP, Owner.SHOPPER, true);
    }

    /** Who calls: a role, maybe scoped to the caller's world's store; or the world's storefront or shopper. */
    private record Caller(String name, Role role, boolean scoped, boolean shopper, String key) {}

    /** One world of resources: a store, its channel, its shopper with a cart and an order, and the rest. */
    private final class World {
        final Retailer shop = new Retailer(admin, ApiTest::uniqueCode);
        final Map<String, String> paths = new LinkedHashMap<>();
        String cartSecret;
        String orderSecret;
        String shopperToken;
        String throwaway;
        /** Holds a storefront placed: its signed-in shopper's, and (in one world only) an anonymous one's. */
        String shopperHold;
        String storefrontHold;

        World build() {
            shop.network();
            shop.catalogue();
            shop.integration();
            paths.putAll(shop.paths);
            throwaway = admin.post("/api/v1/customers", Map.of("identities", List.of(Map.of("kind", "EMAIL", "value",
                    ApiTest.uniqueCode("gone").toLowerCase() + "@example.fr", "verified", false)))).json().path("profile")
                    .path("id").asString();
            Api storefront = as(shop.storefrontKey);
            String email = ApiTest.uniqueCode("shopper").toLowerCase() + "@example.fr";
            storefront.post("/api/v1/shopper/sign-in-codes", Map.of("email", email));
            await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(email).isEmpty());
            shopperToken = storefront.post("/api/v1/shopper/sessions", Map.of("email", email, "code",
                    TestMail.lastCode(email))).json().path("token").asString();
            Api shopper = as(shopperToken);
            customer = shopper.get("/api/v1/shopper/me").json().path("id").asString();
            this.email = email;
            // The shopper's order: collected at the world's store, so that the store's keys see it too.
            JsonNode ordered = cart(shopper, true);
            orderSecret = ordered.path("secret").asString();
            String orderId = ordered.path("id").asString();
            JsonNode cart = cart(shopper, false);
            cartSecret = cart.path("secret").asString();
            var payment = admin.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "TEST", "token",
                    "t"));
            var hold = admin.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", shop.web,
                    "reference", customer, "expiresAt", Instant.now().plusSeconds(3600).toString(), "lines",
                    List.of(Map.of("locationCode", shop.store, "sku", shop.sku, "quantity", 1))));
            shopperHold = shopper.post("/api/v1/inventory/holds", storefrontHold(UUID.randomUUID().toString()))
                    .json().path("id").asString();
            paths.put("/api/v1/carts/{id}", cart.path("id").asString());
            paths.put("/api/v1/carts/{id}/lines/{sku}", shop.sku);
            paths.put("/api/v1/carts/{id}/groups/{group}", "main");
            paths.put("/api/v1/carts/{id}/codes/{code}", "NONE");
            paths.put("/api/v1/orders/{id}", orderId);
            paths.put("/api/v1/orders/{id}/payments/{paymentId}", payment.json().path("id").asString());
            paths.put("/api/v1/fulfilment/routing/{orderId}", orderId);
            paths.put("/api/v1/inventory/holds/{id}", hold.json().path("id").asString());
            paths.put("/api/v1/customers/{id}", customer);
            paths.put("/api/v1/loyalty/members/{customerId}", customer);
            var work = admin.get("/api/v1/fulfilment/orders?location=" + shop.store).json().path("items");
            work.forEach(f -> {
                if (f.path("orderId").asString().equals(orderId)) {
                    paths.put("/api/v1/fulfilment/orders/{id}", f.path("id").asString());
                }
            });
            paths.put("/api/v1/returns/{id}", openReturn());
            paths.put("/api/v1/service/conversations/{id}", conversation(customer));
            return this;
        }

        Map<String, Object> storefrontHold(String cart) {
            return Map.of("kind", "CART", "channelCode", shop.web, "reference", cart, "lines",
                    List.of(Map.of("locationCode", shop.store, "sku", shop.sku, "quantity", 1)));
        }

        String customer;
        String email;

        /** Body values: the world's store and channel, and its shopper as the customer. */
        Map<String, Object> fields() {
            Map<String, Object> fields = shop.fieldValues();
            fields.put("customerRef", customer);
            fields.put("customerId", customer);
            fields.put("email", email);
            fields.put("orderId", paths.get("/api/v1/orders/{id}"));
            fields.put("cartId", paths.get("/api/v1/carts/{id}"));
            fields.put("sku", shop.sku);
            return fields;
        }

        /** The hold this caller would call its own in this world. */
        String holdFor(Caller caller) {
            if (caller.role() != Role.STOREFRONT) {
                return paths.get("/api/v1/inventory/holds/{id}");
            }
            String placed = caller.shopper() ? shopperHold : storefrontHold;
            return placed != null ? placed : paths.get("/api/v1/inventory/holds/{id}");
        }

        /** A new cart of the world's shopper, so that what one operation did to the last one does not count. */
        void freshCart() {
            JsonNode cart = cart(as(shopperToken), false);
            cartSecret = cart.path("secret").asString();
            paths.put("/api/v1/carts/{id}", cart.path("id").asString());
        }

        private JsonNode cart(Api shopper, boolean order) {
            var cart = shopper.post("/api/v1/carts", Map.of()).json();
            String id = cart.path("id").asString();
            shopper.post("/api/v1/carts/" + id + "/lines", Map.of("sku", shop.sku, "quantity", 1));
            shopper.put("/api/v1/carts/" + id + "/groups/main", Map.of("method", "CLICK_AND_COLLECT",
                    "locationCode", shop.store));
            if (!order) {
                return cart;
            }
            var placed = shopper.post("/api/v1/carts/" + id + "/order", null);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            return placed.json();
        }

        /** A return brought to the world's store, of a delivered order. */
        private String openReturn() {
            var order = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                    "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", List.of(Map.of("sku",
                    shop.sku, "quantity", 2)))).json().path("id").asString();
            admin.post("/api/v1/orders/" + order + "/payments", Map.of("provider", "TEST", "token", "t"));
            for (String status : List.of("IN_FULFILMENT", "SHIPPED", "DELIVERED")) {
                admin.post("/api/v1/orders/" + order + "/status", Map.of("status", status));
            }
            var opened = admin.post("/api/v1/returns", Map.of("orderId", order, "method", "IN_STORE", "locationCode",
                    shop.store, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE"))));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            paths.put("/api/v1/returns/by-code/{code}", opened.json().path("returnRequest").path("code").asString());
            return opened.json().path("returnRequest").path("id").asString();
        }

        /** A conversation of the world's store (its in-store inbox). */
        private String conversation(String customer) {
            String team = ApiTest.uniqueCode("care").toLowerCase();
            admin.put("/api/v1/service/teams/" + team, Map.of("name", "Care", "timeZone", "Europe/Paris",
                    "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
            String inbox = ApiTest.uniqueCode("IN");
            admin.put("/api/v1/service/inboxes/" + inbox, Map.of("name", "store", "channel", "IN_STORE", "teamCode",
                    team, "salesChannel", shop.web, "locationCode", shop.store));
            paths.put("/api/v1/service/teams/{code}", team);
            paths.put("/api/v1/service/inboxes/{code}", inbox);
            return admin.post("/api/v1/service/messages", Map.of("inbox", inbox, "customerId", customer, "body",
                    "Bonjour")).json().path("conversationId").asString();
        }
    }

    private List<Caller> callers(World world) {
        List<Caller> callers = new ArrayList<>();
        // The storefront's first: the back office's calls may change what its secrets open (a handover).
        callers.add(new Caller("storefront", Role.STOREFRONT, false, false, world.shop.storefrontKey));
        callers.add(new Caller("shopper", Role.STOREFRONT, false, true, world.shopperToken));
        for (Role role : BACK) {
            callers.add(new Caller(role.name(), role, false, false, keyFor(role)));
            callers.add(new Caller(role.name() + "@store", role, true, false, scopedKey(world.shop.store, role)));
        }
        return callers;
    }

    /** Whether the caller is bound to its world for resources of this kind. */
    private static boolean bound(Caller caller, Owner owner) {
        return switch (owner) {
            case NONE, SHOPPER -> false;
            case LOCATION -> caller.scoped();
            case ORDER, HOLD -> caller.scoped() || caller.role() == Role.STOREFRONT;
            case CART, CHANNEL -> caller.role() == Role.STOREFRONT;
        };
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRuleSaysOnItsOwnAndOnAnothersResources() {
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_authz"), Map.of("spring.mail.host",
                "localhost", "spring.mail.port", String.valueOf(TestMail.port())))) {
            admin = platform.admin();
            port = platform.port();
            callEveryOperation();
        }
    }

    private Api as(String key) {
        return admin.as(key);
    }

    private String keyFor(Role role) {
        return keys.computeIfAbsent(role.name(), r -> key(role, null));
    }

    private String scopedKey(String location, Role role) {
        return key(role, location);
    }

    private String key(Role role, String location) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "authz " + role, "roles", List.of(role.name())));
        if (location != null) {
            body.put("locationCode", location);
        }
        var created = admin.post("/api/v1/api-keys", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asString();
    }

    private void callEveryOperation() {
        JsonNode document = admin.get("/v3/api-docs").json();
        List<String> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().propertyNames()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).as("operations this test has no rule for").allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules of operations the document no longer has").allMatch(operations::contains);
        // Signing out ends the session the other operations use: last.
        operations.sort((a, b) -> Boolean.compare(a.contains("/sessions/current"), b.contains("/sessions/current")));

        World mine = new World().build();
        World theirs = new World().build();
        // An anonymous shopper's hold is theirs by address: all callers here share one, so one world has it
        // (and the holds one address may place are few).
        var anonymous = as(mine.shop.storefrontKey).post("/api/v1/inventory/holds",
                mine.storefrontHold(mine.paths.get("/api/v1/carts/{id}")));
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(201);
        mine.storefrontHold = anonymous.json().path("id").asString();
        samples = new OpenApiFuzzer(port, document, 29, p -> null, mine.fields(), id -> List.of(), Map.of());
        bodies(mine);
        List<Caller> callers = callers(mine);
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (String operation : operations) {
            Rule rule = RULES.get(operation);
            if (rule.owner() == Owner.CART) {
                mine.freshCart();
                theirs.freshCart();
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            for (Caller caller : callers) {
                for (World world : rule.owner() == Owner.NONE || rule.owner() == Owner.SHOPPER ? List.of(mine)
                        : List.of(mine, theirs)) {
                    Map<String, String> values = pathValues(template, caller, world, mine);
                    Api.Response answer = call(method, template, values, caller, mine);
                    calls++;
                    if (operation.equals("POST /api/v1/inventory/holds") && answer.status() == 201) {
                        as(caller.key()).post("/api/v1/inventory/holds/" + answer.json().path("id").asString()
                                + "/release", null); // a storefront's holds are few: give it back
                    }
                    String owned = values.isEmpty() ? null : values.values().iterator().next();
                    String why = expectation(rule, caller, world == mine, answer, owned);
                    if (why != null) {
                        mismatches.add(caller.name() + " " + operation + (world == mine ? " (own)" : " (another's)")
                                + " -> " + answer.status() + " " + answer.problem() + ": " + why);
                    }
                }
            }
        }
        // A storefront's holds are bounded per address, which all tests share: give them back.
        as(mine.shop.storefrontKey).post("/api/v1/inventory/holds/" + mine.storefrontHold + "/release", null);
        for (World world : List.of(mine, theirs)) {
            as(world.shopperToken).post("/api/v1/inventory/holds/" + world.shopperHold + "/release", null);
        }
        System.out.printf("AUTHORIZATION operations=%d callers=%d calls=%d mismatches=%d%n", operations.size(),
                callers.size(), calls, mismatches.size());
        assertThat(mismatches).isEmpty();
    }

    /** Null when the answer is what the rule says, else what was expected. */
    private static String expectation(Rule rule, Caller caller, boolean own, Api.Response answer, String owned) {
        int status = answer.status();
        boolean roleAllowed = rule.roles().contains(caller.role())
                && !(rule.signedIn() && caller.role() == Role.STOREFRONT && !caller.shopper());
        if (!roleAllowed) {
            boolean absent = !own && status == 404 && rule.owner() != Owner.NONE; // another's looks absent first
            return status == 403 || status == 401 && caller.shopper() || absent ? null : "should be refused (403)";
        }
        if (status == 401) {
            return "an allowed caller was not authenticated";
        }
        if (!own && bound(caller, rule.owner())) {
            return status == 403 || status == 404 ? null : "another's resource should look absent or be refused";
        }
        if (status == 403) {
            return "an allowed caller was refused";
        }
        // Not found, of the resource the path names (not of one its body names, or a line of it).
        if (own && rule.owner() != Owner.NONE && status == 404 && answer.problem().equals("not-found")
                && owned != null && answer.json().path("detail").asString("").contains(owned)) {
            return "an allowed caller could not reach its own resource";
        }
        return null;
    }

    /** The path's parameters in the order they come, valued for this caller in this world. */
    private static Map<String, String> pathValues(String template, Caller caller, World world, World mine) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : params(template)) {
            String upTo = template.substring(0, template.indexOf("{" + param + "}") + param.length() + 2);
            String value = world.paths.get(upTo);
            if (upTo.equals("/api/v1/inventory/holds/{id}")) {
                value = world.holdFor(caller);
            }
            if (template.endsWith("/erasure")) {
                value = world.throwaway; // erasing the world's shopper would end the other calls
            }
            if (value == null) {
                value = mine.paths.getOrDefault(upTo, param.toLowerCase().endsWith("id") ? UUID.randomUUID().toString()
                        : "NO-SUCH");
            }
            values.put(param, value);
        }
        return values;
    }

    private Api.Response call(String method, String template, Map<String, String> values, Caller caller, World mine) {
        String path = template;
        for (var value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + caller.key());
        headers.put("If-Match", "*");
        // A storefront presents its own shopper's secrets, whichever world's resource it asks for.
        if (caller.role() == Role.STOREFRONT && !caller.shopper()) {
            headers.put("Cart-Secret", mine.cartSecret);
            headers.put("Order-Secret", mine.orderSecret);
        }
        // A body that passes validation, so that what answers is the check of who may do this to what.
        OpenApiFuzzer.Sample sample = samples.sample(method + " " + template);
        Object given = bodies.get(method + " " + template);
        byte[] body = null;
        if (given != null) {
            headers.put("Content-Type", "application/json");
            body = Api.JSON.writeValueAsBytes(given);
        } else if (sample != null) {
            headers.put("Content-Type", sample.contentType());
            body = sample.body();
        }
        return RawHttp.send(port, method, path, headers, body);
    }

    private static List<String> params(String template) {
        List<String> params = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            params.add(m.group(1));
        }
        return params;
    }
}
