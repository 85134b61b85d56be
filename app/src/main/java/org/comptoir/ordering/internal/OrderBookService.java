package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.ordering.OrderBook;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.comptoir.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ordering module's answer to {@link OrderBook}. */
@Service
class OrderBookService implements OrderBook {

    /** The payment provider of an exchange's credit. */
    static final String EXCHANGE_CREDIT = "EXCHANGE_CREDIT";

    private static final EnumSet<Order.Status> HANDED_OVER = EnumSet.of(Order.Status.DELIVERED,
            Order.Status.COLLECTED);

    private final OrderRepository orders;
    private final Payments payments;
    private final OrderPlacement placement;
    private final Pricing pricing;

    OrderBookService(OrderRepository orders, Payments payments, OrderPlacement placement, Pricing pricing) {
        this.orders = orders;
        this.payments = payments;
        this.placement = placement;
        this.pricing = pricing;
    }

    @Override
    public long price(Exchange exchange) {
        Quote quote = pricing.quote(new QuoteRequest(exchange.channelCode(), null, exchange.customerRef(), null,
                null, List.of(new QuoteRequest.Line(exchange.sku(), exchange.quantity())), List.of(),
                exchange.shipTo() == null ? null : Fulfilment.Method.HOME_DELIVERY.name()));
        return quote.totals().gross();
    }

    @Override
    @Transactional
    public Placed placeExchange(Exchange exchange, Caller caller) {
        Fulfilment.Group group = exchange.shipTo() == null
                ? new Fulfilment.Group("exchange", Fulfilment.Method.CARRY_OUT, exchange.storeCode(), null, null)
                : new Fulfilment.Group("exchange", Fulfilment.Method.HOME_DELIVERY, null, null, new Fulfilment.Address(
                        exchange.shipTo().line1(), null, exchange.shipTo().postalCode(), exchange.shipTo().city(),
                        exchange.shipTo().country(), null, null));
        Order order = placement.place(new OrderPlacement.PlaceOrder(exchange.channelCode(), null,
                exchange.customerRef(), null, null, null, List.of(), List.of(group),
                List.of(new OrderPlacement.LineRequest(exchange.sku(), exchange.quantity(), "exchange")),
                Order.PaymentTerms.PAY_NOW, null, null, 0), caller).order();
        long used = Math.min(exchange.credit(), order.totals().gross());
        if (used > 0) {
            payments.payInternally(order, EXCHANGE_CREDIT, used, caller);
        }
        Order after = orders.find(order.id()).orElseThrow();
        return new Placed(after.id(), after.number(), after.status().name(), after.totals().gross(), used,
                after.totals().gross() - used);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> find(UUID id) {
        return orders.find(id).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> ofCustomer(Set<String> customerRefs, int limit) {
        return customerRefs.isEmpty() ? List.of() : orders.ofCustomers(customerRefs, limit).stream()
                .map(this::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> findByNumber(String number) {
        return orders.findByNumber(number).map(this::summary);
    }

    @Override
    @Transactional
    public long refund(UUID orderId, long amount, String reason, Caller caller) {
        return payments.refundUpTo(orderId, amount, reason, caller);
    }

    @Override
    @Transactional
    public void returned(UUID orderId, long value, long credited, Caller caller) {
        Order order = orders.lock(orderId).orElseThrow();
        orders.returned(orderId, value, credited, java.time.Instant.now());
        payments.rebalance(orders.find(orderId).orElseThrow(), "goods returned", caller);
    }

    private Summary summary(Order order) {
        Instant handedOver = null;
        Instant shipped = null;
        for (OrderRepository.Change change : orders.history(order.id())) {
            if (change.to() != null && HANDED_OVER.contains(change.to())) {
                handedOver = change.at();
            } else if (change.to() == Order.Status.SHIPPED && shipped == null) {
                shipped = change.at();
            }
        }
        return new Summary(order.id(), order.number(), order.channelCode(), order.customerRef(), order.status().name(),
                order.currency(), order.paymentTerms().name(), order.placedAt(), handedOver != null ? handedOver
                        : shipped, order.lines().stream().map(l -> new Line(l.lineNo(), l.sku(), l.quantity(),
                                l.cancelled(), l.gross(), l.taxRateBp(), l.locationCode())).toList(),
                order.totals().gross(), order.refunded());
    }
}
