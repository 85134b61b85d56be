package org.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductApiTest extends ApiTest {

    private String web;

    @BeforeEach
    void channel() {
        web = unique("WEB");
        admin.post("/api/v1/channels", Fixtures.channel(web, List.of()));
    }

    private JsonNode create(Map<String, Object> product) {
        var created = admin.post("/api/v1/catalog/products", product);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aProductIsFoundByIdSkuAndGtin() {
        String sku = unique("SKU");
        String gtin = Fixtures.gtin13();
        var body = Fixtures.product("Sécateur à lames croisantes", List.of(web), sku);
        ((Map<String, Object>) ((List<?>) body.get("variants")).getFirst()).put("gtin", gtin);
        JsonNode product = create(body);
        assertThat(product.path("handle").asString()).startsWith("secateur-a-lames-croisantes");
        String id = product.path("id").asString();

        assertThat(admin.get("/api/v1/catalog/products/" + id).json().path("variants").path(0).path("sku").asString())
                .isEqualTo(sku);
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + sku).json().path("id").asString()).isEqualTo(id);
        assertThat(admin.get("/api/v1/catalog/products/by-gtin/" + gtin).json().path("id").asString()).isEqualTo(id);
        assertThat(admin.get("/api/v1/catalog/products/by-sku/NOPE-" + sku).status()).isEqualTo(404);
    }

    @Test
    void handlesMadeFromNamesAreMadeUniqueButChosenOnesMustBeFree() {
        String name = "Binette " + unique("b");
        String first = create(Fixtures.product(name, List.of(web), unique("SKU"))).path("handle").asString();
        String second = create(Fixtures.product(name, List.of(web), unique("SKU"))).path("handle").asString();
        assertThat(second).isEqualTo(first + "-2");
        var chosen = Fixtures.product("Autre", List.of(web), unique("SKU"));
        chosen.put("handle", first);
        var taken = admin.post("/api/v1/catalog/products", chosen);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problem()).isEqualTo("handle-taken");
    }

    @Test
    void textsAreServedInTheAskedLocaleWithAFallback() {
        JsonNode product = create(Fixtures.product("Gants de jardinage", List.of(web), unique("SKU")));
        String id = product.path("id").asString();
        var english = admin.get("/api/v1/catalog/products/" + id + "?locale=en-GB").json();
        assertThat(english.path("name").asString()).isEqualTo("EN Gants de jardinage");
        assertThat(english.path("locale").asString()).isEqualTo("en");
        var german = admin.get("/api/v1/catalog/products/" + id + "?locale=de").json();
        assertThat(german.path("name").asString()).isEqualTo("Gants de jardinage");
        assertThat(german.path("locale").asString()).isEqualTo("fr");
    }

    @Test
    void searchFiltersByTextCategoryAttributeStatusAndBrand() {
        String root = "cat-" + unique("c").toLowerCase();
        String child = root + "-tools";
        admin.post("/api/v1/catalog/categories", Map.of("code", root, "names", Map.of("fr", "Jardin")));
        admin.post("/api/v1/catalog/categories", Map.of("code", child, "parentCode", root,
                "names", Map.of("fr", "Outils")));
        String word = "zorglub" + unique("w").toLowerCase().replace("-", "");
        var shears = Fixtures.product("Sécateur " + word, List.of(web), unique("SKU"));
        shears.put("category", child);
        shears.put("brand", "Bellota");
        String shearsId = create(shears).path("id").asString();
        var soap = Fixtures.product("Savon " + word, List.of(web), unique("SKU"));
        soap.put("status", "DRAFT");
        ((Map<String, Object>) ((List<?>) soap.get("variants")).getFirst()).put("attributes", Map.of("size", "XL"));
        String soapId = create(soap).path("id").asString();

        assertThat(ids("q=" + word)).containsExactlyInAnyOrder(shearsId, soapId);
        assertThat(ids("q=" + word + "&category=" + root)).containsExactly(shearsId);
        assertThat(ids("q=" + word + "&attr.size=XL")).containsExactly(soapId);
        assertThat(ids("q=" + word + "&attr.size=M&attr.colour=vert")).containsExactly(shearsId);
        assertThat(ids("q=" + word + "&status=DRAFT")).containsExactly(soapId);
        assertThat(ids("q=" + word + "&brand=bellota")).containsExactly(shearsId);
        assertThat(admin.get("/api/v1/catalog/products?category=no-such-category").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/catalog/products?status=SOLD").status()).isEqualTo(400);
    }

    private List<String> ids(String query) {
        var page = admin.get("/api/v1/catalog/products?limit=200&" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
    }

    @Test
    void updatesNeedTheCurrentEtagAndKeepVariantIds() {
        String sku = unique("SKU");
        JsonNode product = create(Fixtures.product("Arrosoir", List.of(web), sku));
        String id = product.path("id").asString();
        String variantId = product.path("variants").path(0).path("id").asString();
        var change = Fixtures.product("Arrosoir 10 L", List.of(web), sku, unique("SKU"));
        change.put("handle", product.path("handle").asString());

        assertThat(admin.put("/api/v1/catalog/products/" + id, change).status()).isEqualTo(428);
        var updated = admin.with("If-Match", "\"1\"").put("/api/v1/catalog/products/" + id, change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.json().path("variants").size()).isEqualTo(2);
        assertThat(updated.json().path("variants").path(0).path("id").asString()).isEqualTo(variantId);
        assertThat(admin.with("If-Match", "\"1\"").put("/api/v1/catalog/products/" + id, change).status())
                .isEqualTo(412);
    }

    @Test
    void aSkuOrGtinOfAnotherProductIsAConflictAndNothingIsWritten() {
        String sku = unique("SKU");
        String gtin = Fixtures.gtin13();
        var first = Fixtures.product("Râteau", List.of(web), sku);
        ((Map<String, Object>) ((List<?>) first.get("variants")).getFirst()).put("gtin", gtin);
        create(first);

        String fresh = unique("SKU");
        var clash = admin.post("/api/v1/catalog/products", Fixtures.product("Râteau bis", List.of(web), fresh, sku));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.problem()).isEqualTo("sku-taken");
        assertThat(clash.json().path("sku").asString()).isEqualTo(sku);
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + fresh).status()).isEqualTo(404);

        var gtinClash = Fixtures.product("Râteau ter", List.of(web), fresh);
        ((Map<String, Object>) ((List<?>) gtinClash.get("variants")).getFirst()).put("gtin", gtin);
        assertThat(admin.post("/api/v1/catalog/products", gtinClash).problem()).isEqualTo("gtin-taken");
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + fresh).status()).isEqualTo(404);
    }

    @Test
    void badProductsAreRefusedFieldByField() {
        String sku = unique("SKU");
        var body = Fixtures.product("Bêche", List.of(web, "NO-SUCH-CHANNEL"), sku);
        var unknownChannel = admin.post("/api/v1/catalog/products", body);
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.json().path("errors").path(0).path("field").asString()).isEqualTo("channels");

        body = Fixtures.product("Bêche", List.of(web), sku);
        ((Map<String, Object>) ((List<?>) body.get("variants")).getFirst()).put("gtin", "4006381333932");
        var badGtin = admin.post("/api/v1/catalog/products", body);
        assertThat(badGtin.json().path("errors").path(0).path("field").asString()).isEqualTo("variants[0].gtin");
        assertThat(badGtin.json().path("errors").path(0).path("message").asString()).contains("check digit");

        body = Fixtures.product("Bêche", List.of(web), sku);
        body.put("texts", Map.of());
        body.put("category", "nowhere");
        assertThat(admin.post("/api/v1/catalog/products", body).json().path("errors").valueStream()
                .map(e -> e.path("field").asString())).contains("texts");

        body = Fixtures.product("Bêche", List.of(web), sku);
        ((Map<String, Object>) ((List<?>) body.get("variants")).getFirst()).put("taxClass", "LUXURY");
        assertThat(admin.post("/api/v1/catalog/products", body).json().path("errors").path(0).path("field")
                .asString()).isEqualTo("variants[0].taxClass");
        assertThat(admin.get("/api/v1/catalog/products/by-sku/" + sku).status()).isEqualTo(404);
    }

    @Test
    void archivingKeepsTheProductReadableButOutOfStorefronts() {
        JsonNode product = create(Fixtures.product("Olivier", List.of(web), unique("SKU")));
        String id = product.path("id").asString();
        String storefront = admin.post("/api/v1/channels/" + web + "/publishable-keys", null).json().path("key")
                .asString();
        assertThat(as(storefront).get("/api/v1/catalog/products/" + id).status()).isEqualTo(200);
        var archived = admin.post("/api/v1/catalog/products/" + id + "/archive", null);
        assertThat(archived.json().path("status").asString()).isEqualTo("ARCHIVED");
        assertThat(admin.get("/api/v1/catalog/products/" + id).status()).isEqualTo(200);
        assertThat(as(storefront).get("/api/v1/catalog/products/" + id).status()).isEqualTo(404);
    }

    @Test
    void aStorefrontSeesOnlyActiveProductsPublishedOnItsChannel() {
        String other = unique("APP");
        admin.post("/api/v1/channels", Fixtures.channel(other, List.of()));
        String mine = create(Fixtures.product("Lavande", List.of(web), unique("SKU"))).path("id").asString();
        String elsewhere = create(Fixtures.product("Lavande app", List.of(other), unique("SKU"))).path("id")
                .asString();
        var draftBody = Fixtures.product("Lavande brouillon", List.of(web), unique("SKU"));
        draftBody.put("status", "DRAFT");
        String draft = create(draftBody).path("id").asString();
        String key = admin.post("/api/v1/channels/" + web + "/publishable-keys", null).json().path("key").asString();

        var listed = as(key).get("/api/v1/catalog/products?limit=200&q=lavande&status=DRAFT&channel=" + other);
        assertThat(listed.json().path("items").valueStream().map(n -> n.path("id").asString()).toList())
                .contains(mine).doesNotContain(elsewhere, draft);
        assertThat(as(key).get("/api/v1/catalog/products/" + elsewhere).status()).isEqualTo(404);
        assertThat(as(key).get("/api/v1/catalog/products/" + draft).status()).isEqualTo(404);
        assertThat(as(key).post("/api/v1/catalog/products", Map.of()).status()).isEqualTo(403);
        assertThat(as(key).get("/api/v1/locations").status()).isEqualTo(403);
    }
}
