package org.comptoir.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminApiKey the admin key to install on start ({@code COMPTOIR_ADMIN_API_KEY}); when absent
 *     and no admin key exists yet, one is generated and printed once
 */
@ConfigurationProperties("comptoir.access")
record AccessSettings(String adminApiKey) {}
