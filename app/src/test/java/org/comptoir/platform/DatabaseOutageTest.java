package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cuts every connection of the platform (as a restart or a failover does) while clients
 * read and write: they get 503 problems with Retry-After, never a 500, and a write retried with its
 * Idempotency-Key is made exactly once. PostgreSQL only: the embedded database cannot be cut.
 */
class DatabaseOutageTest {

    @Test
    void cutConnectionsAnswer503WithRetryAfterAndARetriedWriteIsMadeOnce() throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs PostgreSQL to cut the connections of");
        Map<String, String> database = TestDatabase.fresh("comptoir_outage");
        try (Platform platform = Platform.start(database, Map.of())) {
            Api admin = platform.admin();
            assertThat(admin.get("/api/v1/catalog/categories").status()).isEqualTo(200);
            List<Integer> statuses = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                cut(database);
                for (int i = 0; i < 10; i++) {
                    var read = admin.get("/api/v1/catalog/categories");
                    statuses.add(read.status());
                    if (read.status() == 503) {
                        assertThat(read.header("Retry-After")).isNotBlank();
                    }
                    String code = "outage-" + round + "-" + i;
                    codes.add(code);
                    statuses.add(createOnce(admin, code));
                }
            }
            assertThat(statuses).as("statuses seen while the connections were cut").doesNotContain(500)
                    .allMatch(s -> s == 200 || s == 201 || s == 503);
            var categories = admin.get("/api/v1/catalog/categories").json();
            for (String code : codes) {
                assertThat(categories.valueStream().filter(c -> c.path("code").asString().equals(code)).count())
                        .as(code).isEqualTo(1);
            }
        }
    }

    /** Creates a category, retrying a 503 with the same key as a client should; answers the first status. */
    private static int createOnce(Api admin, String code) {
        Api keyed = admin.with("Idempotency-Key", "key-" + code);
        Map<String, Object> body = Map.of("code", code, "names", Map.of("fr", "Panne " + code));
        var first = keyed.post("/api/v1/catalog/categories", body);
        if (first.status() == 503) {
            assertThat(first.header("Retry-After")).isNotBlank();
            // retried with the same key until the database answers, as a client told Retry-After does
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> keyed.post("/api/v1/catalog/categories", body).status() != 503);
        }
        var settled = keyed.post("/api/v1/catalog/categories", body);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(201); // made, or its first answer replayed
        return first.status();
    }

    private static void cut(Map<String, String> database) throws Exception {
        String url = database.get("spring.datasource.url");
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                database.get("spring.datasource.username"), "");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }
    }
}
