package org.comptoir.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Retailer;
import org.junit.jupiter.api.Test;

/**
 * The shears an agent kept for the customer become the store's sale in one call, with the gloves she
 * adds at the till: the kept unit goes from her hold to the order without ever being free for another
 * (the till once had to release the hold and place a new order, the unit free in between).
 */
class HoldSaleTest extends ApiTest {

    @Test
    void aPersonsHoldBecomesTheTillSaleWithTheGlovesAddedInOneCall() {
        Retailer shop = new Retailer(admin, ApiTest::uniqueCode);
        shop.network();
        shop.catalogue();
        String gloves = unique("GNT");
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(shop.web,
                shop.till), gloves)).status()).isEqualTo(201);
        admin.put("/api/v1/pricing/price-lists/" + shop.priceList + "/prices", Map.of("prices", List.of(
                Map.of("sku", shop.sku, "amount", 2490), Map.of("sku", gloves, "amount", 1290))));
        String store = location("ST", "STORE", 48.83, 2.24, "CLICK_AND_COLLECT");
        var channel = admin.get("/api/v1/channels/" + shop.till).json();
        admin.with("If-Match", "*").put("/api/v1/channels/" + shop.till, Map.of("name", channel.path("name")
                .asString(), "type", "STORE", "currency", "EUR", "locationCodes", List.of(shop.store, store)));
        receive(store, shop.sku, 1);
        receive(store, gloves, 3);

        var kept = as(keyFor(Role.AGENT)).post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode",
                shop.till, "reference", "claire", "expiresAt", Instant.now().plusSeconds(86_400).toString(), "lines",
                List.of(Map.of("locationCode", store, "sku", shop.sku, "quantity", 1))));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        String hold = kept.json().path("id").asString();
        Map<String, Object> sale = Map.of("channelCode", shop.till, "holdId", hold, "groups", List.of(Map.of("code",
                "till", "method", "CARRY_OUT", "locationCode", store)), "lines", List.of(Map.of("sku", shop.sku,
                "quantity", 1), Map.of("sku", gloves, "quantity", 1)));

        Api otherStore = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        assertThat(otherStore.post("/api/v1/orders", sale).status()).as("another store's key").isIn(403, 404);
        assertThat(as(shop.storefrontKey).post("/api/v1/orders", sale).status()).isEqualTo(403);

        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        var ordered = associate.post("/api/v1/orders", sale);
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        String order = ordered.json().path("id").asString();
        assertThat(admin.get("/api/v1/inventory/holds/" + hold).json().path("status").asString()).isEqualTo("RELEASED");
        var balance = admin.get("/api/v1/inventory/balances/" + store + "/" + shop.sku).json();
        assertThat(balance.path("reserved").asInt()).as("the unit is the order's now").isEqualTo(1);
        assertThat(associate.post("/api/v1/orders/" + order + "/payments", Map.of("provider", "CASH")).status())
                .isEqualTo(201);
        assertThat(admin.get("/api/v1/orders/" + order).json().path("status").asString()).isEqualTo("COLLECTED");
        assertThat(admin.get("/api/v1/inventory/balances/" + store + "/" + shop.sku).json().path("onHand").asInt())
                .isZero();
        assertThat(associate.post("/api/v1/orders", sale).status()).as("a hold is taken over once").isEqualTo(409);
    }
}
