package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.comptoir.customers.CustomerFixture;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database, as behind a load balancer: a scheduled job runs on one node per period,
 * what one node changes the other's caches forget within a second, an Idempotency-Key replayed on the
 * other node gets the first answer, and a publication left incomplete after its listener committed
 * (a node killed in between) is handed back while the platform runs, its effect happening once.
 */
class ClusterNodesTest {

    private static final Duration EXPIRY = Duration.ofMillis(200);

    private static Platform a;
    private static Platform b;

    @BeforeAll
    static void start() {
        Map<String, String> database = TestDatabase.fresh("comptoir_cluster_nodes");
        Map<String, String> settings = Map.of("comptoir.inventory.expiry-interval", EXPIRY.toMillis() + "ms",
                "comptoir.platform.events.resubmit-interval", "300ms",
                "comptoir.platform.events.first-retry", "500ms");
        a = Platform.start(database, settings);
        b = Platform.start(database, settings);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void aScheduledJobRunsOnOneNodePerPeriod() throws InterruptedException {
        double before = runs(a) + runs(b);
        long started = System.nanoTime();
        Thread.sleep(4_000);
        double ran = runs(a) + runs(b) - before;
        double periods = (System.nanoTime() - started) / (double) EXPIRY.toNanos();
        // Each node ticks every period: without the lock the two would run about 2 × periods times.
        assertThat(ran).isGreaterThanOrEqualTo(periods / 2).isLessThanOrEqualTo(periods / 0.9 + 2);
    }

    @Test
    void aKeyRevokedOnOneNodeStopsWorkingOnTheOtherWithinASecond() {
        var issued = a.admin().post("/api/v1/api-keys", Map.of("name", "cluster " + UUID.randomUUID(),
                "roles", List.of("MERCHANDISER")));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Api onB = b.admin().as(issued.json().path("key").asString());
        assertThat(onB.get("/api/v1/catalog/products?limit=1").status()).isEqualTo(200);

        assertThat(a.admin().delete("/api/v1/api-keys/" + issued.json().path("id").asString()).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> onB.get("/api/v1/catalog/products?limit=1").status() == 401);
    }

    @Test
    void aPriceChangedOnOneNodeIsQuotedOnTheOtherWithinASecond() {
        String sku = "CLU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String store = ApiTest.uniqueCode("ST");
        assertThat(a.admin().post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35)).status()).isEqualTo(201);
        String channel = ApiTest.uniqueCode("WEB");
        assertThat(a.admin().post("/api/v1/channels", Fixtures.channel(channel, List.of(store))).status())
                .isEqualTo(201);
        assertThat(a.admin().post("/api/v1/catalog/products", Fixtures.product("Râteau", List.of(channel), sku))
                .status()).isEqualTo(201);
        String list = "EUR-" + sku;
        assertThat(a.admin().post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix",
                "currency", "EUR")).status()).isEqualTo(201);
        setPrice(list, sku, 1490);
        await().atMost(Duration.ofSeconds(1)).until(() -> priceOnB(sku) == 1490);

        setPrice(list, sku, 990);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> priceOnB(sku) == 990);
    }

    @Test
    void anIdempotencyKeyReplayedOnTheOtherNodeGetsTheFirstAnswer() {
        String code = ApiTest.uniqueCode("ST");
        var body = Fixtures.store(code, 48.85, 2.35);
        String key = UUID.randomUUID().toString();
        var first = a.admin().with("Idempotency-Key", key).post("/api/v1/locations", body);
        var replay = b.admin().with("Idempotency-Key", key).post("/api/v1/locations", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
    }

    @Test
    void aPublicationLeftIncompleteAfterItsListenerCommittedIsDeliveredAgainWithItsEffectOnce() {
        Api admin = a.admin();
        CustomerFixture shop = new CustomerFixture(admin, ApiTest::uniqueCode);
        String phone = "+3362" + String.format("%07d", (int) (System.nanoTime() % 10_000_000));
        var associateKey = admin.post("/api/v1/api-keys", Map.of("name", "associate", "roles",
                List.of(Role.STORE_ASSOCIATE.name()), "locationCode", shop.store)).json().path("key").asString();
        var sale = shop.tillSale(admin.as(associateKey), "phone:" + phone, 1);
        String orderId = sale.path("id").asString();
        String number = sale.path("number").asString();
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers?ref=phone:"
                + phone.replace("+", "%2B")).json().path(0).path("profile").path("id").asString(""),
                id -> !id.isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> purchases(admin, customer, number) == 1);
        String loyalty = admin.get("/api/v1/loyalty/members/" + customer).body();

        JdbcTemplate db = new JdbcTemplate(a.bean(DataSource.class));
        // Every listener of the sale's events: its placement, its payment's status change.
        String where = "serialized_event LIKE '%" + orderId + "%'";
        await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND " + where,
                Integer.class) == 0);
        List<String> listeners = db.queryForList("SELECT listener_id FROM event_publication WHERE " + where,
                String.class);
        assertThat(listeners).contains("customers.order-placed", "customers.order-status");
        // What a node killed after the listeners' commits and before their completions leaves behind,
        // once the staleness monitor has marked it.
        db.update("UPDATE event_publication SET completion_date = NULL, status = 'FAILED' WHERE " + where);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> db.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND " + where,
                Integer.class) == 0);
        assertThat(db.queryForList("SELECT last_resubmission_date FROM event_publication WHERE " + where))
                .as("handed back by the resubmission, not left alone").hasSize(listeners.size())
                .allMatch(row -> row.get("last_resubmission_date") != null);
        assertThat(purchases(admin, customer, number)).isEqualTo(1);
        assertThat(admin.get("/api/v1/loyalty/members/" + customer).body()).isEqualTo(loyalty);
    }

    private void setPrice(String list, String sku, int amount) {
        var set = a.admin().put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices",
                List.of(Map.of("sku", sku, "amount", amount))));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
    }

    private static long priceOnB(String sku) {
        var audit = b.admin().get("/api/v1/pricing/audit/" + sku + "?currency=EUR");
        return audit.json().findValues(sku).stream().findFirst().map(n -> n.asLong()).orElse(-1L);
    }

    private static double runs(Platform node) {
        Counter counter = node.bean(MeterRegistry.class).find("comptoir.cluster.job.runs")
                .tag("job", "inventory.hold-expiry").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long purchases(Api admin, String customer, String number) {
        return admin.get("/api/v1/customers/" + customer + "/timeline?limit=200").json().path("items").valueStream()
                .filter(t -> t.path("type").asString().equals("PURCHASE")
                        && t.path("subject").asString().equals(number))
                .count();
    }
}
