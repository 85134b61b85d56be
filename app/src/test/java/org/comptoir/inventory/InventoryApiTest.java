package org.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InventoryApiTest extends ApiTest {

    @Autowired
    private Inventory inventory;

    private String storeA;
    private String storeB;
    private String warehouse;
    private String web;
    private String sku;
    private String otherSku;

    @BeforeEach
    void network() {
        storeA = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(storeA, 48.8397, 2.2399));   // Boulogne, 8 km
        storeB = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(storeB, 48.8049, 2.1204));   // Versailles, 17.6 km
        warehouse = unique("WH");
        var wh = Fixtures.store(warehouse, 48.7469, 2.3513);
        wh.put("type", "WAREHOUSE");
        wh.put("capabilities", List.of("SHIPS_PARCELS"));
        admin.post("/api/v1/locations", wh);
        web = unique("WEB");
        admin.post("/api/v1/channels", Fixtures.channel(web, List.of(storeA, storeB, warehouse)));
        sku = unique("SEC");
        otherSku = unique("GNT");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + sku, List.of(web), sku));
        admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + otherSku, List.of(web), otherSku));
    }

    private Api.Response move(String location, String itemSku, String kind, int quantity, String reference) {
        return admin.post("/api/v1/inventory/movements", Map.of("locationCode", location, "sku", itemSku, "kind", kind,
                "quantity", quantity, "reference", reference));
    }

    private JsonNode balance(String location, String itemSku) {
        return admin.get("/api/v1/inventory/balances/" + location + "/" + itemSku).json();
    }

    private Api.Response hold(String channel, List<Map<String, Object>> lines) {
        return admin.post("/api/v1/inventory/holds", Map.of("kind", "CART", "channelCode", channel, "lines", lines));
    }

    private static Map<String, Object> line(String location, String itemSku, int quantity) {
        return Map.of("locationCode", location, "sku", itemSku, "quantity", quantity);
    }

    /**
     * {@code sku}: 10 units at store A, 2 of them safety stock; 4 at store B; 50 at a store the channel
     * does not sell from.
     */
    private void stockAtBothStoresAndOutsideTheChannel() {
        move(storeA, sku, "RECEIPT", 10, "PO-8");
        move(storeB, sku, "RECEIPT", 4, "PO-9");
        String outsider = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(outsider, 48.86, 2.35));
        move(outsider, sku, "RECEIPT", 50, "PO-10");
        admin.put("/api/v1/inventory/balances/" + storeA + "/" + sku + "/settings", Map.of("safetyStock", 2));
    }

    @Test
    void movementsAreLedgerLinesAndAReplayChangesNothing() {
        var first = move(storeA, sku, "RECEIPT", 10, "PO-1");
        assertThat(first.status()).isEqualTo(201);
        var replay = move(storeA, sku, "RECEIPT", 10, "PO-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(10);

        assertThat(move(storeA, sku, "RECEIPT", 7, "PO-1").problem()).isEqualTo("reference-reused");
        assertThat(move(storeA, sku, "DAMAGE", 2, "DMG-1").status()).isEqualTo(201);
        assertThat(move(storeA, sku, "ADJUSTMENT", -3, "ADJ-1").json().path("onHandAfter").asInt()).isEqualTo(5);
        var tooMuch = move(storeA, sku, "SALE", 6, "TILL-1");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.problem()).isEqualTo("negative-stock");
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(5);

        var history = admin.get("/api/v1/inventory/movements?sku=" + sku + "&locationCode=" + storeA).json()
                .path("items");
        assertThat(history.valueStream().map(m -> m.path("kind").asString()))
                .containsExactly("RECEIPT", "DAMAGE", "ADJUSTMENT");
        assertThat(history.valueStream().mapToInt(m -> m.path("quantity").asInt()).sum()).isEqualTo(5);
    }

    @Test
    void aStaleAbsoluteUpdateCannotEraseSalesMadeMeanwhile() {
        move(storeA, sku, "RECEIPT", 12, "PO-2");
        move(storeA, sku, "SALE", 2, "TILL-2");
        // The ERP saw 12 before the sales and pushes 15: refused, on hand stays 10.
        var stale = admin.put("/api/v1/inventory/balances/" + storeA + "/" + sku + "/on-hand",
                Map.of("expectedOnHand", 12, "onHand", 15, "reference", "ERP-1"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problem()).isEqualTo("stale-quantity");
        assertThat(stale.json().path("onHand").asInt()).isEqualTo(10);
        var fresh = admin.put("/api/v1/inventory/balances/" + storeA + "/" + sku + "/on-hand",
                Map.of("expectedOnHand", 10, "onHand", 15, "reference", "ERP-2"));
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.json().path("quantity").asInt()).isEqualTo(5);
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(15);
    }

    @Test
    void aCycleCountBecomesACountCorrection() {
        move(storeA, sku, "RECEIPT", 9, "PO-3");
        var count = admin.post("/api/v1/inventory/counts", Map.of("locationCode", storeA, "sku", sku, "counted", 7,
                "reference", "COUNT-1"));
        assertThat(count.status()).isEqualTo(201);
        assertThat(count.json().path("kind").asString()).isEqualTo("COUNT_CORRECTION");
        assertThat(count.json().path("quantity").asInt()).isEqualTo(-2);
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(7);
    }

    @Test
    void holdsAreAllOrNothingAndSumDemandPerSkuAndLocation() {
        move(storeA, sku, "RECEIPT", 3, "PO-4");
        move(storeA, otherSku, "RECEIPT", 5, "PO-5");
        // 2 + 2 of the same SKU at the same place is 4 > 3: refused as a whole.
        var refused = hold(web, List.of(line(storeA, otherSku, 1), line(storeA, sku, 2), line(storeA, sku, 2)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("out-of-stock");
        assertThat(refused.json().path("sku").asString()).isEqualTo(sku);
        assertThat(refused.json().path("available").asInt()).isEqualTo(3);
        assertThat(refused.json().path("requested").asInt()).isEqualTo(4);
        assertThat(balance(storeA, otherSku).path("reserved").asInt()).isZero();

        var held = hold(web, List.of(line(storeA, sku, 1), line(storeA, sku, 2), line(storeA, otherSku, 1)));
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.json().path("lines").size()).isEqualTo(2);
        assertThat(balance(storeA, sku).path("reserved").asInt()).isEqualTo(3);
        assertThat(balance(storeA, sku).path("available").asInt()).isZero();
        assertThat(hold(web, List.of(line(storeA, sku, 1))).status()).isEqualTo(409);
    }

    @Test
    void aConfirmedHoldIsASaleAndAReleasedOneGivesItsStockBack() {
        move(storeA, sku, "RECEIPT", 5, "PO-6");
        String confirmed = hold(web, List.of(line(storeA, sku, 2))).json().path("id").asString();
        var sale = admin.post("/api/v1/inventory/holds/" + confirmed + "/confirm", null);
        assertThat(sale.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(admin.post("/api/v1/inventory/holds/" + confirmed + "/confirm", null).status()).isEqualTo(200);
        var afterSale = balance(storeA, sku);
        assertThat(afterSale.path("onHand").asInt()).isEqualTo(3);
        assertThat(afterSale.path("reserved").asInt()).isZero();
        assertThat(admin.get("/api/v1/inventory/movements?sku=" + sku).json().path("items").valueStream()
                .map(m -> m.path("kind").asString())).contains("SALE");

        String released = hold(web, List.of(line(storeA, sku, 3))).json().path("id").asString();
        assertThat(balance(storeA, sku).path("available").asInt()).isZero();
        assertThat(admin.post("/api/v1/inventory/holds/" + released + "/release", null).json().path("status")
                .asString()).isEqualTo("RELEASED");
        assertThat(balance(storeA, sku).path("available").asInt()).isEqualTo(3);
        var late = admin.post("/api/v1/inventory/holds/" + released + "/confirm", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("hold-not-active");
    }

    @Test
    void anExpiredHoldReturnsItsStockToTheStore() {
        move(storeA, sku, "RECEIPT", 2, "PO-7");
        var held = admin.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", web,
                "reference", "chat-42", "note", "for Mrs Martin, tomorrow",
                "expiresAt", Instant.now().plusSeconds(1).toString(), "lines", List.of(line(storeA, sku, 2))));
        assertThat(held.status()).isEqualTo(201);
        String id = held.json().path("id").asString();
        assertThat(balance(storeA, sku).path("available").asInt()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("/api/v1/inventory/holds/" + id).json().path("status").asString().equals("EXPIRED"));
        assertThat(balance(storeA, sku).path("available").asInt()).isEqualTo(2);
        assertThat(balance(storeA, sku).path("reserved").asInt()).isZero();
    }

    @Test
    void availabilityHonoursSafetyStockBuffersAndTheChannelsLocations() {
        stockAtBothStoresAndOutsideTheChannel();

        var forWeb = admin.get("/api/v1/inventory/availability/" + sku + "?channel=" + web).json();
        assertThat(forWeb.path("networkAvailable").asInt()).isEqualTo(8 + 4);
        assertThat(forWeb.path("locations").valueStream().map(l -> l.path("locationCode").asString()))
                .containsExactlyInAnyOrder(storeA, storeB);
        assertThat(forWeb.path("locations").path(0).has("openNow")).isTrue();

        var everything = admin.get("/api/v1/inventory/availability/" + sku).json();
        assertThat(everything.path("networkAvailable").asInt()).isEqualTo(8 + 4 + 50);

        assertThat(admin.put("/api/v1/inventory/channels/" + web + "/buffer", Map.of("quantity", 3)).status())
                .isEqualTo(200);
        var buffered = admin.get("/api/v1/inventory/availability/" + sku + "?channel=" + web).json();
        assertThat(buffered.path("networkAvailable").asInt()).isEqualTo(5 + 1);
        // The buffer also bounds what the channel can hold.
        assertThat(hold(web, List.of(line(storeB, sku, 2))).status()).isEqualTo(409);
        assertThat(hold(web, List.of(line(storeB, sku, 1))).status()).isEqualTo(201);
        admin.put("/api/v1/inventory/channels/" + web + "/buffer", Map.of("quantity", 0));

        var cart = admin.post("/api/v1/inventory/availability", Map.of("channel", web, "skus", List.of(sku, otherSku)));
        assertThat(cart.json().path(sku).path("networkAvailable").asInt()).isEqualTo(8 + 3);
        assertThat(cart.json().path(otherSku).path("networkAvailable").asInt()).isZero();
    }

    @Test
    void routingSeesByLocationWhatCartsSeeBySku() {
        stockAtBothStoresAndOutsideTheChannel();
        move(warehouse, otherSku, "RECEIPT", 7, "PO-32");
        admin.put("/api/v1/inventory/channels/" + web + "/buffer", Map.of("quantity", 1));

        var bySku = inventory.available(web, List.of(sku, otherSku));
        var byLocation = inventory.availableByLocation(web, List.of(sku, otherSku));

        assertThat(bySku).isEqualTo(Map.of(sku, Map.of(storeA, 7, storeB, 3), otherSku, Map.of(warehouse, 6)));
        // The same numbers turned around: no location outside the channel, none with nothing to promise.
        assertThat(byLocation).isEqualTo(Map.of(storeA, Map.of(sku, 7), storeB, Map.of(sku, 3),
                warehouse, Map.of(otherSku, 6)));
        assertThatThrownBy(() -> inventory.availableByLocation(web, List.of(sku, "NO-SUCH-SKU")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(404));
    }

    @Test
    void aRingFenceKeepsUnitsForItsChannelOnly() {
        String marketplace = unique("MKP");
        admin.post("/api/v1/channels", Fixtures.channel(marketplace, List.of(storeA)));
        move(storeA, sku, "RECEIPT", 10, "PO-20");
        var fence = admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + storeA + "/" + sku,
                Map.of("quantity", 4));
        assertThat(fence.status()).as(fence.toString()).isEqualTo(200);

        assertThat(available(web)).isEqualTo(6);
        assertThat(available(marketplace)).isEqualTo(10);
        var greedy = hold(web, List.of(line(storeA, sku, 7)));
        assertThat(greedy.status()).isEqualTo(409);
        assertThat(greedy.json().path("available").asInt()).isEqualTo(6);
        assertThat(hold(web, List.of(line(storeA, sku, 6))).status()).isEqualTo(201);

        // The marketplace's hold draws its fence; others still cannot take what is left of it.
        var mkpHold = hold(marketplace, List.of(line(storeA, sku, 3)));
        assertThat(mkpHold.status()).isEqualTo(201);
        assertThat(mkpHold.json().path("lines").path(0).path("fenced").asInt()).isEqualTo(3);
        assertThat(available(web)).isZero();
        assertThat(available(marketplace)).isEqualTo(1);
        assertThat(hold(web, List.of(line(storeA, sku, 1))).status()).isEqualTo(409);

        admin.post("/api/v1/inventory/holds/" + mkpHold.json().path("id").asString() + "/release", null);
        assertThat(admin.get("/api/v1/inventory/ring-fences?channelCode=" + marketplace).json().path(0)
                .path("remaining").asInt()).isEqualTo(4);
        assertThat(available(marketplace)).isEqualTo(4);
        assertThat(admin.delete("/api/v1/inventory/ring-fences/" + marketplace + "/" + storeA + "/" + sku).status())
                .isEqualTo(204);
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + storeB + "/" + sku,
                Map.of("quantity", 1)).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/" + storeA + "/" + sku,
                Map.of("quantity", -1)).status()).isEqualTo(400);
    }

    @Test
    void aNetworkWideRingFenceKeepsUnitsAcrossTheOwnersLocations() {
        String marketplace = unique("MKP");
        admin.post("/api/v1/channels", Fixtures.channel(marketplace, List.of(storeA, storeB)));
        move(storeA, sku, "RECEIPT", 6, "PO-40");
        move(storeB, sku, "RECEIPT", 4, "PO-41");
        assertThat(admin.put("/api/v1/inventory/ring-fences/" + marketplace + "/*/" + sku, Map.of("quantity", 7))
                .status()).isEqualTo(200);

        assertThat(available(web)).isEqualTo(3);
        assertThat(available(marketplace)).isEqualTo(10);
        // Each store alone has enough, but together they must keep 7 for the marketplace.
        var refused = hold(web, List.of(line(storeA, sku, 4)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("out-of-stock");
        assertThat(refused.json().path("available").asInt()).isEqualTo(3);
        assertThat(balance(storeA, sku).path("reserved").asInt()).isZero();
        assertThat(hold(web, List.of(line(storeA, sku, 2), line(storeB, sku, 1))).status()).isEqualTo(201);
        assertThat(hold(web, List.of(line(storeB, sku, 1))).status()).isEqualTo(409);

        var owner = hold(marketplace, List.of(line(storeB, sku, 3)));
        assertThat(owner.status()).isEqualTo(201);
        assertThat(owner.json().path("lines").path(0).path("networkFenced").asInt()).isEqualTo(3);
        admin.post("/api/v1/inventory/holds/" + owner.json().path("id").asString() + "/release", null);
        assertThat(admin.get("/api/v1/inventory/ring-fences?channelCode=" + marketplace).json().path(0)
                .path("remaining").asInt()).isEqualTo(7);
    }

    @Test
    void aChannelsStockFeedIsFullPagedOrIncrementalInJsonOrCsv() {
        String feedChannel = unique("FEED");
        admin.post("/api/v1/channels", Fixtures.channel(feedChannel, List.of(storeA, storeB)));
        move(storeA, sku, "RECEIPT", 10, "PO-30");
        move(storeB, sku, "RECEIPT", 5, "PO-31");
        move(storeB, otherSku, "RECEIPT", 3, "PO-32");
        admin.put("/api/v1/inventory/channels/" + feedChannel + "/buffer", Map.of("quantity", 1));

        var full = admin.get("/api/v1/inventory/feeds/" + feedChannel).json();
        assertThat(full.path("items").valueStream().map(l -> l.path("sku").asString() + "=" + l.path("quantity")
                .asInt())).containsExactlyInAnyOrder(sku + "=" + (9 + 4), otherSku + "=2");
        String changes = full.path("changesCursor").asString();

        var first = admin.get("/api/v1/inventory/feeds/" + feedChannel + "?limit=1").json();
        assertThat(first.path("items").size()).isEqualTo(1);
        var second = admin.get("/api/v1/inventory/feeds/" + feedChannel + "?limit=1&cursor="
                + first.path("nextCursor").asString()).json();
        assertThat(second.path("items").path(0).path("sku").asString())
                .isNotEqualTo(first.path("items").path(0).path("sku").asString());

        move(storeA, sku, "SALE", 4, "TILL-30");
        var incremental = admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=" + changes).json();
        assertThat(incremental.path("items").valueStream().map(l -> l.path("sku").asString() + "=" + l.path(
                "quantity").asInt())).containsExactly(sku + "=" + (5 + 4));
        // A hold changes no movement and leaves the balance's own change time alone: the feed still
        // sends its SKU again, and the hold's release too.
        String later = incremental.path("changesCursor").asString();
        var held = hold(feedChannel, List.of(line(storeB, otherSku, 2)));
        assertThat(held.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=" + later).json().path("items")
                .valueStream().map(l -> l.path("sku").asString() + "=" + l.path("quantity").asInt()))
                .containsExactly(otherSku + "=0");
        String afterHold = admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=" + later).json()
                .path("changesCursor").asString();
        assertThat(admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=" + afterHold).json()
                .path("items").size()).isZero();
        admin.post("/api/v1/inventory/holds/" + held.json().path("id").asString() + "/release", null);
        assertThat(admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=" + afterHold).json().path("items")
                .valueStream().map(l -> l.path("sku").asString() + "=" + l.path("quantity").asInt()))
                .containsExactly(otherSku + "=2");

        var csv = admin.get("/api/v1/inventory/feeds/" + feedChannel + "?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("sku,quantity\n").contains(sku + ",9").contains(otherSku + ",2");
        assertThat(csv.header("Comptoir-Changes-Cursor")).isNotBlank();
        assertThat(admin.get("/api/v1/inventory/feeds/" + feedChannel + "?since=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inventory/feeds/NO-CHANNEL").status()).isEqualTo(404);
    }

    private int available(String channel) {
        // Fences are read from a snapshot refreshed on change: this node sees them at once.
        return admin.get("/api/v1/inventory/availability/" + sku + "?channel=" + channel).json()
                .path("networkAvailable").asInt();
    }

    @Test
    void nearMeListsPickupStoresWithinTheRadiusNearestFirst() {
        move(storeA, sku, "RECEIPT", 3, "PO-11");
        move(storeB, sku, "RECEIPT", 2, "PO-12");
        move(warehouse, sku, "RECEIPT", 100, "PO-13");
        String notreDame = "latitude=48.8530&longitude=2.3499";
        var within16 = admin.get("/api/v1/inventory/availability/" + sku + "/near?" + notreDame + "&radiusKm=16&channel="
                + web).json().path("locations");
        assertThat(within16.valueStream().map(l -> l.path("locationCode").asString())).containsExactly(storeA);
        assertThat(within16.path(0).path("distanceKm").asDouble()).isBetween(7.5, 8.5);
        var within30 = admin.get("/api/v1/inventory/availability/" + sku + "/near?" + notreDame + "&radiusKm=30&channel="
                + web).json().path("locations");
        // The warehouse is near but cannot hand anything over; stores come nearest first.
        assertThat(within30.valueStream().map(l -> l.path("locationCode").asString()))
                .containsExactly(storeA, storeB);
    }

    @Test
    void aStorefrontSeesItsChannelAndHoldsForCartsOnly() {
        move(storeA, sku, "RECEIPT", 3, "PO-14");
        String key = admin.post("/api/v1/channels/" + web + "/publishable-keys", null).json().path("key").asString();
        Api shop = as(key);
        assertThat(shop.get("/api/v1/inventory/availability/" + sku).json().path("channel").asString()).isEqualTo(web);
        var cart = shop.post("/api/v1/inventory/holds", Map.of("kind", "CART", "reference", unique("cart"), "lines",
                List.of(line(storeA, sku, 1))));
        assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
        assertThat(cart.json().path("channelCode").asString()).isEqualTo(web);
        assertThat(shop.post("/api/v1/inventory/holds/" + cart.json().path("id").asString() + "/release", null)
                .status()).isEqualTo(200);
        assertThat(shop.post("/api/v1/inventory/holds", Map.of("kind", "ORDER", "lines",
                List.of(line(storeA, sku, 1)))).status()).isEqualTo(403);
        assertThat(shop.post("/api/v1/inventory/movements", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aStoreAssociateMovesAndHoldsOnlyInItsStore() {
        Api associate = as(scopedKey(storeA, Role.STORE_ASSOCIATE));
        assertThat(associate.post("/api/v1/inventory/movements", Map.of("locationCode", storeA, "sku", sku,
                "kind", "RECEIPT", "quantity", 4, "reference", "BL-1")).status()).isEqualTo(201);
        assertThat(associate.post("/api/v1/inventory/movements", Map.of("locationCode", storeB, "sku", sku,
                "kind", "RECEIPT", "quantity", 4, "reference", "BL-2")).status()).isEqualTo(404);
        move(storeB, sku, "RECEIPT", 4, "PO-15");
        var elsewhere = associate.post("/api/v1/inventory/holds", Map.of("kind", "PERSON", "channelCode", web,
                "lines", List.of(line(storeB, sku, 1))));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(balance(storeB, sku).path("reserved").asInt()).isZero();
    }

    @Test
    void openingStockCreatesBalancesWithTheirLedgerLinesButNeverOverwrites() {
        var loaded = admin.post("/api/v1/inventory/opening-stock", Map.of("reference", "go-live", "rows", List.of(
                Map.of("locationCode", storeA, "sku", sku, "onHand", 7, "safetyStock", 1),
                Map.of("locationCode", warehouse, "sku", sku, "onHand", 300))));
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
        assertThat(balance(storeA, sku).path("available").asInt()).isEqualTo(6);
        assertThat(admin.get("/api/v1/inventory/movements?sku=" + sku).json().path("items").size()).isEqualTo(2);
        var again = admin.post("/api/v1/inventory/opening-stock", Map.of("reference", "again", "rows", List.of(
                Map.of("locationCode", storeA, "sku", sku, "onHand", 99))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("stock-exists");
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(7);
        assertThat(admin.post("/api/v1/inventory/opening-stock", Map.of("reference", "bad", "rows", List.of(
                Map.of("locationCode", storeB, "sku", "NO-SUCH-SKU", "onHand", 1)))).status()).isEqualTo(400);
    }

    @Test
    void aSoldOutItemSaysWhenItIsBackAndTransfersTravelThroughTheLedger() {
        String nextWeek = java.time.LocalDate.now().plusDays(7).toString();
        var po = admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", sku, "quantity", 40,
                "expectedOn", nextWeek, "reference", "PO-77"));
        assertThat(po.status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", sku, "quantity",
                40, "expectedOn", nextWeek, "reference", "PO-77")).json().path("id").asString())
                .isEqualTo(po.json().path("id").asString());
        // The warehouse had one, and sold it.
        move(warehouse, sku, "RECEIPT", 1, "PO-0");
        move(warehouse, sku, "SALE", 1, "TILL-0");

        var soldOut = admin.get("/api/v1/inventory/availability/" + sku + "?channel=" + web).json();
        assertThat(soldOut.path("networkAvailable").asInt()).isZero();
        assertThat(soldOut.path("backOn").asString()).isEqualTo(nextWeek);
        var atWarehouse = soldOut.path("locations").valueStream()
                .filter(l -> l.path("locationCode").asString().equals(warehouse)).findFirst().orElseThrow();
        assertThat(atWarehouse.path("incoming").asInt()).isEqualTo(40);
        assertThat(atWarehouse.path("backOn").asString()).isEqualTo(nextWeek);

        var received = admin.post("/api/v1/inventory/inbound/" + po.json().path("id").asString() + "/receive", null);
        assertThat(received.json().path("status").asString()).isEqualTo("RECEIVED");
        assertThat(balance(warehouse, sku).path("onHand").asInt()).isEqualTo(40);
        assertThat(admin.get("/api/v1/inventory/availability/" + sku + "?channel=" + web).json().has("backOn"))
                .isFalse();

        // 10 leave the warehouse now and are in transit to store A until received there.
        var transfer = admin.post("/api/v1/inventory/transfers", Map.of("fromLocationCode", warehouse,
                "toLocationCode", storeA, "sku", sku, "quantity", 10, "expectedOn", nextWeek, "reference", "TR-1"));
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        assertThat(balance(warehouse, sku).path("onHand").asInt()).isEqualTo(30);
        assertThat(balance(storeA, sku).path("onHand").asInt()).isZero();
        assertThat(admin.get("/api/v1/inventory/inbound?sku=" + sku + "&status=EXPECTED").json().path("items")
                .path(0).path("kind").asString()).isEqualTo("TRANSFER");
        admin.post("/api/v1/inventory/inbound/" + transfer.json().path("id").asString() + "/receive", null);
        assertThat(balance(storeA, sku).path("onHand").asInt()).isEqualTo(10);
        assertThat(admin.get("/api/v1/inventory/movements?sku=" + sku).json().path("items").valueStream()
                .map(m -> m.path("kind").asString())).contains("TRANSFER_OUT", "TRANSFER_IN");

        var tooMany = admin.post("/api/v1/inventory/transfers", Map.of("fromLocationCode", warehouse,
                "toLocationCode", storeA, "sku", sku, "quantity", 31, "expectedOn", nextWeek, "reference", "TR-2"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(balance(warehouse, sku).path("onHand").asInt()).isEqualTo(30);
        assertThat(admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", sku, "quantity", 0,
                "expectedOn", nextWeek, "reference", "PO-78")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", sku, "quantity", 5,
                "expectedOn", "2001-01-01", "reference", "PO-79")).status()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        move(storeA, sku, "RECEIPT", 5, "PO-16");
        String before = admin.get("/api/v1/inventory/balances/" + storeA + "/" + sku).body();
        assertThat(hold(web, List.of(line(storeA, sku, 0))).status()).isEqualTo(400);
        assertThat(hold(web, List.of(line(storeA, sku, -2))).status()).isEqualTo(400);
        assertThat(hold(web, List.of(line(storeA, "NO-SUCH-SKU", 1))).status()).isEqualTo(400);
        assertThat(hold(web, List.of(line("NOWHERE-1", sku, 1))).status()).isEqualTo(400);
        assertThat(hold("NO-CHANNEL", List.of(line(storeA, sku, 1))).status()).isEqualTo(400);
        assertThat(hold(web, List.of()).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/inventory/holds", Map.of("kind", "CART", "channelCode", web, "expiresAt",
                "2001-01-01T00:00:00Z", "lines", List.of(line(storeA, sku, 1)))).status()).isEqualTo(400);
        assertThat(move(storeA, "NO-SUCH-SKU", "RECEIPT", 1, "X-1").status()).isEqualTo(400);
        assertThat(move("NOWHERE-1", sku, "RECEIPT", 1, "X-2").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/inventory/movements", Map.of("locationCode", storeA, "sku", sku, "kind",
                "STOLEN", "quantity", 1, "reference", "X-3")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/inventory/counts", Map.of("locationCode", storeA, "sku", sku, "counted", -1,
                "reference", "X-4")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inventory/balances/" + storeA + "/" + sku).body()).isEqualTo(before);

        String near = "/api/v1/inventory/availability/" + sku + "/near?";
        assertThat(admin.get(near + "latitude=48.85&longitude=2.35&radiusKm=0").status()).isEqualTo(400);
        assertThat(admin.get(near + "latitude=48.85&longitude=2.35&radiusKm=5000").status()).isEqualTo(400);
        assertThat(admin.get(near + "latitude=91&longitude=2.35").status()).isEqualTo(400);
        assertThat(admin.get(near + "latitude=48.85&longitude=-200").status()).isEqualTo(400);
        assertThat(admin.get(near + "latitude=north&longitude=2").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inventory/availability/NO-SUCH-SKU").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/inventory/availability/" + sku + "?channel=NO-CHANNEL").status())
                .isEqualTo(400);
    }
}
