package org.comptoir.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often due deliveries are looked for
 * @param timeout how long a receiver may take to answer
 * @param initialBackoff wait before the first retry; doubled after each failure
 * @param maxBackoff longest wait between two attempts
 * @param maxAttempts attempts before a delivery is given up as failed
 * @param batchSize deliveries claimed at once by a node
 * @param allowedHosts hosts webhooks may be sent to although they are inside the network (see
 *     {@link OutgoingAddresses}), as the URL names them
 */
@ConfigurationProperties("comptoir.integration.webhooks")
record WebhookSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration timeout,
        @DefaultValue("10s") Duration initialBackoff, @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue("12") int maxAttempts, @DefaultValue("20") int batchSize,
        @DefaultValue java.util.Set<String> allowedHosts) {

    OutgoingAddresses addresses() {
        return new OutgoingAddresses(allowedHosts);
    }


    /** Exponential backoff: initial, 2×, 4×… capped. */
    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(30, Math.max(0, attempts - 1));
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
