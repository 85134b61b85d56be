/**
 * Integration: domain events leave the platform here, as HMAC-signed webhooks retried with backoff
 * and, when switched on, as Kafka records (Spring Modulith externalisation).
 */
@ApplicationModule(displayName = "Integration",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy"})
package org.comptoir.integration;

import org.springframework.modulith.ApplicationModule;
