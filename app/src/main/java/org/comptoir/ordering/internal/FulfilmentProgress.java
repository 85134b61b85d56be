package org.comptoir.ordering.internal;

import java.util.Optional;
import java.util.Set;
import org.comptoir.fulfilment.FulfilmentOrderChanged;
import org.comptoir.fulfilment.OrderRerouted;
import org.comptoir.fulfilment.PickupExpired;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps orders in step with their fulfilment, in the same transaction as the fulfilment change (so a
 * hand-over the order refuses, unpaid, is refused as a whole): the order's state follows its
 * fulfilment orders, re-routed lines are held where fulfilment moved them, and an order not
 * collected in time is cancelled.
 */
@Component
class FulfilmentProgress {

    private final Orders orders;

    FulfilmentProgress(Orders orders) {
        this.orders = orders;
    }

    @EventListener
    void on(FulfilmentOrderChanged event) {
        if (event.orderProgress() != null) {
            orders.progress(event.orderId(), Order.Status.valueOf(event.orderProgress()), actor(event.actor()));
        }
    }

    @EventListener
    void on(OrderRerouted event) {
        orders.relocated(event.orderId(), event.holdId(), event.locations(), event.reason(), actor("fulfilment"));
    }

    @EventListener
    void on(PickupExpired event) {
        orders.cancel(event.orderId(), "not collected in time at " + event.locationCode(), Caller.SYSTEM);
    }

    private static Caller actor(String name) {
        return new Caller("fulfilment", name, Set.of(Role.ADMIN), Optional.empty(), Optional.empty());
    }
}
