/**
 * Inventory: one real-time stock pool across warehouses, stores and relay points. Balances with
 * safety stock, an append-only ledger of movements, holds that never promise a unit twice, channel
 * buffers, and the availability answers every channel reads (a SKU everywhere, near me, a cart).
 */
@ApplicationModule(displayName = "Inventory",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "catalog"})
package org.comptoir.inventory;

import org.springframework.modulith.ApplicationModule;
