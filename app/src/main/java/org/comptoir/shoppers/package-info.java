/**
 * Shoppers: the storefront's own identities. A shopper proves an email address with a one-time code
 * sent to it (or signs in with the password they set afterwards), and gets a short-lived customer
 * token ({@code ct_…}) naming their customer profile: the only way a storefront's cart or order names
 * a customer, spends their points, gets their prices or reads their history.
 */
@ApplicationModule(displayName = "Shoppers",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::privacy", "network", "customers", "ordering"})
package org.comptoir.shoppers;

import org.springframework.modulith.ApplicationModule;
