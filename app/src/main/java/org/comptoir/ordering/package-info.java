/**
 * Ordering: carts that follow the customer from the web to the app, the phone and the till, orders
 * placed by any channel (from a cart, or directly by store tills and marketplace imports) with their
 * state machine and history, and payments through providers.
 */
@ApplicationModule(displayName = "Ordering",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "catalog", "inventory", "pricing", "fulfilment"})
package org.comptoir.ordering;

import org.springframework.modulith.ApplicationModule;
