package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import org.comptoir.inventory.LowStockReached;
import org.comptoir.inventory.StockChanged;
import org.comptoir.inventory.StockDepleted;
import org.comptoir.inventory.StockReplenished;
import org.comptoir.inventory.StockShortfall;
import org.comptoir.platform.persistence.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells what a change of one balance means, from its state before and after: stock changed; out of
 * stock or back in stock, here and in the whole network; below its low-stock threshold; short of
 * what was promised. Published in the transaction of the change (the outbox).
 */
@Component
class StockEvents {

    private final BalanceRepository balances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StockEvents(BalanceRepository balances, ApplicationEventPublisher events, Clock clock) {
        this.balances = balances;
        this.events = events;
        this.clock = clock;
    }

    void changed(Balance before, Balance after, String cause) {
        Instant now = clock.instant();
        String sku = after.sku();
        String location = after.locationCode();
        events.publishEvent(new StockChanged(Ids.newId(), now, sku, location, after.onHand(), after.reserved(),
                after.available(), cause));
        int was = before.available();
        int is = after.available();
        if (was > 0 && is == 0) {
            events.publishEvent(new StockDepleted(Ids.newId(), now, sku, location));
        } else if (was == 0 && is > 0) {
            events.publishEvent(new StockReplenished(Ids.newId(), now, sku, location, is));
        }
        Integer threshold = after.lowStockThreshold();
        if (threshold != null && was > threshold && is <= threshold) {
            events.publishEvent(new LowStockReached(Ids.newId(), now, sku, location, is, threshold));
        }
        if (after.shortfall() > before.shortfall()) {
            events.publishEvent(new StockShortfall(Ids.newId(), now, sku, location, after.onHand(), after.reserved(),
                    after.shortfall()));
        }
        if ((was == 0) != (is == 0)) {
            // Only this balance changed, so the network total before is the total now minus its change.
            int networkNow = balances.networkAvailable(sku);
            int networkBefore = networkNow - is + was;
            if (networkBefore > 0 && networkNow == 0) {
                events.publishEvent(new StockDepleted(Ids.newId(), now, sku, null));
            } else if (networkBefore == 0 && networkNow > 0) {
                events.publishEvent(new StockReplenished(Ids.newId(), now, sku, null, networkNow));
            }
        }
    }
}
