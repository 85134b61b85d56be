package org.comptoir.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every role against every endpoint family: an allowed call is never a 401 or 403 (it may be a 4xx
 * for its empty body), a denied one is always a 403 problem.
 */
class AuthorizationMatrixTest extends ApiTest {

    private record Call(String family, String method, String path, Object body, Set<Role> allowed) {}

    private static final Set<Role> BACK_OFFICE = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.STORE_ASSOCIATE,
            Role.AGENT, Role.MARKETER, Role.ANALYST, Role.INTEGRATION);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> SELLERS = EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE,
            Role.INTEGRATION, Role.STOREFRONT);
    private static final Set<Role> FRONT_LINE = EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE,
            Role.INTEGRATION);
    private static final String NOBODY = "00000000-0000-7000-8000-000000000000";
    private static final Set<Role> CATALOGUE_WRITERS = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.INTEGRATION);

    private String store;
    private String channel;
    private String storefrontKey;

    @BeforeEach
    void network() {
        store = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35));
        channel = unique("CH");
        admin.post("/api/v1/channels", Fixtures.channel(channel, List.of(store)));
        storefrontKey = admin.post("/api/v1/channels/" + channel + "/publishable-keys", null).json().path("key")
                .asString();
    }

    private List<Call> calls() {
        return List.of(
                new Call("api keys", "GET", "/api/v1/api-keys", null, EnumSet.of(Role.ADMIN)),
                new Call("api keys", "POST", "/api/v1/api-keys", Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("locations", "GET", "/api/v1/locations", null, BACK_OFFICE),
                new Call("locations", "GET", "/api/v1/locations/" + store, null, BACK_OFFICE),
                new Call("locations", "POST", "/api/v1/locations", Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("locations", "PUT", "/api/v1/locations/" + store, Map.of(),
                        EnumSet.of(Role.ADMIN, Role.STORE_ASSOCIATE)),
                new Call("channels", "GET", "/api/v1/channels", null, BACK_OFFICE),
                new Call("channels", "POST", "/api/v1/channels", Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("channels", "PUT", "/api/v1/channels/" + channel, Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("channel keys", "GET", "/api/v1/channels/" + channel + "/publishable-keys", null,
                        EnumSet.of(Role.ADMIN)),
                new Call("products", "GET", "/api/v1/catalog/products", null, EVERYONE),
                new Call("products", "POST", "/api/v1/catalog/products", Map.of(), CATALOGUE_WRITERS),
                new Call("categories", "GET", "/api/v1/catalog/categories", null, EVERYONE),
                new Call("categories", "POST", "/api/v1/catalog/categories", Map.of(), CATALOGUE_WRITERS),
                new Call("imports", "GET", "/api/v1/catalog/imports", null, CATALOGUE_WRITERS),
                new Call("webhooks", "GET", "/api/v1/webhooks", null, EnumSet.of(Role.ADMIN, Role.INTEGRATION)),
                new Call("webhooks", "POST", "/api/v1/webhooks", Map.of(), EnumSet.of(Role.ADMIN, Role.INTEGRATION)),
                new Call("availability", "GET", "/api/v1/inventory/availability/NO-SUCH-SKU", null, EVERYONE),
                new Call("holds", "POST", "/api/v1/inventory/holds", Map.of(), EnumSet.of(Role.ADMIN, Role.AGENT,
                        Role.STORE_ASSOCIATE, Role.INTEGRATION, Role.STOREFRONT)),
                new Call("movements", "POST", "/api/v1/inventory/movements", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.STORE_ASSOCIATE, Role.INTEGRATION)),
                new Call("movements", "GET", "/api/v1/inventory/movements", null, BACK_OFFICE),
                new Call("opening stock", "POST", "/api/v1/inventory/opening-stock", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.INTEGRATION)),
                new Call("buffers", "PUT", "/api/v1/inventory/channels/" + channel + "/buffer", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.MERCHANDISER)),
                new Call("quotes", "POST", "/api/v1/pricing/quotes", Map.of(), EVERYONE),
                new Call("price audit", "GET", "/api/v1/pricing/audit/NO-SUCH-SKU", null, BACK_OFFICE),
                new Call("price lists", "GET", "/api/v1/pricing/price-lists", null, BACK_OFFICE),
                new Call("price lists", "POST", "/api/v1/pricing/price-lists", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.MERCHANDISER)),
                new Call("tax rates", "PUT", "/api/v1/pricing/tax-rates/FR/STANDARD", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.MERCHANDISER)),
                new Call("promotions", "GET", "/api/v1/pricing/promotions", null, BACK_OFFICE),
                new Call("promotions", "POST", "/api/v1/pricing/promotions", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.MARKETER)),
                new Call("carts", "POST", "/api/v1/carts", Map.of(), SELLERS),
                new Call("orders", "POST", "/api/v1/orders", Map.of(), SELLERS),
                new Call("orders", "GET", "/api/v1/orders", null, BACK_OFFICE),
                new Call("sourcing plans", "POST", "/api/v1/fulfilment/sourcing/plans", Map.of(), BACK_OFFICE),
                new Call("sourcing rules", "GET", "/api/v1/fulfilment/sourcing-rules", null, BACK_OFFICE),
                new Call("sourcing rules", "PUT", "/api/v1/fulfilment/sourcing-rules/*/HOME_DELIVERY", Map.of(),
                        EnumSet.of(Role.ADMIN)),
                new Call("capacities", "PUT", "/api/v1/fulfilment/capacities/NO-SUCH", Map.of(),
                        EnumSet.of(Role.ADMIN)),
                new Call("fulfilment orders", "GET", "/api/v1/fulfilment/orders", null, BACK_OFFICE),
                new Call("fulfilment orders", "POST", "/api/v1/fulfilment/orders/" + java.util.UUID.randomUUID()
                        + "/start", Map.of(), EnumSet.of(Role.ADMIN, Role.STORE_ASSOCIATE, Role.INTEGRATION)),
                new Call("routing", "POST", "/api/v1/fulfilment/routing/" + java.util.UUID.randomUUID() + "/retry",
                        Map.of(), EnumSet.of(Role.ADMIN, Role.AGENT)),
                new Call("routing exceptions", "GET", "/api/v1/fulfilment/exceptions", null, BACK_OFFICE),
                new Call("returns", "POST", "/api/v1/returns", Map.of(), EnumSet.of(Role.ADMIN, Role.AGENT,
                        Role.STORE_ASSOCIATE, Role.INTEGRATION)),
                new Call("returns", "GET", "/api/v1/returns?customerRef=nobody", null, BACK_OFFICE),
                new Call("non-returnable", "PUT", "/api/v1/returns/non-returnable/NO-SUCH", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.MERCHANDISER)),
                new Call("exchanges", "POST", "/api/v1/returns/exchanges", Map.of(), EnumSet.of(Role.ADMIN,
                        Role.AGENT, Role.STORE_ASSOCIATE, Role.INTEGRATION)),
                new Call("customers", "GET", "/api/v1/customers?ref=email:nobody@example.fr", null, BACK_OFFICE),
                new Call("customers", "POST", "/api/v1/customers/identify", Map.of(), FRONT_LINE),
                new Call("customers", "PATCH", "/api/v1/customers/" + NOBODY, Map.of(), FRONT_LINE),
                new Call("customer export", "GET", "/api/v1/customers/" + NOBODY + "/export", null,
                        EnumSet.of(Role.ADMIN)),
                new Call("customer erasure", "POST", "/api/v1/customers/" + NOBODY + "/erasure", Map.of(),
                        EnumSet.of(Role.ADMIN)),
                new Call("merges", "POST", "/api/v1/customers/merges", Map.of(), EnumSet.of(Role.ADMIN, Role.AGENT)),
                new Call("attributes", "POST", "/api/v1/customers/attributes", Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("blocked identities", "GET", "/api/v1/customers/blocked-identities", null,
                        EnumSet.of(Role.ADMIN)),
                new Call("consent confirmation", "POST", "/api/v1/customers/consents/confirm", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.AGENT, Role.INTEGRATION, Role.STOREFRONT)),
                new Call("touchpoints", "POST", "/api/v1/touchpoints", Map.of(), SELLERS),
                new Call("segments", "GET", "/api/v1/segments", null, BACK_OFFICE),
                new Call("segments", "POST", "/api/v1/segments", Map.of(), EnumSet.of(Role.ADMIN, Role.MARKETER)),
                new Call("loyalty", "GET", "/api/v1/loyalty/tiers", null, BACK_OFFICE),
                new Call("loyalty", "POST", "/api/v1/loyalty/members", Map.of(), FRONT_LINE),
                new Call("loyalty adjustments", "POST", "/api/v1/loyalty/members/" + NOBODY + "/adjustments", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.AGENT)),
                new Call("inbound messages", "POST", "/api/v1/service/messages", Map.of(), SELLERS),
                new Call("inbound email", "POST", "/api/v1/service/inbound/email", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.INTEGRATION)),
                new Call("conversations", "GET", "/api/v1/service/conversations", null,
                        EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE)),
                new Call("conversation replies", "POST", "/api/v1/service/conversations/" + NOBODY + "/replies", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE)),
                new Call("service reports", "GET", "/api/v1/service/reports", null,
                        EnumSet.of(Role.ADMIN, Role.AGENT, Role.ANALYST)),
                new Call("service inboxes", "GET", "/api/v1/service/inboxes", null, EnumSet.of(Role.ADMIN, Role.AGENT)),
                new Call("service set-up", "PUT", "/api/v1/service/inboxes/NO-SUCH", Map.of(), EnumSet.of(Role.ADMIN)),
                new Call("delivery promises", "POST", "/api/v1/fulfilment/promises", Map.of(), EVERYONE),
                new Call("relay points", "GET", "/api/v1/fulfilment/relay-points?latitude=48.8&longitude=2.3",
                        null, EVERYONE),
                new Call("carrier services", "PUT", "/api/v1/fulfilment/carrier-services/NO-SUCH", Map.of(),
                        EnumSet.of(Role.ADMIN)),
                new Call("tracking events", "POST", "/api/v1/fulfilment/shipments/NO-SUCH/events", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.INTEGRATION)),
                new Call("orders", "POST", "/api/v1/orders/" + java.util.UUID.randomUUID() + "/cancel", Map.of(),
                        EnumSet.of(Role.ADMIN, Role.AGENT, Role.STORE_ASSOCIATE, Role.INTEGRATION)),
                new Call("metrics", "GET", "/actuator/prometheus", null,
                        EnumSet.of(Role.ADMIN, Role.INTEGRATION, Role.ANALYST)));
    }

    @Test
    void everyRoleGetsExactlyWhatItIsAllowed() {
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            Api client = role == Role.STOREFRONT ? as(storefrontKey)
                    : role == Role.STORE_ASSOCIATE ? as(scopedKey(store, role)) : as(keyFor(role));
            for (Call call : calls()) {
                Api.Response answer = client.send(call.method(), call.path(), call.body(),
                        call.body() == null ? null : "application/json");
                boolean allowed = call.allowed().contains(role);
                boolean passed = allowed ? answer.status() != 401 && answer.status() != 403
                        : answer.status() == 403 && answer.problem().equals("forbidden");
                if (!passed) {
                    mismatches.add(role + " " + call.method() + " " + call.path() + " -> " + answer.status()
                            + (allowed ? " (should be allowed)" : " (should be forbidden)"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aStoreAssociateSeesAndChangesOnlyItsOwnStore() {
        String other = unique("ST");
        admin.post("/api/v1/locations", Fixtures.store(other, 45.76, 4.85));
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));

        assertThat(associate.get("/api/v1/locations/" + store).status()).isEqualTo(200);
        assertThat(associate.get("/api/v1/locations/" + other).status()).isEqualTo(404);
        assertThat(associate.get("/api/v1/locations?limit=200").json().path("items").valueStream()
                .map(n -> n.path("code").asString())).containsExactly(store);

        var hours = Fixtures.store(store, 48.85, 2.35);
        hours.put("openingHours", List.of(Map.of("day", "SUNDAY", "opens", "10:00", "closes", "13:00")));
        assertThat(associate.with("If-Match", "*").put("/api/v1/locations/" + store, hours).status()).isEqualTo(200);

        var foreign = Fixtures.store(other, 45.76, 4.85);
        foreign.put("name", "Taken over");
        assertThat(associate.with("If-Match", "*").put("/api/v1/locations/" + other, foreign).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/locations/" + other).json().path("name").asString()).isNotEqualTo("Taken over");

        var retyped = Fixtures.store(store, 48.85, 2.35);
        retyped.put("type", "WAREHOUSE");
        assertThat(associate.with("If-Match", "*").put("/api/v1/locations/" + store, retyped).status())
                .isEqualTo(403);
    }

    @Test
    void revokedKeysStopWorkingAndTheLastAdminKeyCannotBeRevoked() {
        var created = admin.post("/api/v1/api-keys", Map.of("name", "temp", "roles", List.of("ANALYST")));
        String key = created.json().path("key").asString();
        assertThat(as(key).get("/api/v1/locations").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/api-keys/" + created.json().path("id").asString()).body()).doesNotContain(key);
        assertThat(admin.delete("/api/v1/api-keys/" + created.json().path("id").asString()).status()).isEqualTo(204);
        assertThat(as(key).get("/api/v1/locations").status()).isEqualTo(401);
    }

    @Test
    void aRotatedKeyWorksBesideItsSuccessorUntilTheOverlapEndsAndAnExpiredKeyNotAtAll() throws Exception {
        var created = admin.post("/api/v1/api-keys", Map.of("name", "erp", "roles", List.of("ANALYST")));
        String old = created.json().path("key").asString();
        String id = created.json().path("id").asString();
        var rotated = admin.post("/api/v1/api-keys/" + id + "/rotation", Map.of("overlap", "PT2S"));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        String successor = rotated.json().path("key").asString();
        assertThat(successor).isNotEqualTo(old);
        assertThat(rotated.json().path("name").asString()).isEqualTo("erp");
        assertThat(as(successor).get("/api/v1/locations").status()).isEqualTo(200);
        assertThat(as(old).get("/api/v1/locations").status()).isEqualTo(200);
        var view = admin.get("/api/v1/api-keys/" + id).json();
        assertThat(view.path("replacedBy").asString()).isEqualTo(rotated.json().path("id").asString());
        assertThat(admin.post("/api/v1/api-keys/" + id + "/rotation", null).status()).isEqualTo(409);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> as(old).get("/api/v1/locations").status() == 401);
        assertThat(as(successor).get("/api/v1/locations").status()).isEqualTo(200);

        var expiring = admin.post("/api/v1/api-keys", Map.of("name", "contractor", "roles", List.of("ANALYST"),
                "expiresAt", java.time.Instant.now().plusSeconds(2).toString()));
        assertThat(expiring.status()).as(expiring.toString()).isEqualTo(201);
        String temporary = expiring.json().path("key").asString();
        assertThat(as(temporary).get("/api/v1/locations").status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> as(temporary).get("/api/v1/locations").status() == 401);
        assertThat(admin.post("/api/v1/api-keys", Map.of("name", "past", "roles", List.of("ANALYST"),
                "expiresAt", "2020-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/api-keys/" + id + "/rotation", Map.of("overlap", "P60D")).status())
                .isEqualTo(400);
    }

    @Test
    void apiKeysAreValidated() {
        assertThat(admin.post("/api/v1/api-keys", Map.of("name", "x", "roles", List.of("KING"))).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/api-keys", Map.of("name", "x", "roles", List.of())).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/api-keys", Map.of("name", "x", "roles", List.of("STOREFRONT"))).status())
                .isEqualTo(400);
        var unknownScope = admin.post("/api/v1/api-keys",
                Map.of("name", "x", "roles", List.of("STORE_ASSOCIATE"), "locationCode", "NOWHERE-9"));
        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.json().path("errors").path(0).path("field").asString()).isEqualTo("locationCode");
    }
}
