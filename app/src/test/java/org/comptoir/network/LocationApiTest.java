package org.comptoir.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LocationApiTest extends ApiTest {

    @Test
    void aStoreIsCreatedWithItsHoursAndReadBackWithItsOpeningStatus() {
        String code = unique("ST");
        var created = admin.post("/api/v1/locations", Fixtures.store(code, 48.8532, 2.3712));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/locations/" + code);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        var read = admin.get("/api/v1/locations/" + code);
        assertThat(read.status()).isEqualTo(200);
        var json = read.json();
        assertThat(json.path("type").asString()).isEqualTo("STORE");
        assertThat(json.path("coordinates").path("latitude").asDouble()).isEqualTo(48.8532);
        assertThat(json.path("openingHours").size()).isEqualTo(3);
        assertThat(json.path("openingExceptions").path(0).path("label").asString()).isEqualTo("Noël");
        assertThat(json.path("capabilities").toString()).contains("CLICK_AND_COLLECT", "ACCEPTS_RETURNS");
        // Open only Monday and Saturday: whatever the day, the next opening is one of them, in Paris time.
        String next = json.path("openingStatus").path("nextOpeningAt").asString();
        assertThat(next).matches(".*T(09:00|14:00|10:00):00\\+0[12]:00");
        assertThat(json.path("openingStatus").has("openNow")).isTrue();
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String code = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(code, 48.85, 2.35));
        var changed = Fixtures.store(code, 48.85, 2.35);
        changed.put("name", "Renamed");

        var withoutIfMatch = admin.put("/api/v1/locations/" + code, changed);
        assertThat(withoutIfMatch.status()).isEqualTo(428);

        var updated = admin.with("If-Match", "\"1\"").put("/api/v1/locations/" + code, changed);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        changed.put("name", "Lost update");
        var stale = admin.with("If-Match", "\"1\"").put("/api/v1/locations/" + code, changed);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problem()).isEqualTo("precondition-failed");
        assertThat(stale.json().path("currentEtag").asString()).isEqualTo("\"2\"");
        assertThat(admin.get("/api/v1/locations/" + code).json().path("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(code, 48.85, 2.35));
        var again = admin.post("/api/v1/locations", Fixtures.store(code, 45.0, 4.0));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("location-code-taken");
        assertThat(admin.get("/api/v1/locations/" + code).json().path("coordinates").path("latitude").asDouble())
                .isEqualTo(48.85);
    }

    static List<Map.Entry<String, Object>> badFields() {
        return List.of(
                Map.entry("coordinates", Map.of("latitude", 91, "longitude", 2.0)),
                Map.entry("coordinates", Map.of("latitude", 48.0, "longitude", -181)),
                Map.entry("timeZone", "Europe/Atlantis"),
                Map.entry("code", "lower case"),
                Map.entry("name", ""),
                Map.entry("dailyCapacity", -1),
                Map.entry("address", Map.of("line1", "x", "postalCode", "1", "city", "y", "country", "ZZ")),
                Map.entry("openingHours", List.of(Map.of("day", "MONDAY", "opens", "18:00", "closes", "09:00"))),
                Map.entry("openingHours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "13:00"),
                        Map.of("day", "MONDAY", "opens", "12:00", "closes", "18:00"))),
                Map.entry("openingHours", List.of(Map.of("day", "FUNDAY", "opens", "09:00", "closes", "13:00"))),
                Map.entry("capabilities", List.of("TELEPORTS")));
    }

    @ParameterizedTest
    @MethodSource("badFields")
    void badInputIsRefusedWithItsFieldAndNothingIsWritten(Map.Entry<String, Object> bad) {
        String code = unique("ST");
        var body = Fixtures.store(code, 48.85, 2.35);
        body.put(bad.getKey(), bad.getValue());
        var refused = admin.post("/api/v1/locations", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").path(0).path("field").asString()).startsWith(bad.getKey());
        String written = bad.getKey().equals("code") ? String.valueOf(bad.getValue()).replace(" ", "%20") : code;
        assertThat(admin.get("/api/v1/locations/" + written).status()).isEqualTo(404);
    }

    @Test
    void listsFilterByTypeAndCapability() {
        String store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        var warehouse = Fixtures.store(unique("WH"), 48.75, 2.35);
        warehouse.put("type", "WAREHOUSE");
        warehouse.put("capabilities", List.of("SHIPS_PARCELS"));
        admin.post("/api/v1/locations", warehouse);
        var warehouses = admin.get("/api/v1/locations?type=WAREHOUSE&limit=200");
        assertThat(warehouses.json().path("items").valueStream().map(n -> n.path("type").asString()))
                .containsOnly("WAREHOUSE");
        var pickup = admin.get("/api/v1/locations?capability=CLICK_AND_COLLECT&limit=200");
        assertThat(pickup.json().path("items").valueStream().map(n -> n.path("code").asString())).contains(store)
                .doesNotContain(warehouse.get("code").toString());
    }
}
