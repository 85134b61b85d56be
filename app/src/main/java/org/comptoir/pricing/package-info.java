/**
 * Pricing: price lists per currency (a default for every channel, channel- and customer-group lists
 * only where configured on purpose), VAT per tax class and country, delivery fees, promotions and
 * coupons, and the one engine that quotes a basket the same way on every channel.
 */
@ApplicationModule(displayName = "Pricing",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "catalog"})
package org.comptoir.pricing;

import org.springframework.modulith.ApplicationModule;
