package org.comptoir.ordering.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unpaidTtl how long an order paid at checkout waits for its payment before it is cancelled
 *     and its stock released
 * @param collectTtl how long a reserve & collect order waits in the store before it is cancelled
 * @param abandonAfter how long a known customer's cart stays untouched before it counts as abandoned
 * @param cartHoldChannels the channels whose carts hold their stock while the customer shops
 * @param cartHoldTtl how long such a soft hold lasts after the cart's last change
 * @param sweepInterval how often expired orders and abandoned carts are looked for
 */
@ConfigurationProperties("comptoir.ordering")
record OrderingSettings(@DefaultValue("30m") Duration unpaidTtl, @DefaultValue("3d") Duration collectTtl,
        @DefaultValue("1h") Duration abandonAfter, @DefaultValue Set<String> cartHoldChannels,
        @DefaultValue("20m") Duration cartHoldTtl, @DefaultValue("30s") Duration sweepInterval) {}
