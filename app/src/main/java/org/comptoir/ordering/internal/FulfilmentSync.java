package org.comptoir.ordering.internal;

import java.util.List;
import java.util.Map;
import org.comptoir.fulfilment.Routing;
import org.comptoir.network.GeoPoint;
import org.comptoir.platform.persistence.RenderedSql;
import org.springframework.stereotype.Component;

/**
 * Speaks to the fulfilment module: where to hold a new order's lines, and the order's state after
 * every change that matters to its fulfilment orders (placed, paid, edited, lines cancelled, cancelled).
 */
@Component
class FulfilmentSync {

    private final Routing routing;

    FulfilmentSync(Routing routing) {
        this.routing = routing;
    }

    Routing.Route route(String channelCode, Map<String, Fulfilment.Group> groups,
            List<OrderPlacement.LineRequest> lines) {
        int[] lineNo = {0};
        return routing.route(channelCode, groups.values().stream().map(FulfilmentSync::group).toList(),
                lines.stream().map(l -> new Routing.Line(++lineNo[0], l.sku(), l.quantity(), l.group(), null))
                        .toList());
    }

    /** Locks the order for a change: its fulfilment first, then its own row (the order fulfilment uses). */
    java.util.Optional<Order> lock(OrderRepository orders, java.util.UUID id) {
        routing.lock(id);
        return orders.lock(id);
    }

    /** After a change of a placed order: the order as it now stands. */
    void changed(Order order) {
        routing.sync(state(order));
    }

    /** A new order's fulfilment, added to the statements that write the order (one round trip). */
    void placed(RenderedSql.Together together, Order order, Routing.Route route) {
        routing.placed(together, state(order), route);
    }

    private static Routing.OrderState state(Order order) {
        boolean cancelled = order.status() == Order.Status.CANCELLED;
        boolean released = order.status() != Order.Status.PLACED;
        return new Routing.OrderState(order.id(), order.number(), order.channelCode(), order.holdId(), released,
                cancelled, order.groups().stream().map(FulfilmentSync::group).toList(),
                order.lines().stream().filter(l -> l.open() > 0)
                        .map(l -> new Routing.Line(l.lineNo(), l.sku(), l.open(), l.group(), l.locationCode()))
                        .toList());
    }

    private static Routing.Group group(Fulfilment.Group g) {
        GeoPoint destination = g.address() == null || g.address().latitude() == null
                || g.address().longitude() == null ? null
                : new GeoPoint(g.address().latitude(), g.address().longitude());
        var a = g.address();
        return new Routing.Group(g.code(), g.method().name(), g.method().atStore() ? g.locationCode() : null,
                destination, a == null ? null : a.country(), a == null ? g.relayPoint()
                        : String.join(", ", java.util.stream.Stream.of(a.line1(), a.line2(), a.postalCode() + " "
                                + a.city(), a.country()).filter(java.util.Objects::nonNull).toList()));
    }
}
