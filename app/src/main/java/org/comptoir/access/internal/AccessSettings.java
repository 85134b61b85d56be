package org.comptoir.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminApiKey the admin key to install on start ({@code COMPTOIR_ADMIN_API_KEY}); when absent
 *     and no admin key exists yet, one is generated and written once to {@code adminKeyFile}
 * @param adminKeyFile where a generated admin key is written, readable by the platform's user only
 *     (never in a log)
 */
@ConfigurationProperties("comptoir.access")
record AccessSettings(String adminApiKey,
        @org.springframework.boot.context.properties.bind.DefaultValue("./data/admin-api-key") String adminKeyFile) {}
