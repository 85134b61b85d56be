package org.comptoir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the whole platform on a random port and the test database, driven through
 * its real API. Every test class shares one application context, so tests make their own data with
 * unique codes rather than expecting an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "comptoir.demo.enabled=false",
        // the suite's contexts share one database but not their settings: each runs its own jobs
        "comptoir.platform.cluster-name=${random.value}",
        // the whole suite shares one admin key and one client address: RateLimitTest sets its own limits
        "comptoir.platform.rate-limits.api-key-per-second=100000",
        "comptoir.platform.rate-limits.storefront-per-second=100000",
        "comptoir.platform.rate-limits.sign-ins-per-minute=100000",
        "comptoir.access.admin-api-key=" + ApiTest.ADMIN_KEY,
        "comptoir.integration.webhooks.poll-interval=100ms",
        "comptoir.integration.webhooks.initial-backoff=200ms",
        "comptoir.integration.webhooks.allowed-hosts=localhost",
        "comptoir.catalog.import-spool=target/test-imports",
        "comptoir.inventory.feed-overlap=0s",
        "comptoir.ordering.sweep-interval=300ms",
        "comptoir.ordering.abandon-after=2s",
        "comptoir.ordering.cart-hold-channels=HOLDCART",
        "comptoir.ordering.test-payments=true",
        "comptoir.ordering.reconcile-interval=500ms",
        "comptoir.ordering.payment-retry=500ms",
        "comptoir.fulfilment.sweep-interval=300ms",
        "comptoir.fulfilment.retry-every=300ms",
        "comptoir.fulfilment.routing-attempts=2",
        "comptoir.service.sweep-interval=300ms"})
@Import(WriteJournal.class)
public abstract class ApiTest {

    public static final String ADMIN_KEY = "ck_test_admin_key_for_the_suite_only";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    protected Api admin;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.shared().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", TestMail::port);
    }

    @BeforeEach
    void connect() {
        admin = new Api(port, ADMIN_KEY);
    }

    /** A code no other test uses, in the shape of location and channel codes. */
    protected static String unique(String prefix) {
        return uniqueCode(prefix);
    }

    /** The same, for helpers outside a test class. */
    public static String uniqueCode(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "-"
                + SEQUENCE.incrementAndGet();
    }

    /** An API key holding the given roles (created once per role set). */
    protected String keyFor(Role... roles) {
        String name = Arrays.toString(roles);
        return KEYS.computeIfAbsent(name + port, n -> createKey(null, roles));
    }

    /** A new API key scoped to one location. */
    protected String scopedKey(String locationCode, Role... roles) {
        return createKey(locationCode, roles);
    }

    private String createKey(String locationCode, Role... roles) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", "test " + UUID.randomUUID());
        body.put("roles", Arrays.stream(roles).map(Enum::name).toList());
        if (locationCode != null) {
            body.put("locationCode", locationCode);
        }
        Api.Response created = admin.post("/api/v1/api-keys", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asString();
    }

    /** A new location of the type at a point, with the capabilities given; its (unique) code. */
    protected String location(String prefix, String type, double latitude, double longitude,
            String... capabilities) {
        String code = unique(prefix);
        var body = Fixtures.store(code, latitude, longitude);
        body.put("type", type);
        body.put("capabilities", List.of(capabilities));
        Api.Response created = admin.post("/api/v1/locations", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    /** A new euro price list (the default one when no other is) with these amounts per SKU; its code. */
    protected String priceList(Map<String, Integer> amounts) {
        String code = unique("EUR");
        assertThat(admin.post("/api/v1/pricing/price-lists", Map.of("code", code, "name", "Prix", "currency", "EUR"))
                .status()).isEqualTo(201);
        var prices = amounts.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "amount", e.getValue())).toList();
        Api.Response set = admin.put("/api/v1/pricing/price-lists/" + code + "/prices", Map.of("prices", prices));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        return code;
    }

    /** Units received at a location (a receipt movement). */
    protected void receive(String location, String sku, int quantity) {
        Api.Response answer = admin.post("/api/v1/inventory/movements", Map.of("locationCode", location, "sku", sku,
                "kind", "RECEIPT", "quantity", quantity, "reference", unique("PO")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    protected Api as(String key) {
        return admin.as(key);
    }
}
