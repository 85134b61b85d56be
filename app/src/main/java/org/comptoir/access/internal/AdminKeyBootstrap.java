package org.comptoir.access.internal;

import java.util.Optional;
import java.util.Set;
import org.comptoir.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure somebody can administer a fresh installation. */
@Component
@Order(0)
class AdminKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeys keys;
    private final AccessSettings settings;

    AdminKeyBootstrap(ApiKeys keys, AccessSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = settings.adminApiKey();
        if (configured != null && !configured.isBlank()) {
            if (!configured.startsWith(ApiKeys.PREFIX) || configured.length() < 24) {
                throw new IllegalStateException("COMPTOIR_ADMIN_API_KEY must start with " + ApiKeys.PREFIX
                        + " and have at least 24 characters");
            }
            if (!keys.exists(configured)) {
                keys.store("admin (COMPTOIR_ADMIN_API_KEY)", Set.of(Role.ADMIN), Optional.empty(), configured);
                log.info("Installed the admin API key given by COMPTOIR_ADMIN_API_KEY");
            }
            return;
        }
        if (!keys.hasActiveAdmin()) {
            var issued = keys.issue("admin (first start)", Set.of(Role.ADMIN), Optional.empty());
            log.warn("""

                    ==========================================================================
                      Admin API key (shown once, keep it): {}
                      Use it as: Authorization: Bearer <key>
                    ==========================================================================""",
                    issued.secret());
        }
    }
}
