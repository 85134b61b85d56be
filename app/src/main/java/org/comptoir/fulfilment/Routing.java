package org.comptoir.fulfilment;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.network.GeoPoint;

/**
 * Fulfilment as the ordering module uses it: where an order's lines should be held (decided by the
 * sourcing engine, with its explanation), and the fulfilment orders kept in step with the order.
 */
public interface Routing {

    /**
     * A group of lines and how it reaches the customer ({@code method} as ordering names it): the
     * pickup store, or the delivery address (one line, for labels), its country and position.
     */
    record Group(String code, String method, String pickupStore, GeoPoint destination, String country,
            String address) {}

    /** A line; {@code locationCode} is where its units are held (null when asking where to hold them). */
    record Line(int lineNo, String sku, int quantity, String group, String locationCode) {}

    /**
     * Where each line is to be held ({@code lineNo → location}), whether the rules found a way, why,
     * and the decision's explanation to record with the order.
     */
    record Route(Map<Integer, String> locations, boolean routed, String reason, String explanationJson) {}

    /**
     * The order as it stands: {@code released} once it may be prepared (paid or pay-at-pickup),
     * {@code cancelled} when nothing is to be fulfilled any more; lines are the open ones.
     */
    record OrderState(UUID orderId, String number, String channelCode, UUID holdId, boolean released,
            boolean cancelled, List<Group> groups, List<Line> lines) {}

    /**
     * Decides where to hold the lines: the sourcing engine per group, under the channel's rule for the
     * method. Lines it cannot place come back without a location (the caller falls back and the order
     * is retried, then flagged); stores collected from and carry-outs keep their store.
     */
    Route route(String channelCode, List<Group> groups, List<Line> lines);

    /**
     * Brings a placed order's fulfilment orders in step with it, in the caller's transaction: rebuilds
     * those not started after an edit, releases them once paid, cancels them with the order.
     */
    void sync(OrderState order);

    /**
     * Opens a new order's fulfilment orders and records its {@code route}, by adding the inserts to
     * statements the caller sends in its own round trip (the order's rows): they are written, or taken
     * back, with them.
     */
    void placed(org.comptoir.platform.persistence.RenderedSql.Together together, OrderState order, Route route);

    /**
     * Takes the order's fulfilment lock in the caller's transaction. Whoever changes an order takes it
     * before the order's own row, as fulfilment does, so that the two never wait on each other.
     */
    void lock(UUID orderId);
}
