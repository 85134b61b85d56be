package org.comptoir.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import tools.jackson.databind.JsonNode;

/** A small retailer for the customer tests: a store, web and till channels, garden shears with a price. */
public final class CustomerFixture {

    public final String store;
    final String web;
    public final String till;
    final String shears;
    final String category;
    private final Api admin;

    public CustomerFixture(Api admin, java.util.function.Function<String, String> unique) {
        this.admin = admin;
        store = unique.apply("ST");
        var storeBody = Fixtures.store(store, 48.8566, 2.3522);
        storeBody.put("capabilities", List.of("CLICK_AND_COLLECT", "SHIP_FROM_STORE", "ACCEPTS_RETURNS"));
        assertThat(admin.post("/api/v1/locations", storeBody).status()).isEqualTo(201);
        web = channel(unique.apply("WEB"), "WEB");
        till = channel(unique.apply("TILL"), "STORE");
        category = "garden-" + unique.apply("g").toLowerCase();
        admin.post("/api/v1/catalog/categories", Map.of("code", category, "names", Map.of("fr", "Jardin")));
        shears = unique.apply("SEC");
        var product = Fixtures.product("Sécateur " + shears, List.of(web, till), shears);
        product.put("category", category);
        assertThat(admin.post("/api/v1/catalog/products", product).status()).isEqualTo(201);
        String list = unique.apply("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", shears, "amount", 2490))));
        admin.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", shears, "kind", "RECEIPT",
                "quantity", 100, "reference", unique.apply("PO")));
    }

    private String channel(String code, String type) {
        var body = Fixtures.channel(code, List.of(store));
        body.put("type", type);
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(201);
        return code;
    }

    /** A till sale of the shears paid in cash (handed over at once) under a customer reference. */
    public JsonNode tillSale(Api associate, String customerRef, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelCode", till);
        if (customerRef != null) {
            body.put("customerRef", customerRef);
        }
        body.put("groups", List.of(Map.of("code", "till", "method", "CARRY_OUT", "locationCode", store)));
        body.put("lines", List.of(Map.of("sku", shears, "quantity", quantity)));
        var sale = associate.post("/api/v1/orders", body);
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        String id = sale.json().path("id").asString();
        var cash = associate.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "CASH"));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        return admin.get("/api/v1/orders/" + id).json();
    }

    static Map<String, Object> identity(String kind, String value, boolean verified) {
        return Map.of("kind", kind, "value", value, "verified", verified);
    }

    static Map<String, Object> identify(String source, List<Map<String, Object>> identities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("identities", new ArrayList<>(identities));
        return body;
    }
}
