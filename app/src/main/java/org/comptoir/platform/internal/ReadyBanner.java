package org.comptoir.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where to go once the platform is up. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        log.info("""

                ==========================================================================
                  Comptoir is ready on http://localhost:{}
                  API docs (Swagger UI): http://localhost:{}/swagger-ui.html
                  OpenAPI document:      http://localhost:{}/v3/api-docs
                  Health:                http://localhost:{}/actuator/health
                ==========================================================================""",
                port, port, port, port);
    }
}
