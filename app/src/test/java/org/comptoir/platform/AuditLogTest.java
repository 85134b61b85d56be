package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every change made with an admin, merchandiser or agent key is in the audit log (who, what, when,
 * from where), a refused request is not, other roles' changes are not, and only admins read it.
 */
class AuditLogTest extends ApiTest {

    @Test
    void aMerchandisersChangeIsLoggedAndARefusedOneIsNot() {
        var created = admin.post("/api/v1/api-keys", Map.of("name", "merch " + unique("M"), "roles",
                List.of("MERCHANDISER")));
        String keyId = created.json().path("id").asString();
        Api merchandiser = as(created.json().path("key").asString());
        String sku = unique("AUD");
        var product = merchandiser.post("/api/v1/catalog/products", Fixtures.product("Arrosoir", List.of(), sku));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        assertThat(merchandiser.post("/api/v1/catalog/products", Map.of("name", "")).status()).isEqualTo(400);

        List<JsonNode> entries = entries("key:" + keyId);
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.getFirst();
        assertThat(entry.path("method").asString()).isEqualTo("POST");
        assertThat(entry.path("path").asString()).isEqualTo("/api/v1/catalog/products");
        assertThat(entry.path("status").asInt()).isEqualTo(201);
        assertThat(entry.path("resource").asString()).isEqualTo(product.header("Location"));
        assertThat(entry.path("callerName").asString()).startsWith("merch ");
        assertThat(entry.path("roles").valueStream().map(JsonNode::asString)).containsExactly("MERCHANDISER");
        assertThat(entry.path("address").asString()).isNotBlank();
        assertThat(entry.path("at").asString()).isNotBlank();
    }

    @Test
    void otherRolesChangesAreNotLoggedAndOnlyAdminsRead() {
        String store = location("ST", "STORE", 48.85, 2.35);
        var key = admin.post("/api/v1/api-keys", Map.of("name", "associate", "roles", List.of("STORE_ASSOCIATE"),
                "locationCode", store));
        Api associate = as(key.json().path("key").asString());
        String sku = unique("AUD");
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product("Binette", List.of(), sku)).status())
                .isEqualTo(201);
        var moved = associate.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", sku,
                "kind", "RECEIPT", "quantity", 1, "reference", unique("PO")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(entries("key:" + key.json().path("id").asString())).isEmpty();
        assertThat(associate.get("/api/v1/audit-log").status()).isEqualTo(403);
        assertThat(as(keyFor(Role.MERCHANDISER)).get("/api/v1/audit-log").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit-log?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
    }

    private List<JsonNode> entries(String callerId) {
        var page = admin.get("/api/v1/audit-log?callerId=" + callerId + "&limit=200");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("items").valueStream().toList();
    }
}
