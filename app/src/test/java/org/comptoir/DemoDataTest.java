package org.comptoir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.network.GeoPoint;
import org.comptoir.support.Api;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo retailer of the seeds' journeys is there on a first start, and only once. */
class DemoDataTest {

    private static final GeoPoint NOTRE_DAME = new GeoPoint(48.8530, 2.3499);

    @Test
    void jardinAndCoIsLoadedOnTheFirstStartOnly() {
        var database = TestDatabase.fresh("comptoir_demo");
        try (Platform platform = Platform.start(database, Map.of("comptoir.demo.enabled", "true"))) {
            Api api = platform.admin();
            List<JsonNode> locations = api.get("/api/v1/locations?limit=200").json().path("items").valueStream()
                    .toList();
            assertThat(locations).hasSizeGreaterThanOrEqualTo(14);
            assertThat(locations.stream().filter(l -> l.path("type").asString().equals("WAREHOUSE"))).hasSize(2);
            List<Double> parisStores = new ArrayList<>();
            for (JsonNode l : locations) {
                if (l.path("type").asString().equals("STORE")) {
                    parisStores.add(NOTRE_DAME.distanceKm(new GeoPoint(l.path("coordinates").path("latitude")
                            .asDouble(), l.path("coordinates").path("longitude").asDouble())));
                }
            }
            assertThat(parisStores).anyMatch(km -> km < 16).anyMatch(km -> km > 16 && km < 40);
            assertThat(locations).extracting(l -> l.path("address").path("city").asString())
                    .contains("Lyon", "Lille", "Bordeaux", "Marseille");

            assertThat(api.get("/api/v1/channels?limit=200").json().path("items").valueStream()
                    .map(c -> c.path("type").asString())).contains("WEB", "APP", "STORE", "PHONE", "MARKETPLACE",
                    "SOCIAL");

            assertThat(count(api, "")).isBetween(180, 220);
            assertThat(count(api, "q=s%C3%A9cateur")).isPositive();
            assertThat(count(api, "q=poison-ivy")).isPositive();
            assertThat(count(api, "q=gardening%20gloves")).isPositive();
            var gloves = api.get("/api/v1/catalog/products?q=gants%20de%20jardinage&limit=1").json().path("items")
                    .path(0);
            assertThat(gloves.path("variants").size()).isEqualTo(3);

            // The seeds' journey: shears sold out online, but held by a store within 16 km of Paris.
            var shears = api.get("/api/v1/inventory/availability/JC-00001?channel=WEB").json();
            assertThat(shears.path("locations").valueStream().filter(l -> l.path("type").asString()
                    .equals("WAREHOUSE")).mapToInt(l -> l.path("available").asInt()).sum()).isZero();
            var near = api.get("/api/v1/inventory/availability/JC-00001/near?latitude=48.8530&longitude=2.3499"
                    + "&radiusKm=16&channel=WEB").json().path("locations");
            assertThat(near.size()).isEqualTo(1);
            assertThat(near.path(0).path("locationCode").asString()).isEqualTo("ST-BOULOGNE");
            assertThat(near.path(0).path("distanceKm").asDouble()).isLessThan(16);
            var rungis = shears.path("locations").valueStream()
                    .filter(l -> l.path("locationCode").asString().equals("WH-RUNGIS")).findFirst().orElseThrow();
            assertThat(rungis.path("incoming").asInt()).isEqualTo(40);
            assertThat(rungis.path("backOn").asString()).isNotBlank();

            // One price everywhere: the demo's only channel difference is the marketplace's own list.
            var quote = api.post("/api/v1/pricing/quotes", Map.of("channelCode", "PHONE", "lines",
                    List.of(Map.of("sku", "JC-00001", "quantity", 2)), "codes", List.of("BIENVENUE5"),
                    "customerRef", "demo-customer")).json();
            assertThat(quote.path("promotions").valueStream().map(p -> p.path("code").asString()))
                    .contains("COUPE-10");
            var audit = api.get("/api/v1/pricing/audit/JC-00001").json();
            assertThat(audit.path("differences").valueStream()
                    .filter(d -> !d.path("field").asString().equals("total"))
                    .map(d -> d.path("channelCode").asString())).containsOnly("MARKETPLACE");

            // Orders on every channel and in every state, fulfilment moved along.
            List<JsonNode> orders = api.get("/api/v1/orders?limit=50").json().path("items").valueStream().toList();
            assertThat(orders.stream().map(o -> o.path("status").asString())).contains("DELIVERED",
                    "READY_FOR_PICKUP", "IN_FULFILMENT", "PLACED", "CONFIRMED", "COLLECTED", "CANCELLED");
            assertThat(orders.stream().map(o -> o.path("channelCode").asString())).contains("WEB", "APP", "PHONE",
                    "STORES", "MARKETPLACE");

            // The marketplace shirt (size M), delivered, exchanged for an L in a Paris store that has one.
            JsonNode shirtOrder = orders.stream().filter(o -> o.path("channelCode").asString().equals("MARKETPLACE"))
                    .findFirst().orElseThrow();
            assertThat(shirtOrder.path("status").asString()).isEqualTo("DELIVERED");
            String m = shirtOrder.path("lines").path(0).path("sku").asString();
            String l = "JC-%05d".formatted(Integer.parseInt(m.substring(3)) + 1);
            String store = api.get("/api/v1/inventory/availability/" + l + "/near?latitude=48.8530&longitude=2.3499"
                    + "&radiusKm=30&channel=STORES").json().path("locations").path(0).path("locationCode").asString();
            assertThat(store).startsWith("ST-");
            int mBefore = onHand(api, store, m);
            int lBefore = onHand(api, store, l);
            var exchanged = api.post("/api/v1/returns/exchanges", Map.of("orderId", shirtOrder.path("id").asString(),
                    "lineNo", 1, "quantity", 1, "sku", l, "locationCode", store, "channelCode", "STORES"));
            assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
            assertThat(exchanged.json().path("replacement").path("status").asString()).isEqualTo("COLLECTED");
            assertThat(onHand(api, store, m)).isEqualTo(mBefore + 1);
            assertThat(onHand(api, store, l)).isEqualTo(lBefore - 1);

            // Customers: the garden-shears customer of the seeds, a crowd on every channel, the orders' buyers.
            var nadia = api.get("/api/v1/customers?ref=email:nadia.rousseau@example.fr").json().path(0);
            String nadiaId = nadia.path("profile").path("id").asString();
            assertThat(nadia.path("identities").valueStream().map(i -> i.path("kind").asString()))
                    .contains("EMAIL", "PHONE", "LOYALTY_CARD", "SOCIAL");
            var view = api.get("/api/v1/customers/" + nadiaId + "/view").json();
            assertThat(view.path("timeline").valueStream().filter(t -> t.path("type").asString()
                    .equals("PRODUCT_VIEW") && t.path("subject").asString().equals("JC-00001")).count()).isEqualTo(3);
            assertThat(view.path("loyalty").path("account").path("tier").asString()).isEqualTo("SILVER");
            assertThat(api.get("/api/v1/customers/" + nadiaId + "/contactability?channel=SMS&purpose=MARKETING")
                    .json().path("allowed").asBoolean()).isTrue();
            // Said with the answer: this once read 0 members in a full H2 run, as a refusal would show.
            var evaluated = api.post("/api/v1/segments/garden-tools-fans/evaluate", Map.of());
            assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
            assertThat(evaluated.json().path("members").asInt()).as(evaluated.toString()).isPositive();
            assertThat(api.get("/api/v1/segments/garden-tools-fans/members?limit=200").json().toString())
                    .contains(nadiaId);
            assertThat(api.get("/api/v1/customers?ref=phone:%2B33610000042").json().path(0).path("profile")
                    .path("givenName").isMissingNode()).isFalse();
            // The service desk: Nadia's chat about the shears, answered by the bot, held in Boulogne by Léa.
            var conversations = api.get("/api/v1/service/conversations?limit=50").json().path("items");
            var journey = conversations.valueStream().filter(c -> c.path("customerId").asString().equals(nadiaId))
                    .findFirst().orElseThrow();
            assertThat(journey.path("handoffReason").asString()).isEqualTo("asked for a person");
            var thread = api.get("/api/v1/service/conversations/" + journey.path("id").asString()).json()
                    .path("messages");
            assertThat(thread.valueStream().filter(x -> x.path("authorKind").asString().equals("BOT")).findFirst()
                    .orElseThrow().path("body").asString()).contains("JC-00001", "épuisé", "Jardin & Co Boulogne");
            assertThat(thread.valueStream().map(x -> x.path("body").asString()))
                    .anyMatch(b -> b.startsWith("held 1 × JC-00001"));
            assertThat(conversations.valueStream().map(c -> c.path("status").asString()))
                    .contains("OPEN", "RESOLVED", "BOT", "PENDING");
            var claire = api.get("/api/v1/customers?ref=demo-claire").json().path(0);
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> api.get("/api/v1/customers/"
                    + claire.path("profile").path("id").asString() + "/view").json().path("orders").valueStream()
                    .anyMatch(o -> o.path("channelCode").asString().equals("MARKETPLACE")));
        }
        try (Platform again = Platform.start(database, Map.of("comptoir.demo.enabled", "true"))) {
            assertThat(count(again.admin(), "")).isBetween(180, 220);
        }
    }

    private static int onHand(Api api, String location, String sku) {
        return api.get("/api/v1/inventory/balances/" + location + "/" + sku).json().path("onHand").asInt();
    }

    private static int count(Api api, String query) {
        int total = 0;
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/catalog/products?limit=200&" + query + cursor).json();
            total += page.path("items").size();
            String next = page.path("nextCursor").asString(null);
            cursor = next == null ? null : "&cursor=" + next;
        } while (cursor != null);
        return total;
    }
}
