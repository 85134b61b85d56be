package org.comptoir.fulfilment.internal;

import java.util.EnumSet;
import java.util.List;
import org.comptoir.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves the demo orders' fulfilment along, once, after they are placed: the marketplace shirt is
 * shipped and delivered (ready to be exchanged in a store), the click & collect made ready for its
 * customer (its transfers arrived first), the web order being picked; the rest waits.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoFulfilment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFulfilment.class);

    private final FulfilmentRepository fulfilment;
    private final FulfilmentOrders orders;

    DemoFulfilment(FulfilmentRepository fulfilment, FulfilmentOrders orders) {
        this.fulfilment = fulfilment;
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments args) {
        var moved = fulfilment.work(null, EnumSet.complementOf(EnumSet.of(FulfilmentOrder.Status.ON_HOLD,
                FulfilmentOrder.Status.TO_PICK, FulfilmentOrder.Status.CANCELLED)), null, null, 1);
        List<FulfilmentOrder> waiting = fulfilment.work(null, EnumSet.of(FulfilmentOrder.Status.TO_PICK), null, null,
                100);
        if (!moved.isEmpty() || waiting.isEmpty()) {
            return;
        }
        Caller demo = Caller.SYSTEM;
        for (FulfilmentOrder f : waiting) {
            if (f.kind() == FulfilmentOrder.Kind.TRANSFER) {
                orders.start(f.id(), demo);
                orders.pack(f.id(), demo);
                orders.ship(f.id(), new Shipments.ShipRequest("DEMO-" + f.orderNumber(), null, null, null, null),
                        demo);
                orders.arrive(f.id(), demo);
            }
        }
        for (FulfilmentOrder f : waiting) {
            if (f.kind() == FulfilmentOrder.Kind.SHIPMENT && f.channelCode().equals("MARKETPLACE")) {
                orders.start(f.id(), demo);
                orders.pack(f.id(), demo);
                orders.ship(f.id(), new Shipments.ShipRequest("DEMO-" + f.orderNumber(), null, null, null, null),
                        demo);
                orders.deliver(f.id(), demo);
            } else if (f.kind() == FulfilmentOrder.Kind.PICKUP && f.method().equals("CLICK_AND_COLLECT")) {
                orders.start(f.id(), demo);
                orders.ready(f.id(), demo);
            } else if (f.kind() == FulfilmentOrder.Kind.SHIPMENT && f.channelCode().equals("WEB")) {
                orders.start(f.id(), demo);
            }
        }
        log.info("Demo fulfilment moved along: {} fulfilment orders", waiting.size());
    }
}
