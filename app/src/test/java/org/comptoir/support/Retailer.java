package org.comptoir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A small retailer made through the API, with one of most things the API has (a store, a warehouse,
 * a web shop and a till, a product with price and stock, a customer with an order, a cart, a return,
 * a hold, a conversation, a webhook…), and the ids of them by the path parameter that names them:
 * what tests that walk every operation of the OpenAPI document need to reach past "not found".
 */
public final class Retailer {

    public static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR");

    private final Api admin;
    private final Function<String, String> unique;
    /** Path template up to a parameter ({@code /api/v1/orders/{id}}) to its value. */
    public final Map<String, String> paths = new HashMap<>();
    /** Body fields and query parameters by name. */
    public final Map<String, Object> fields = new LinkedHashMap<>();

    public String store;
    public String warehouse;
    public String web;
    public String till;
    public String sku;
    public String priceList;
    public String storefrontKey;
    public String customerId;
    public String customerEmail;
    public String orderId;
    public String orderNumber;

    public Retailer(Api admin, Function<String, String> unique) {
        this.admin = admin;
        this.unique = unique;
    }

    private JsonNode ok(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        return answer.json();
    }

    /** Everything, in the order one needs the other. */
    public Retailer build() {
        network();
        catalogue();
        customerAndOrder();
        service();
        integration();
        return this;
    }

    public void network() {
        store = unique.apply("ST");
        var storeBody = Fixtures.store(store, 48.8397, 2.2399);
        storeBody.put("capabilities", List.of("CLICK_AND_COLLECT", "RESERVE_AND_COLLECT", "SHIP_FROM_STORE",
                "ACCEPTS_RETURNS"));
        ok(admin.post("/api/v1/locations", storeBody));
        warehouse = unique.apply("WH");
        var wh = Fixtures.store(warehouse, 48.7469, 2.3513);
        wh.put("type", "WAREHOUSE");
        wh.put("capabilities", List.of("SHIPS_PARCELS"));
        ok(admin.post("/api/v1/locations", wh));
        web = unique.apply("WEB");
        ok(admin.post("/api/v1/channels", Fixtures.channel(web, List.of(store, warehouse))));
        till = unique.apply("TILL");
        var tillBody = Fixtures.channel(till, List.of(store));
        tillBody.put("type", "STORE");
        ok(admin.post("/api/v1/channels", tillBody));
        storefrontKey = ok(admin.post("/api/v1/channels/" + web + "/publishable-keys", null)).path("key").asString();
        // Another key for the operations that revoke one.
        var key = ok(admin.post("/api/v1/channels/" + web + "/publishable-keys", null));
        paths.put("/api/v1/locations/{code}", store);
        paths.put("/api/v1/channels/{code}", web);
        paths.put("/api/v1/channels/{code}/publishable-keys/{id}", key.path("id").asString());
        paths.put("/api/v1/fulfilment/capacities/{locationCode}", store);
        paths.put("/api/v1/inventory/channels/{channelCode}", web);
        paths.put("/api/v1/inventory/feeds/{channelCode}", web);
        paths.put("/api/v1/inventory/ring-fences/{channelCode}", web);
        paths.put("/api/v1/fulfilment/sourcing-rules/{channelCode}", web);
        fields.put("locationCode", store);
        fields.put("location", store);
        fields.put("channelCode", web);
        fields.put("channel", web);
        fields.put("salesChannel", web);
        fields.put("locationCodes", List.of(store, warehouse));
        fields.put("currency", "EUR");
        fields.put("country", "FR");
        fields.put("timeZone", "Europe/Paris");
    }

    public void catalogue() {
        String category = "garden-" + unique.apply("g").toLowerCase();
        ok(admin.post("/api/v1/catalog/categories", Map.of("code", category, "names", Map.of("fr", "Jardin"))));
        sku = unique.apply("SEC");
        String gtin = Fixtures.gtin13();
        var product = Fixtures.product("Sécateur " + sku, List.of(web, till), sku);
        product.put("category", category);
        @SuppressWarnings("unchecked")
        var variant = (Map<String, Object>) ((List<?>) product.get("variants")).getFirst();
        variant.put("gtin", gtin);
        var created = ok(admin.post("/api/v1/catalog/products", product));
        priceList = unique.apply("EUR");
        ok(admin.post("/api/v1/pricing/price-lists", Map.of("code", priceList, "name", "Prix", "currency", "EUR")));
        ok(admin.put("/api/v1/pricing/price-lists/" + priceList + "/prices", Map.of("prices", List.of(
                Map.of("sku", sku, "amount", 2490)))));
        for (String at : List.of(store, warehouse)) {
            ok(admin.post("/api/v1/inventory/movements", Map.of("locationCode", at, "sku", sku, "kind", "RECEIPT",
                    "quantity", 500, "reference", unique.apply("PO"))));
        }
        String promotion = unique.apply("PROMO");
        var promo = admin.post("/api/v1/pricing/promotions", Map.of("code", promotion, "name", "Printemps",
                "kind", "PERCENT_OFF", "percent", 10, "couponRequired", true));
        paths.put("/api/v1/catalog/categories/{code}", category);
        paths.put("/api/v1/catalog/products/{id}", created.path("id").asString());
        paths.put("/api/v1/catalog/products/by-sku/{sku}", sku);
        paths.put("/api/v1/catalog/products/by-gtin/{gtin}", gtin);
        paths.put("/api/v1/pricing/price-lists/{code}", priceList);
        paths.put("/api/v1/pricing/price-lists/{code}/prices/{sku}", sku);
        paths.put("/api/v1/pricing/audit/{sku}", sku);
        paths.put("/api/v1/inventory/availability/{sku}", sku);
        paths.put("/api/v1/inventory/balances/{locationCode}", store);
        paths.put("/api/v1/inventory/balances/{locationCode}/{sku}", sku);
        paths.put("/api/v1/inventory/ring-fences/{channelCode}/{locationCode}", store);
        paths.put("/api/v1/inventory/ring-fences/{channelCode}/{locationCode}/{sku}", sku);
        paths.put("/api/v1/returns/non-returnable/{sku}", sku);
        if (promo.status() == 201) {
            paths.put("/api/v1/pricing/promotions/{code}", promotion);
        }
        paths.put("/api/v1/pricing/tax-rates/{country}", "FR");
        paths.put("/api/v1/pricing/tax-rates/{country}/{taxClass}", "STANDARD");
        paths.put("/api/v1/pricing/delivery-fees/{method}", "HOME_DELIVERY");
        paths.put("/api/v1/pricing/delivery-fees/{method}/{currency}", "EUR");
        fields.put("sku", sku);
        fields.put("gtin", gtin);
        fields.put("category", category);
    }

    public void customerAndOrder() {
        customerEmail = unique.apply("client").toLowerCase() + "@example.fr";
        var customer = ok(admin.post("/api/v1/customers/identify", Map.of("source", "web", "identities",
                List.of(Map.of("kind", "EMAIL", "value", customerEmail, "verified", true)))));
        customerId = customer.path("profile").path("id").asString();
        var order = ok(admin.post("/api/v1/orders", Map.of("channelCode", web, "customerRef", customerId,
                "groups", List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address", PARIS)),
                "lines", List.of(Map.of("sku", sku, "quantity", 1)))));
        orderId = order.path("id").asString();
        orderNumber = order.path("number").asString();
        var payment = admin.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "TEST", "token", "ok"));
        var cart = ok(admin.post("/api/v1/carts", Map.of("channelCode", web)));
        var hold = admin.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", web, "reference",
                customerId, "expiresAt", Instant.now().plusSeconds(3600).toString(), "lines",
                List.of(Map.of("locationCode", store, "sku", sku, "quantity", 1))));
        var inbound = admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", sku,
                "quantity", 5, "expectedOn", java.time.LocalDate.now().plusDays(3).toString(), "reference",
                unique.apply("PO")));
        paths.put("/api/v1/customers/{id}", customerId);
        paths.put("/api/v1/loyalty/members/{customerId}", customerId);
        paths.put("/api/v1/orders/{id}", orderId);
        paths.put("/api/v1/fulfilment/routing/{orderId}", orderId);
        if (payment.status() == 201) {
            paths.put("/api/v1/orders/{id}/payments/{paymentId}", payment.json().path("id").asString());
        }
        paths.put("/api/v1/carts/{id}", cart.path("id").asString());
        paths.put("/api/v1/carts/{id}/lines/{sku}", sku);
        paths.put("/api/v1/carts/{id}/groups/{group}", "main");
        paths.put("/api/v1/carts/{id}/codes/{code}", "PRINTEMPS");
        if (hold.status() == 201) {
            paths.put("/api/v1/inventory/holds/{id}", hold.json().path("id").asString());
        }
        if (inbound.status() == 201) {
            paths.put("/api/v1/inventory/inbound/{id}", inbound.json().path("id").asString());
        }
        var work = admin.get("/api/v1/fulfilment/orders?limit=200").json().path("items");
        for (JsonNode f : work) {
            if (f.path("orderId").asString().equals(orderId)) {
                paths.put("/api/v1/fulfilment/orders/{id}", f.path("id").asString());
            }
        }
        fields.put("customerRef", customerId);
        fields.put("customerId", customerId);
        fields.put("orderId", orderId);
        fields.put("orderNumber", orderNumber);
        fields.put("cartId", cart.path("id").asString());
        fields.put("email", customerEmail);
    }

    public void service() {
        String team = unique.apply("care").toLowerCase();
        ok(admin.put("/api/v1/service/teams/" + team, Map.of("name", "Care", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 3600, "resolutionSeconds", 86_400)));
        String inbox = unique.apply("IN");
        ok(admin.put("/api/v1/service/inboxes/" + inbox, Map.of("name", "chat", "channel", "WEB_CHAT", "bot", true,
                "teamCode", team, "salesChannel", web)));
        var message = ok(admin.post("/api/v1/service/messages", Map.of("inbox", inbox, "from", Map.of("kind",
                "EMAIL", "value", customerEmail), "body", "Bonjour, où est ma commande ?")));
        String canned = unique.apply("canned").toLowerCase();
        admin.put("/api/v1/service/canned-replies/" + canned, Map.of("title", "Merci", "body", "Merci {{name}}"));
        paths.put("/api/v1/service/teams/{code}", team);
        paths.put("/api/v1/service/inboxes/{code}", inbox);
        paths.put("/api/v1/service/canned-replies/{code}", canned);
        paths.put("/api/v1/service/conversations/{id}", message.path("conversationId").asString());
        fields.put("inbox", inbox);
        fields.put("teamCode", team);
        fields.put("conversationId", message.path("conversationId").asString());
    }

    public void integration() {
        var hook = admin.post("/api/v1/webhooks", Map.of("url", "http://localhost:9/hook", "eventTypes",
                List.of("catalog.*")));
        if (hook.status() == 201) {
            paths.put("/api/v1/webhooks/{id}", hook.json().path("id").asString());
        }
        var key = ok(admin.post("/api/v1/api-keys", Map.of("name", "throwaway", "roles", List.of("ANALYST"))));
        paths.put("/api/v1/api-keys/{id}", key.path("id").asString());
        String segment = unique.apply("seg").toLowerCase();
        admin.post("/api/v1/segments", Map.of("code", segment, "name", "Parisiens", "condition",
                Map.of("attribute", "language", "op", "eq", "value", "fr")));
        paths.put("/api/v1/segments/{code}", segment);
        var job = admin.send("POST", "/api/v1/catalog/imports", "sku,name_fr\n" + sku + ",Sécateur\n", "text/csv");
        if (job.status() == 202) {
            paths.put("/api/v1/catalog/imports/{id}", job.json().path("id").asString());
        }
    }

    /** The fields as a mutable copy, for callers that add their own. */
    public Map<String, Object> fieldValues() {
        return new LinkedHashMap<>(fields);
    }
}
