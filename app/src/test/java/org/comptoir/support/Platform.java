package org.comptoir.support;

import java.util.HashMap;
import java.util.Map;
import org.comptoir.ComptoirApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform started as a separate process would be, on a database of its own: for tests that stop
 * and restart it, or that need settings the shared test context does not have.
 */
public final class Platform implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Platform(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Platform start(Map<String, String> database, Map<String, String> settings, Class<?>... extra) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("comptoir.demo.enabled", "false");
        properties.put("comptoir.access.admin-api-key", ApiTest.ADMIN_KEY);
        properties.put("comptoir.catalog.import-spool", "target/test-imports");
        properties.put("comptoir.integration.webhooks.poll-interval", "100ms");
        properties.put("comptoir.integration.webhooks.initial-backoff", "200ms");
        properties.put("comptoir.ordering.test-payments", "true");
        properties.put("comptoir.integration.webhooks.allowed-hosts", "localhost");
        properties.put("comptoir.platform.rate-limits.api-key-per-second", "100000");
        properties.put("comptoir.platform.rate-limits.storefront-per-second", "100000");
        properties.put("comptoir.platform.rate-limits.sign-ins-per-minute", "100000");
        properties.putAll(settings);
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = ComptoirApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        // Passed as command-line arguments: they win over application.yml, as in production.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new Platform(new SpringApplicationBuilder(sources).run(args));
    }

    public Api admin() {
        return new Api(port(), ApiTest.ADMIN_KEY);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
