package org.comptoir.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;

class ChannelApiTest extends ApiTest {

    @Test
    void aChannelSellsFromTheLocationsItNames() {
        String store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        String code = unique("CH");
        var created = admin.post("/api/v1/channels", Fixtures.channel(code, List.of(store)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("locationCodes").toString()).contains(store);
        assertThat(admin.get("/api/v1/channels/" + code).json().path("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void unknownLocationsAndCurrenciesAreRefusedAndNothingIsWritten() {
        String code = unique("CH");
        var unknownLocation = admin.post("/api/v1/channels", Fixtures.channel(code, List.of("NOWHERE-1")));
        assertThat(unknownLocation.status()).isEqualTo(400);
        assertThat(unknownLocation.json().path("errors").path(0).path("field").asString()).isEqualTo("locationCodes");
        var body = Fixtures.channel(code, List.of());
        body.put("currency", "XYZ");
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(400);
        body.put("currency", "EUR");
        body.put("type", "CARRIER_PIGEON");
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/channels/" + code).status()).isEqualTo(404);
    }

    @Test
    void channelUpdatesNeedTheCurrentEtag() {
        String code = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(code, List.of()));
        var body = Fixtures.channel(code, List.of());
        body.put("name", "Renamed");
        assertThat(admin.put("/api/v1/channels/" + code, body).status()).isEqualTo(428);
        assertThat(admin.with("If-Match", "\"1\"").put("/api/v1/channels/" + code, body).status()).isEqualTo(200);
        assertThat(admin.with("If-Match", "\"1\"").put("/api/v1/channels/" + code, body).status()).isEqualTo(412);
    }

    @Test
    void publishableKeysAreShownOnceAndCanBeRevoked() {
        String code = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(code, List.of()));
        var issued = admin.post("/api/v1/channels/" + code + "/publishable-keys", null);
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("key").asString();
        assertThat(key).startsWith("pk_");
        var listed = admin.get("/api/v1/channels/" + code + "/publishable-keys");
        assertThat(listed.body()).doesNotContain(key);
        assertThat(listed.json().path(0).path("prefix").asString()).isEqualTo(key.substring(0, 12));

        assertThat(as(key).get("/api/v1/catalog/products").status()).isEqualTo(200);
        String keyId = issued.json().path("id").asString();
        assertThat(admin.delete("/api/v1/channels/" + code + "/publishable-keys/" + keyId).status()).isEqualTo(204);
        assertThat(as(key).get("/api/v1/catalog/products").status()).isEqualTo(401);
    }
}
