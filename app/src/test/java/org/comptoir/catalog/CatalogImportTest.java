package org.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogImportTest extends ApiTest {

    private String web;

    @BeforeEach
    void channel() {
        web = unique("WEB");
        admin.post("/api/v1/channels", Fixtures.channel(web, List.of()));
    }

    private JsonNode runImport(String contentType, String file) {
        Api.Response accepted = admin.send("POST", "/api/v1/catalog/imports", file, contentType);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String status = admin.get(location).json().path("status").asString();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return admin.get(location).json();
    }

    @Test
    void goodRowsAreKeptAndEveryBadRowIsReportedWithItsLineAndReason() {
        String handle = "gants-" + unique("h").toLowerCase();
        String s = unique("G");
        String csv = """
                handle,sku,gtin,status,brand,name_fr,name_en,description_fr,weight_grams,tax_class,channels,attr_size
                %1$s,%2$s-S,,ACTIVE,Rostaing,Gants de jardinage,Gardening gloves,Cuir souple,120,STANDARD,%3$s,S
                %1$s,%2$s-M,,,,,,,120,,,M
                %1$s,%2$s-L,,,,,,,lots,,,L
                other-%1$s,%2$s-X,4006381333932,,,Savon,,,,,,
                new-%1$s,%2$s-N,,,,,,,,,,
                %1$s,%2$s-XL,,,,,,,130,LUXURY,,XL
                """.formatted(handle, s, web);
        JsonNode job = runImport("text/csv", csv);
        assertThat(job.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsTotal").asLong()).isEqualTo(6);
        assertThat(job.path("rowsDone").asLong()).isEqualTo(6);
        assertThat(job.path("rowsFailed").asLong()).isEqualTo(4);

        var errors = admin.get("/api/v1/catalog/imports/" + job.path("id").asString() + "/errors").json().path("items");
        assertThat(errors.valueStream().map(e -> e.path("line").asLong()).toList()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(errors.path(0).path("reason").asString()).contains("weight_grams");
        assertThat(errors.path(1).path("reason").asString()).contains("check digit");
        assertThat(errors.path(2).path("reason").asString()).contains("texts");
        assertThat(errors.path(3).path("reason").asString()).contains("tax_class");

        JsonNode product = admin.get("/api/v1/catalog/products/by-sku/" + s + "-M").json();
        assertThat(product.path("handle").asString()).isEqualTo(handle);
        assertThat(product.path("variants").valueStream().map(v -> v.path("sku").asString()).toList())
                .containsExactly(s + "-S", s + "-M");
        assertThat(product.path("channels").toString()).contains(web);
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + s + "-L").status()).isEqualTo(404);
    }

    @Test
    void reimportingASkuUpdatesItsProductInsteadOfDuplicatingIt() {
        String handle = "arrosoir-" + unique("h").toLowerCase();
        String sku = unique("A");
        runImport("text/csv", "handle,sku,name_fr,brand,weight_grams\n%s,%s,Arrosoir,Verdure,800\n".formatted(handle,
                sku));
        JsonNode before = admin.get("/api/v1/catalog/products/by-sku/" + sku).json();
        JsonNode job = runImport("text/csv", "sku,brand,weight_grams,attr_colour\n%s,Gardena,900,vert\n".formatted(sku));
        assertThat(job.path("rowsFailed").asLong()).isZero();
        JsonNode after = admin.get("/api/v1/catalog/products/by-sku/" + sku).json();
        assertThat(after.path("id").asString()).isEqualTo(before.path("id").asString());
        assertThat(after.path("brand").asString()).isEqualTo("Gardena");
        assertThat(after.path("name").asString()).isEqualTo("Arrosoir");
        assertThat(after.path("variants").path(0).path("weightGrams").asInt()).isEqualTo(900);
        assertThat(after.path("variants").path(0).path("attributes").path("colour").asString()).isEqualTo("vert");
        assertThat(after.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void jsonImportsTakeProductsShapedAsInTheApi() {
        String a = unique("J");
        String b = unique("J");
        String json = """
                [
                  {"handle": "%1$s", "status": "ACTIVE", "texts": {"fr": {"name": "Bêche"}},
                   "variants": [{"sku": "%1$s", "weightGrams": 1800}]},
                  {"handle": "%2$s", "texts": {"fr": {"name": "Râteau"}}, "variants": [{"sku": "%2$s", "weightGrams": "heavy"}]},
                  {"texts": {"fr": {"name": "Sans variante"}}, "variants": []}
                ]
                """.formatted(a.toLowerCase(), b.toLowerCase());
        JsonNode job = runImport("application/json", json);
        assertThat(job.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("rowsTotal").asLong()).isEqualTo(3);
        assertThat(job.path("rowsFailed").asLong()).isEqualTo(2);
        var errors = admin.get("/api/v1/catalog/imports/" + job.path("id").asString() + "/errors").json().path("items");
        assertThat(errors.valueStream().map(e -> e.path("line").asLong()).toList()).containsExactly(4L, 5L);
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + a.toLowerCase()).status()).isEqualTo(200);
    }

    @Test
    void aFileThatCannotBeReadFailsTheJobWithItsReason() {
        JsonNode unknownColumn = runImport("text/csv", "sku,colour\nA,green\n");
        assertThat(unknownColumn.path("status").asString()).isEqualTo("FAILED");
        assertThat(unknownColumn.path("message").asString()).contains("colour");

        JsonNode brokenJson = runImport("application/json", "[{\"handle\": ");
        assertThat(brokenJson.path("status").asString()).isEqualTo("FAILED");
        assertThat(brokenJson.path("message").asString()).contains("JSON");
    }

    @Test
    void emptyOrWronglyTypedUploadsAreRefusedAtOnce() {
        assertThat(admin.send("POST", "/api/v1/catalog/imports", "", "text/csv").status()).isEqualTo(400);
        assertThat(admin.send("POST", "/api/v1/catalog/imports", "x", "application/pdf").status()).isEqualTo(415);
        assertThat(admin.get("/api/v1/catalog/imports/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}
