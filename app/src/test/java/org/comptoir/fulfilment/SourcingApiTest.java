package org.comptoir.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SourcingApiTest extends ApiTest {

    private String boulogne;
    private String versailles;
    private String lyon;
    private String web;
    private String shears;
    private String gloves;

    @BeforeEach
    void network() {
        boulogne = location("STB", "STORE", 48.8397, 2.2399, "SHIP_FROM_STORE", "CLICK_AND_COLLECT");
        versailles = location("STV", "STORE", 48.8049, 2.1204, "SHIP_FROM_STORE", "CLICK_AND_COLLECT");
        lyon = location("WHL", "WAREHOUSE", 45.7640, 4.8357, "SHIPS_PARCELS");
        web = unique("WEB");
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(web, List.of(boulogne, versailles, lyon)))
                .status()).isEqualTo(201);
        shears = unique("SEC");
        gloves = unique("GNT");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + shears, List.of(), shears));
        admin.post("/api/v1/catalog/products", Fixtures.product("Gants " + gloves, List.of(), gloves));
        receive(boulogne, shears, 3);
        receive(versailles, gloves, 4);
        receive(lyon, shears, 50);
        receive(lyon, gloves, 50);
        // Only distance counts for this channel's home deliveries.
        assertThat(admin.put("/api/v1/fulfilment/sourcing-rules/" + web + "/HOME_DELIVERY", rule(3, null, 0, 100, 0))
                .status()).isEqualTo(200);
    }

    private static Map<String, Object> rule(int maxLocations, Integer maxDistanceKm, int minStoreStock,
            int weightDistance, int weightCost) {
        var rule = new java.util.HashMap<String, Object>(Map.of("maxLocations", maxLocations, "minStoreStock",
                minStoreStock, "weightDistance", weightDistance, "weightCost", weightCost, "weightWorkload", 0,
                "weightDepth", 0, "costWarehouse", 1, "costStore", 3));
        if (maxDistanceKm != null) {
            rule.put("maxDistanceKm", maxDistanceKm);
        }
        return rule;
    }

    private Api.Response plan(String method, String pickupStore, Object... skuQuantity) {
        var body = new java.util.HashMap<String, Object>(Map.of("channelCode", web, "method", method,
                "destination", Map.of("latitude", 48.8566, "longitude", 2.3522)));
        if (pickupStore != null) {
            body.put("pickupStore", pickupStore);
            body.remove("destination");
        }
        var lines = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
        }
        body.put("lines", lines);
        return admin.post("/api/v1/fulfilment/sourcing/plans", body);
    }

    private static JsonNode verdict(JsonNode plan, String code) {
        return plan.path("decision").path("candidates").valueStream()
                .filter(v -> v.path("locationCode").asString().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theNearestStoreWithStockServesAndEveryCandidateIsExplained() {
        var answer = plan("HOME_DELIVERY", null, shears, 1);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode plan = answer.json();
        assertThat(plan.path("ruleFrom").asString()).isEqualTo("channel " + web + "'s rule for HOME_DELIVERY");
        assertThat(plan.path("decision").path("routed").asBoolean()).isTrue();
        assertThat(plan.path("decision").path("locations").valueStream().map(JsonNode::asString))
                .containsExactly(boulogne);
        assertThat(plan.path("decision").path("reason").asString()).startsWith(boulogne + " has every line");
        assertThat(verdict(plan, versailles).path("fencedOut").asString()).isEqualTo("none of the items in stock");
        assertThat(verdict(plan, lyon).path("distanceKm").asDouble()).isBetween(390.0, 395.0);
        assertThat(verdict(plan, lyon).path("score").asDouble())
                .isLessThan(verdict(plan, boulogne).path("score").asDouble());
    }

    @Test
    void fewestSplitsThenCapacityThenNothingPossible() {
        // Lyon alone has both lines: one far location beats two near ones.
        var single = plan("HOME_DELIVERY", null, shears, 1, gloves, 1).json();
        assertThat(single.path("decision").path("locations").valueStream().map(JsonNode::asString))
                .containsExactly(lyon);

        // Lyon's day is full: the two stores share the order.
        assertThat(admin.put("/api/v1/fulfilment/capacities/" + lyon, Map.of("dailyOrders", 0)).status())
                .isEqualTo(200);
        var split = plan("HOME_DELIVERY", null, shears, 1, gloves, 1).json();
        assertThat(verdict(split, lyon).path("fencedOut").asString()).isEqualTo("daily capacity exhausted");
        assertThat(split.path("decision").path("locations").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(boulogne, versailles);

        // One location at most: nothing can serve both lines.
        admin.put("/api/v1/fulfilment/sourcing-rules/" + web + "/HOME_DELIVERY", rule(1, null, 0, 100, 0));
        var none = plan("HOME_DELIVERY", null, shears, 1, gloves, 1).json();
        assertThat(none.path("decision").path("routed").asBoolean()).isFalse();
        assertThat(none.path("decision").path("reason").asString())
                .isEqualTo("every line is in stock, but not within 1 location(s)");
        assertThat(admin.delete("/api/v1/fulfilment/capacities/" + lyon).status()).isEqualTo(204);
    }

    @Test
    void theRuleForEveryChannelAppliesWhenAChannelHasNone() {
        String code = unique("CC");
        admin.post("/api/v1/channels", Fixtures.channel(code, List.of(boulogne, lyon)));
        String anyChannel = "/api/v1/fulfilment/sourcing-rules/*/RELAY_POINT";
        assertThat(admin.put(anyChannel, rule(2, 50, 0, 100, 0)).status()).isEqualTo(200);
        var body = Map.of("channelCode", code, "method", "RELAY_POINT", "destination",
                Map.of("latitude", 48.8566, "longitude", 2.3522), "lines", List.of(Map.of("sku", gloves, "quantity", 1)));
        var plan = admin.post("/api/v1/fulfilment/sourcing/plans", body).json();
        assertThat(plan.path("ruleFrom").asString()).isEqualTo("every channel's rule for RELAY_POINT");
        // Lyon is beyond 50 km and Boulogne has no gloves.
        assertThat(plan.path("decision").path("routed").asBoolean()).isFalse();
        assertThat(verdict(plan, lyon).path("fencedOut").asString()).endsWith("beyond 50 km");
        assertThat(admin.delete(anyChannel).status()).isEqualTo(204);
        assertThat(admin.delete(anyChannel).status()).isEqualTo(404);
    }

    @Test
    void clickAndCollectUsesTheChosenStoreThenATransfer() {
        var answer = plan("CLICK_AND_COLLECT", boulogne, shears, 1, gloves, 1);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode decision = answer.json().path("decision");
        assertThat(decision.path("locations").path(0).asString()).isEqualTo(boulogne);
        JsonNode transfer = decision.path("assignments").valueStream()
                .filter(a -> a.path("sku").asString().equals(gloves)).findFirst().orElseThrow();
        assertThat(transfer.path("transfer").asBoolean()).isTrue();
        assertThat(decision.path("reason").asString()).startsWith("the pickup store " + boulogne + " has part");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        assertThat(plan("HOME_DELIVERY", null, "NOPE-" + unique("X"), 1).problem()).isEqualTo("unknown-sku");
        assertThat(plan("HOME_DELIVERY", null, shears, 0).status()).isEqualTo(400);
        assertThat(plan("CLICK_AND_COLLECT", null, shears, 1).status()).isEqualTo(400);
        assertThat(plan("CLICK_AND_COLLECT", lyon, shears, 1).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/fulfilment/sourcing/plans", Map.of("channelCode", web, "method", "TELEPORT",
                "lines", List.of(Map.of("sku", shears, "quantity", 1)))).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/fulfilment/sourcing/plans", Map.of("channelCode", web, "method",
                "HOME_DELIVERY", "destination", Map.of("latitude", 91, "longitude", 0), "lines",
                List.of(Map.of("sku", shears, "quantity", 1)))).status()).isEqualTo(400);

        String rules = "/api/v1/fulfilment/sourcing-rules/" + web + "/HOME_DELIVERY";
        String before = admin.get("/api/v1/fulfilment/sourcing-rules").body();
        assertThat(admin.put(rules, rule(4, null, 0, 100, 0)).status()).isEqualTo(400);
        assertThat(admin.put(rules, rule(2, null, 0, 0, 0)).status()).isEqualTo(400);
        assertThat(admin.put(rules, rule(2, 0, 0, 100, 0)).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/fulfilment/sourcing-rules/NO-SUCH/HOME_DELIVERY", rule(2, null, 0, 100, 0))
                .status()).isEqualTo(404);
        assertThat(admin.put("/api/v1/fulfilment/sourcing-rules/" + web + "/TELEPORT", rule(2, null, 0, 100, 0))
                .status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/fulfilment/sourcing-rules").body()).isEqualTo(before);
        assertThat(admin.put("/api/v1/fulfilment/capacities/NO-SUCH", Map.of("dailyOrders", 3)).status())
                .isEqualTo(404);
        assertThat(admin.put("/api/v1/fulfilment/capacities/" + lyon, Map.of("dailyOrders", -1)).status())
                .isEqualTo(400);
    }
}
