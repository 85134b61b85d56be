package org.comptoir.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Carriers chosen against a promised date, labels, tracking that ends the delivery, delivery promises
 * before purchase and relay points near an address. The services here ship to relay points only,
 * and a cut-off at midnight, so that every date is known whatever the time the suite runs.
 */
class DeliveryApiTest extends ApiTest {

    private String boulogne;
    private String lyon;
    private String web;
    private String shears;
    private String slow;
    private String fast;
    private final List<String> services = new ArrayList<>();

    @BeforeEach
    void retailer() {
        boulogne = location("STB", "STORE", 48.8397, 2.2399, "SHIP_FROM_STORE", "CLICK_AND_COLLECT");
        lyon = location("WHL", "WAREHOUSE", 45.7640, 4.8357, "SHIPS_PARCELS");
        web = unique("WEB");
        var channel = Fixtures.channel(web, List.of(boulogne, lyon));
        channel.put("type", "WEB");
        admin.post("/api/v1/channels", channel);
        shears = unique("SEC");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + shears, List.of(), shears));
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", shears, "amount", 2490))));
        admin.post("/api/v1/inventory/movements", Map.of("locationCode", lyon, "sku", shears, "kind", "RECEIPT",
                "quantity", 20, "reference", unique("PO")));
        slow = service("SLOW", 4, 390);
        fast = service("FAST", 1, 990);
    }

    @AfterEach
    void retire() {
        // Services are shared by the whole suite: those of this test stop working after it.
        for (String code : services) {
            admin.put("/api/v1/fulfilment/carrier-services/" + code, Map.of("carrier", "Retired", "name", "Retired",
                    "method", "RELAY_POINT", "countries", List.of("FR"), "cutoff", "00:00", "transitDays", 1,
                    "active", false, "rates", List.of(Map.of("maxWeightGrams", 1, "price", 0, "currency", "EUR"))));
        }
    }

    private String service(String prefix, int transitDays, long price) {
        String code = unique(prefix);
        var answer = admin.put("/api/v1/fulfilment/carrier-services/" + code, Map.of("carrier", "Relais " + prefix,
                "name", prefix + " relay", "method", "RELAY_POINT", "countries", List.of("FR"), "cutoff", "00:00",
                "transitDays", transitDays, "rates", List.of(Map.of("maxWeightGrams", 2000, "price", price,
                        "currency", "EUR"), Map.of("maxWeightGrams", 10000, "price", price * 2, "currency", "EUR"))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        services.add(code);
        return code;
    }

    /** With a midnight cut-off a parcel always leaves on the next working day. */
    private static LocalDate arrival(int transitDays) {
        LocalDate day = nextWorkingDay(LocalDate.now(ZoneId.of("Europe/Paris")));
        for (int i = 0; i < transitDays; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private String packedRelayOrder() {
        var placed = admin.post("/api/v1/orders", Map.of("channelCode", web, "groups", List.of(Map.of("code",
                "relay", "method", "RELAY_POINT", "relayPoint", "RELAIS-42")), "lines",
                List.of(Map.of("sku", shears, "quantity", 1))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String id = placed.json().path("id").asString();
        admin.post("/api/v1/orders/" + id + "/payments", Map.of("provider", "TEST", "token", "ok"));
        String fo = admin.get("/api/v1/fulfilment/routing/" + id).json().path("fulfilmentOrders").path(0).path("id")
                .asString();
        admin.post("/api/v1/fulfilment/orders/" + fo + "/start", null);
        admin.post("/api/v1/fulfilment/orders/" + fo + "/pack", null);
        return fo;
    }

    @Test
    void theCheapestServiceMeetingThePromiseShipsAndItsTrackingEndsTheDelivery() {
        String fo = packedRelayOrder();
        var shipped = admin.post("/api/v1/fulfilment/orders/" + fo + "/ship", Map.of("weightGrams", 1500,
                "promisedBy", arrival(2).toString()));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        JsonNode shipment = admin.get("/api/v1/fulfilment/orders/" + fo + "/shipments").json().path(0).path("shipment");
        assertThat(shipment.path("serviceCode").asString()).isEqualTo(fast);
        assertThat(shipment.path("cost").asLong()).isEqualTo(990);
        assertThat(shipment.path("estimatedDelivery").asString()).isEqualTo(arrival(1).toString());
        assertThat(shipment.path("choiceReason").asString()).contains("delivering by the promised " + arrival(2));
        String tracking = shipment.path("trackingNumber").asString();
        assertThat(shipped.json().path("trackingNumber").asString()).isEqualTo(tracking);

        var label = admin.get("/api/v1/fulfilment/shipments/" + shipment.path("id").asString() + "/label");
        assertThat(label.status()).isEqualTo(200);
        assertThat(label.header("Content-Type")).startsWith("application/pdf");
        assertThat(label.body()).startsWith("%PDF");

        String events = "/api/v1/fulfilment/shipments/" + tracking + "/events";
        assertThat(admin.post(events, Map.of("status", "LOST")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/fulfilment/shipments/NO-SUCH/events", Map.of("status", "IN_TRANSIT"))
                .status()).isEqualTo(404);
        assertThat(admin.post(events, Map.of("status", "IN_TRANSIT", "description", "Lyon hub")).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/fulfilment/orders/" + fo).json().path("order").path("status").asString())
                .isEqualTo("SHIPPED");
        var delivered = admin.post(events, Map.of("status", "DELIVERED"));
        assertThat(delivered.json().path("status").asString()).isEqualTo("DELIVERED");
        assertThat(admin.get("/api/v1/fulfilment/orders/" + fo).json().path("order").path("status").asString())
                .isEqualTo("DELIVERED");
        JsonNode tracked = admin.get("/api/v1/fulfilment/orders/" + fo + "/shipments").json().path(0);
        assertThat(tracked.path("tracking").valueStream().map(t -> t.path("status").asString()))
                .containsExactly("IN_TRANSIT", "DELIVERED");
        assertThat(tracked.path("tracking").path(0).path("description").asString()).isEqualTo("Lyon hub");
    }

    @Test
    void withoutAPromiseTheCheapestShipsAndAnImpossiblePromiseTakesTheFastest() {
        String cheap = packedRelayOrder();
        admin.post("/api/v1/fulfilment/orders/" + cheap + "/ship", Map.of());
        JsonNode shipment = admin.get("/api/v1/fulfilment/orders/" + cheap + "/shipments").json().path(0).path("shipment");
        assertThat(shipment.path("serviceCode").asString()).isEqualTo(slow);
        assertThat(shipment.path("estimatedDelivery").asString()).isEqualTo(arrival(4).toString());

        String hurried = packedRelayOrder();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        admin.post("/api/v1/fulfilment/orders/" + hurried + "/ship", Map.of("promisedBy", today.toString()));
        JsonNode fastest = admin.get("/api/v1/fulfilment/orders/" + hurried + "/shipments").json().path(0).path("shipment");
        assertThat(fastest.path("serviceCode").asString()).isEqualTo(fast);
        assertThat(fastest.path("choiceReason").asString()).contains("no service delivers by the promised " + today);

        String heavy = packedRelayOrder();
        var refused = admin.post("/api/v1/fulfilment/orders/" + heavy + "/ship", Map.of("weightGrams", 50_000));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("no-carrier-service");
        assertThat(admin.get("/api/v1/fulfilment/orders/" + heavy).json().path("order").path("status").asString())
                .isEqualTo("PACKED");
    }

    @Test
    void aBasketIsPromisedPerMethodBeforePurchase() {
        var answer = admin.post("/api/v1/fulfilment/promises", Map.of("channelCode", web, "lines",
                List.of(Map.of("sku", shears, "quantity", 1)), "destination", Map.of("latitude", 48.85,
                        "longitude", 2.35), "pickupStore", boulogne));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, JsonNode> byMethod = new java.util.HashMap<>();
        answer.json().valueStream().forEach(p -> byMethod.put(p.path("method").asString(), p));
        JsonNode relay = byMethod.get("RELAY_POINT");
        assertThat(relay.path("available").asBoolean()).isTrue();
        assertThat(relay.path("earliestDate").asString()).isEqualTo(arrival(1).toString());
        assertThat(relay.path("fromLocations").path(0).asString()).isEqualTo(lyon);
        assertThat(relay.path("service").asString()).isEqualTo(fast);
        // The store has no shears: they come from Lyon to be collected there.
        JsonNode pickup = byMethod.get("CLICK_AND_COLLECT");
        assertThat(pickup.path("available").asBoolean()).isTrue();
        assertThat(pickup.path("reason").asString()).startsWith("sent to " + boulogne + " from " + lyon);

        admin.post("/api/v1/inventory/movements", Map.of("locationCode", boulogne, "sku", shears, "kind", "RECEIPT",
                "quantity", 2, "reference", unique("PO")));
        var again = admin.post("/api/v1/fulfilment/promises", Map.of("channelCode", web, "lines",
                List.of(Map.of("sku", shears, "quantity", 1)), "pickupStore", boulogne)).json();
        JsonNode inStore = again.valueStream().filter(p -> p.path("method").asString().equals("CLICK_AND_COLLECT"))
                .findFirst().orElseThrow();
        assertThat(inStore.path("reason").asString()).startsWith("in stock at " + boulogne);

        assertThat(admin.post("/api/v1/fulfilment/promises", Map.of("channelCode", web, "lines", List.of()))
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/fulfilment/promises", Map.of("channelCode", web, "lines",
                List.of(Map.of("sku", "NOPE-" + unique("X"), "quantity", 1)))).status()).isEqualTo(422);
    }

    @Test
    void relayPointsNearAnAddressComeNearestFirst() {
        String near = location("RP", "RELAY_POINT", 48.8570, 2.3530, "CLICK_AND_COLLECT");
        String nearer = location("RP", "RELAY_POINT", 48.8567, 2.3524, "CLICK_AND_COLLECT");
        String far = location("RP", "RELAY_POINT", 45.76, 4.83, "CLICK_AND_COLLECT");
        var points = admin.get("/api/v1/fulfilment/relay-points?latitude=48.8566&longitude=2.3522&radiusKm=2").json();
        List<String> codes = points.valueStream().map(p -> p.path("code").asString()).toList();
        assertThat(codes).containsSubsequence(nearer, near).doesNotContain(far);
        assertThat(admin.get("/api/v1/fulfilment/relay-points?latitude=48.8&longitude=2.3&radiusKm=0").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/fulfilment/relay-points?latitude=91&longitude=2.3").status()).isEqualTo(400);
    }

    @Test
    void carrierServicesAreCheckedBeforeTheyAreKept() {
        String code = "/api/v1/fulfilment/carrier-services/" + unique("BAD");
        Map<String, Object> rate = Map.of("maxWeightGrams", 1000, "price", 100, "currency", "EUR");
        assertThat(admin.put(code, Map.of("carrier", "X", "name", "X", "method", "CLICK_AND_COLLECT", "countries",
                List.of("FR"), "cutoff", "12:00", "transitDays", 1, "rates", List.of(rate))).status()).isEqualTo(400);
        assertThat(admin.put(code, Map.of("carrier", "X", "name", "X", "method", "RELAY_POINT", "countries",
                List.of("France"), "cutoff", "12:00", "transitDays", 1, "rates", List.of(rate))).status())
                .isEqualTo(400);
        assertThat(admin.put(code, Map.of("carrier", "X", "name", "X", "method", "RELAY_POINT", "countries",
                List.of("FR"), "cutoff", "25:00", "transitDays", 1, "rates", List.of(rate))).status()).isEqualTo(400);
        assertThat(admin.put(code, Map.of("carrier", "X", "name", "X", "method", "RELAY_POINT", "countries",
                List.of("FR"), "cutoff", "12:00", "transitDays", 1, "rates", List.of(rate, rate))).status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/fulfilment/carrier-services/bad%20code", Map.of("carrier", "X", "name", "X",
                "method", "RELAY_POINT", "countries", List.of("FR"), "cutoff", "12:00", "transitDays", 1, "rates",
                List.of(rate))).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/fulfilment/carrier-services").json().valueStream()
                .map(s -> s.path("code").asString())).doesNotContain(code.substring(code.lastIndexOf('/') + 1));
    }
}
