package org.comptoir.inventory.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cartHoldTtl how long a cart's hold lasts when the caller does not say
 * @param personHoldTtl how long an agent's hold for a customer lasts when not said (until tomorrow)
 * @param maxHoldTtl the longest hold anyone may ask for
 * @param expiryInterval how often expired holds are looked for
 * @param feedOverlap how far back an incremental feed looks before its cursor (late commits)
 * @param storefrontHoldTtl the longest a storefront may hold stock for its shopper
 * @param storefrontHoldUnits the most units of a line a storefront may hold
 * @param storefrontHoldsPerShopper the most active holds a storefront may place from one address
 */
@ConfigurationProperties("comptoir.inventory")
record InventorySettings(@DefaultValue("30m") Duration cartHoldTtl, @DefaultValue("24h") Duration personHoldTtl,
        @DefaultValue("30d") Duration maxHoldTtl, @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("10s") Duration feedOverlap, @DefaultValue("30m") Duration storefrontHoldTtl,
        @DefaultValue("10") int storefrontHoldUnits, @DefaultValue("3") int storefrontHoldsPerShopper) {}
