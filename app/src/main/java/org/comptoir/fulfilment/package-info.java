/**
 * Fulfilment: where an order's lines are fulfilled from. The sourcing engine fences out locations
 * that cannot serve (channel, capability, capacity, distance, stock), rates the others (distance,
 * cost, workload, stock depth) and prefers the fewest locations, explaining every choice; rules are
 * configured per channel and delivery method.
 */
@ApplicationModule(displayName = "Fulfilment",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "network", "catalog",
                "inventory"})
package org.comptoir.fulfilment;

import org.springframework.modulith.ApplicationModule;
