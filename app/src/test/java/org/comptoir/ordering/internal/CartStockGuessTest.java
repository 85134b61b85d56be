package org.comptoir.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.inventory.Inventory;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A cart change reads the stock of the SKUs this node last saw on the cart in its own round trip, with
 * no read of its own after it; the cart as it reads back decides whether that read answers it, and a
 * wrong guess is read again, so it never shows. (A context of its own: the inventory is spied.)
 */
class CartStockGuessTest extends ApiTest {

    private static final Map<String, Object> PARIS = Map.of("line1", "12 rue de Rivoli", "postalCode", "75004",
            "city", "Paris", "country", "FR");

    @Autowired
    LastSeenCarts lastSeen;
    /** Spied to tell a stock read of its own (a second round trip) from one sent with the change. */
    @MockitoSpyBean
    Inventory inventory;
    @Autowired
    CartRepository repository;

    @Test
    void whatACartCannotHaveIsCurrentWhetherTheGuessOfItsSkusHitsOrMisses() {
        String warehouse = location("WH", "WAREHOUSE", 48.7469, 2.3513, "SHIPS_PARCELS");
        String web = channel(warehouse);
        String other = channel(warehouse);
        String shears = unique("SEC");
        String gloves = unique("GNT");
        String rake = unique("RAT");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + shears, List.of(web, other), shears));
        admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(web, other), gloves));
        admin.post("/api/v1/catalog/products", Fixtures.product("Râteau " + rake, List.of(web, other), rake));
        priceList(Map.of(shears, 2490, gloves, 1290, rake, 1990));
        receive(warehouse, shears, 5);
        receive(warehouse, gloves, 1);
        receive(warehouse, rake, 4);

        String id = admin.post("/api/v1/carts", Map.of("channelCode", web)).json().path("id").asString();
        clearInvocations(inventory);
        assertThat(shortages(line(id, shears, 2))).isEmpty();
        verify(inventory, never()).availableAnywhere(anyString(), anyCollection());
        // Another order takes 4 of the 5 shears: the next change, whose read was guessed, sees it.
        var order = admin.post("/api/v1/orders", Map.of("channelCode", web, "groups", List.of(Map.of("code", "home",
                "method", "HOME_DELIVERY", "address", PARIS)), "lines", List.of(Map.of("sku", shears, "quantity", 4))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        clearInvocations(inventory);
        assertThat(shortages(line(id, gloves, 2))).containsExactly(shears + " 2>1", gloves + " 2>1");
        verify(inventory, never()).availableAnywhere(anyString(), anyCollection());
        assertThat(lastSeen.of(UUID.fromString(id))).isEqualTo(new LastSeenCarts.Seen(web, java.util.Set.of(shears,
                gloves)));

        // A guess missing a SKU of the cart (changed on another node) is not used.
        UUID cart = UUID.fromString(id);
        Cart seen = repository.find(cart).orElseThrow();
        lastSeen.saw(seen.with(seen.groups(), List.of(new Cart.Line(rake, "main", 1))));
        clearInvocations(inventory);
        var grouped = admin.put("/api/v1/carts/" + id + "/groups/main", Map.of("method", "HOME_DELIVERY",
                "address", PARIS));
        assertThat(grouped.status()).as(grouped.toString()).isEqualTo(200);
        assertThat(shortages(grouped.json())).containsExactly(shears + " 2>1", gloves + " 2>1");
        verify(inventory).availableAnywhere(eq(web), anyCollection());

        // Nor one made of the cart on another channel (handed over on another node), which keeps one
        // unit back at each location.
        assertThat(admin.put("/api/v1/inventory/channels/" + other + "/buffer", Map.of("quantity", 1)).status())
                .isEqualTo(200);
        lastSeen.saw(new Cart(cart, other, null, null, "EUR", "FR", List.of(), Cart.Status.OPEN, null, null, 1,
                seen.createdAt(), seen.updatedAt(), List.of(), List.of(new Cart.Line(shears, "main", 2),
                        new Cart.Line(gloves, "main", 2)), 0, null));
        receive(warehouse, gloves, 1);
        clearInvocations(inventory);
        assertThat(shortages(line(id, rake, 1))).containsExactly(shears + " 2>1");
        verify(inventory).availableAnywhere(eq(web), anyCollection());
    }

    private String channel(String warehouse) {
        String code = unique("WEB");
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(code, List.of(warehouse))).status()).isEqualTo(201);
        return code;
    }

    private JsonNode line(String cart, String sku, int quantity) {
        var answer = admin.post("/api/v1/carts/" + cart + "/lines", Map.of("sku", sku, "quantity", quantity));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> shortages(JsonNode cart) {
        return cart.path("unavailable").valueStream().map(s -> s.path("sku").asString() + " "
                + s.path("quantity").asInt() + ">" + s.path("available").asInt()).toList();
    }
}
