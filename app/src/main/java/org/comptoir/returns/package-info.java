/**
 * Returns: a return opened from any channel for an order placed on any channel, brought to a store,
 * scanned at a self-service kiosk with its code or sent by parcel; return window and non-returnable
 * items; on receipt, resellable units go back into the receiving location's stock and damaged ones
 * into quarantine; refunds through the order's payments or as store credit.
 */
@ApplicationModule(displayName = "Returns",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::events", "platform::privacy",
                "network", "catalog", "inventory", "ordering"})
package org.comptoir.returns;

import org.springframework.modulith.ApplicationModule;
