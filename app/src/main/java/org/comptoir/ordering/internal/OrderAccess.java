package org.comptoir.ordering.internal;

import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;

/**
 * Whose an order is. A storefront is public (anyone holds its key): it sees an order only when the
 * request proves it is the shopper's, by the order's own secret (the confirmation link) on the order's
 * channel, or by the token of the customer it was placed for. A key scoped to a store sees the orders
 * that take stock from it or are collected there. Any other order looks absent, whatever the method.
 */
final class OrderAccess {

    private OrderAccess() {}

    static Order visible(Caller caller, Order order) {
        if (!mayAccess(caller, order)) {
            throw ApiProblem.notFound("Order", order.id());
        }
        return order;
    }

    static boolean mayAccess(Caller caller, Order order) {
        if (caller.storefront()) {
            boolean bySecret = caller.channelCode().map(order.channelCode()::equals).orElse(false)
                    && caller.holdsSecret(order.secretHash());
            if (!bySecret && !caller.ownsCustomerRef(order.customerRef())) {
                return false;
            }
        }
        return caller.locationCode().map(order::involves).orElse(true);
    }
}
