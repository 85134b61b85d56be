package org.comptoir.fulfilment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param shipWithin time a location has to ship a shipment or a transfer
 * @param pickupWithin time a store has to get a pickup ready
 * @param keepForPickup how long a ready order waits for its customer before it is cancelled
 * @param remindBefore how long before the end of that wait the customer is reminded
 * @param routingAttempts attempts to route an order the rules could not place before a person is asked
 * @param retryEvery wait between two routing attempts
 * @param sweepInterval how often due retries, reminders and expiries are looked for
 */
@ConfigurationProperties("comptoir.fulfilment")
record FulfilmentSettings(@DefaultValue("24h") Duration shipWithin, @DefaultValue("2h") Duration pickupWithin,
        @DefaultValue("7d") Duration keepForPickup, @DefaultValue("1d") Duration remindBefore,
        @DefaultValue("5") int routingAttempts, @DefaultValue("5m") Duration retryEvery,
        @DefaultValue("30s") Duration sweepInterval) {}
