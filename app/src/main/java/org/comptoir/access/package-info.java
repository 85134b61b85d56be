/**
 * Access: the API keys of back-office users and integrations, with their roles and optional location
 * scope, and the admin key created on first start.
 */
@ApplicationModule(displayName = "Access",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "network"})
package org.comptoir.access;

import org.springframework.modulith.ApplicationModule;
