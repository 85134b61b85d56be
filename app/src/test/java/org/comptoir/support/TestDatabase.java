package org.comptoir.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database the suite runs on: H2 in memory by default, PostgreSQL when the build says
 * {@code -Dcomptoir.test.db=postgres} (then {@code comptoir.test.pg-url} names the server's database).
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("comptoir.test.db", "h2"));
    }

    /** Connection properties of the shared test database. */
    public static Map<String, String> shared() {
        return named("comptoir_test");
    }

    /**
     * Connection properties of a database of its own, created empty: for tests that stop and restart
     * the platform and must not see the background work of other test contexts.
     */
    public static Map<String, String> fresh(String name) {
        if (postgres()) {
            String admin = System.getProperty("comptoir.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/comptoir_test");
            String server = admin.substring(0, admin.lastIndexOf('/') + 1);
            try (Connection c = DriverManager.getConnection(server + "postgres", user(), "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name, e);
            }
        }
        return named(name);
    }

    private static Map<String, String> named(String name) {
        if (postgres()) {
            String url = System.getProperty("comptoir.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/comptoir_test");
            if (!name.equals("comptoir_test")) {
                url = url.substring(0, url.lastIndexOf('/') + 1) + name;
            }
            return Map.of("spring.datasource.url", url, "spring.datasource.username", user(),
                    "spring.datasource.password", "");
        }
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    private static String user() {
        return System.getProperty("comptoir.test.pg-user", "postgres");
    }
}
