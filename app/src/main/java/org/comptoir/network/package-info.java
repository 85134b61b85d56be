/**
 * Network: the stock locations (warehouses, distribution centres, stores, relay points) with their
 * opening hours and capabilities, and the sales channels with the locations they may sell from and
 * their publishable storefront keys.
 */
@ApplicationModule(displayName = "Network",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events"})
package org.comptoir.network;

import org.springframework.modulith.ApplicationModule;
