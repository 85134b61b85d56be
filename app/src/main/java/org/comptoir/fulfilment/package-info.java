/**
 * Fulfilment: where an order's lines are fulfilled from. The sourcing engine fences out locations
 * that cannot serve (channel, capability, capacity, distance, stock), rates the others (distance,
 * cost, workload, stock depth) and prefers the fewest locations, explaining every choice; rules are
 * configured per channel and delivery method. Then one fulfilment order per location and shipment
 * (shipments, parcels to a pickup store, pickups) with its own state machine, a store's work list,
 * pickup codes, refusals re-routed elsewhere, and uncollected orders reminded then cancelled.
 */
@ApplicationModule(displayName = "Fulfilment",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "catalog", "inventory"})
package org.comptoir.fulfilment;

import org.springframework.modulith.ApplicationModule;
