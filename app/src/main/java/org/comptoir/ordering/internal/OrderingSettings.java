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
 * @param testPayments whether the test gateway takes payments (tests and demos only, never in
 *     production: it approves any token but {@code decline})
 * @param paymentAttempts how many times a call to a payment provider is tried before a person must look
 * @param paymentRetry the wait before the second attempt, doubled after each failure
 * @param reconcileInterval how often pending calls to payment providers are looked for
 */
@ConfigurationProperties("comptoir.ordering")
record OrderingSettings(@DefaultValue("30m") Duration unpaidTtl, @DefaultValue("3d") Duration collectTtl,
        @DefaultValue("1h") Duration abandonAfter, @DefaultValue Set<String> cartHoldChannels,
        @DefaultValue("20m") Duration cartHoldTtl, @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("false") boolean testPayments, @DefaultValue("10") int paymentAttempts,
        @DefaultValue("10s") Duration paymentRetry, @DefaultValue("5s") Duration reconcileInterval) {

    /** Exponential backoff after {@code attempts} failed attempts, capped at an hour. */
    Duration retryAfter(int attempts) {
        Duration wait = paymentRetry.multipliedBy(1L << Math.min(12, Math.max(0, attempts - 1)));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
