package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ordering module's answer to {@link OrderBook}. */
@Service
class OrderBookService implements OrderBook {

    private static final EnumSet<Order.Status> HANDED_OVER = EnumSet.of(Order.Status.DELIVERED,
            Order.Status.COLLECTED);

    private final OrderRepository orders;
    private final Payments payments;

    OrderBookService(OrderRepository orders, Payments payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> find(UUID id) {
        return orders.find(id).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> findByNumber(String number) {
        return orders.findByNumber(number).map(this::summary);
    }

    @Override
    @Transactional
    public long refund(UUID orderId, long amount, String reason, Caller caller) {
        long left = amount;
        List<Payment> captured = payments.of(orderId).stream()
                .filter(p -> p.captured() - p.refunded() > 0)
                .sorted(Comparator.comparing(Payment::createdAt).reversed()).toList();
        for (Payment payment : captured) {
            if (left == 0) {
                break;
            }
            long here = Math.min(left, payment.captured() - payment.refunded());
            Order order = orders.lock(orderId).orElseThrow();
            payments.refund(order, payment.id(), here, caller);
            left -= here;
        }
        return amount - left;
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
                                l.cancelled(), l.gross(), l.taxRateBp())).toList());
    }
}
