package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.comptoir.inventory.Inventory;
import org.comptoir.ordering.OrderStatusChanged;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Pricing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments of orders through their providers. The provider is always called before any stock row is
 * touched in the transaction; a declined payment of an order paid at checkout cancels it and gives its
 * stock back at once.
 */
@Service
class Payments {

    private static final EnumSet<Order.Status> PAYABLE = EnumSet.of(Order.Status.PLACED, Order.Status.CONFIRMED,
            Order.Status.IN_FULFILMENT, Order.Status.READY_FOR_PICKUP);

    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final Map<String, PaymentProvider> providers;
    private final Inventory inventory;
    private final Pricing pricing;
    private final ApplicationEventPublisher events;
    private final FulfilmentSync fulfilment;
    private final Clock clock;

    Payments(PaymentRepository payments, OrderRepository orders, List<PaymentProvider> providers, Inventory inventory,
            Pricing pricing, ApplicationEventPublisher events, FulfilmentSync fulfilment, Clock clock) {
        this.fulfilment = fulfilment;
        this.payments = payments;
        this.orders = orders;
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::code, Function.identity()));
        this.inventory = inventory;
        this.pricing = pricing;
        this.events = events;
        this.clock = clock;
    }

    List<Payment> of(UUID orderId) {
        return payments.ofOrder(orderId);
    }

    /** What the order still needs secured (authorised or captured). */
    long due(Order order) {
        return order.totals().gross() - payments.ofOrder(order.id()).stream().mapToLong(Payment::secured).sum();
    }

    @Transactional
    Payment pay(Order order, String providerCode, Long amount, String token, Caller caller) {
        PaymentProvider provider = providers.get(providerCode);
        if (provider == null) {
            throw ApiProblem.invalid("provider", "must be one of " + providers.keySet().stream().sorted().toList());
        }
        if (!PAYABLE.contains(order.status())) {
            throw ApiProblem.conflict("order-not-payable", "An order " + order.status() + " takes no payment")
                    .with("status", order.status().name());
        }
        long due = due(order);
        long asked = amount == null ? due : amount;
        if (due <= 0 || asked < 1 || asked > due) {
            throw ApiProblem.invalid("amount", due <= 0 ? "nothing is due on this order" : "must be 1 to " + due);
        }
        PaymentProvider.Outcome outcome = provider.authorize(order.number(), asked, order.currency(), token);
        Instant now = clock.instant();
        Order current = fulfilment.lock(orders, order.id()).orElseThrow();
        if (!PAYABLE.contains(current.status())) {
            if (outcome.approved()) {
                provider.voidAuthorization(outcome.reference());
            }
            throw ApiProblem.conflict("order-not-payable", "The order became " + current.status() + " meanwhile");
        }
        if (!outcome.approved()) {
            Payment declined = new Payment(Ids.newId(), order.id(), provider.code(), Payment.Status.DECLINED, asked, 0,
                    0, null, outcome.detail(), now);
            payments.insert(declined);
            if (current.paymentTerms() == Order.PaymentTerms.PAY_NOW && current.status() == Order.Status.PLACED) {
                cancelDeclined(current, outcome.detail(), caller, now);
            }
            return declined;
        }
        Payment.Status status = provider.capturesImmediately() ? Payment.Status.CAPTURED
                : provider.awaitsConfirmation() ? Payment.Status.PENDING : Payment.Status.AUTHORIZED;
        Payment payment = new Payment(Ids.newId(), order.id(), provider.code(), status, asked,
                status == Payment.Status.CAPTURED ? asked : 0, 0, outcome.reference(), null, now);
        payments.insert(payment);
        settled(current, caller, now);
        return payment;
    }

    /** Captures an authorisation, or confirms a bank transfer arrived. */
    @Transactional
    Payment capture(Order order, UUID paymentId, Caller caller) {
        Payment payment = payments.find(order.id(), paymentId)
                .orElseThrow(() -> ApiProblem.notFound("Payment", paymentId));
        if (payment.status() == Payment.Status.CAPTURED) {
            return payment;
        }
        if (payment.status() != Payment.Status.AUTHORIZED && payment.status() != Payment.Status.PENDING) {
            throw ApiProblem.conflict("payment-not-capturable", "A payment " + payment.status() + " cannot be captured");
        }
        var outcome = providers.get(payment.provider()).capture(payment.providerRef(), payment.amount());
        if (!outcome.approved()) {
            throw ApiProblem.conflict("capture-refused", "The provider refused the capture: " + outcome.detail());
        }
        Instant now = clock.instant();
        Order current = fulfilment.lock(orders, order.id()).orElseThrow();
        Payment captured = new Payment(payment.id(), payment.orderId(), payment.provider(), Payment.Status.CAPTURED,
                payment.amount(), payment.amount(), 0, payment.providerRef(), null, payment.createdAt());
        payments.update(captured, now);
        settled(current, caller, now);
        return captured;
    }

    @Transactional
    Payment refund(Order order, UUID paymentId, Long amount, Caller caller) {
        Payment payment = payments.find(order.id(), paymentId)
                .orElseThrow(() -> ApiProblem.notFound("Payment", paymentId));
        long refundable = payment.captured() - payment.refunded();
        long asked = amount == null ? refundable : amount;
        if (refundable <= 0 || asked < 1 || asked > refundable) {
            throw ApiProblem.invalid("amount", refundable <= 0 ? "nothing of this payment can be refunded"
                    : "must be 1 to " + refundable);
        }
        var outcome = providers.get(payment.provider()).refund(payment.providerRef(), asked);
        if (!outcome.approved()) {
            throw ApiProblem.conflict("refund-refused", "The provider refused the refund: " + outcome.detail());
        }
        Instant now = clock.instant();
        Order current = fulfilment.lock(orders, order.id()).orElseThrow();
        Payment refunded = withRefund(payment, asked);
        payments.update(refunded, now);
        settled(current, caller, now);
        return refunded;
    }

    /** Before a cancellation: authorisations are voided and captured money refunded. */
    void settleForCancellation(Order order) {
        Instant now = clock.instant();
        for (Payment payment : payments.ofOrder(order.id())) {
            PaymentProvider provider = providers.get(payment.provider());
            if (payment.status() == Payment.Status.AUTHORIZED || payment.status() == Payment.Status.PENDING) {
                provider.voidAuthorization(payment.providerRef());
                payments.update(new Payment(payment.id(), payment.orderId(), payment.provider(),
                        Payment.Status.VOIDED, payment.amount(), 0, 0, payment.providerRef(), "order cancelled",
                        payment.createdAt()), now);
            } else if (payment.captured() > payment.refunded()) {
                long rest = payment.captured() - payment.refunded();
                if (provider.refund(payment.providerRef(), rest).approved()) {
                    payments.update(withRefund(payment, rest), now);
                }
            }
        }
        refreshMoney(order, now);
    }

    private static Payment withRefund(Payment payment, long amount) {
        long refunded = payment.refunded() + amount;
        return new Payment(payment.id(), payment.orderId(), payment.provider(),
                refunded >= payment.captured() ? Payment.Status.REFUNDED : payment.status(), payment.amount(),
                payment.captured(), refunded, payment.providerRef(), payment.detail(), payment.createdAt());
    }

    /** Brings the order's money and, when it is now secured, its state up to date. */
    private void settled(Order order, Caller caller, Instant now) {
        Order.PaymentStatus status = refreshMoney(order, now);
        boolean secured = status == Order.PaymentStatus.PAID || status == Order.PaymentStatus.AUTHORIZED;
        if (secured && order.status() == Order.Status.PLACED && orders.move(order.id(), EnumSet.of(Order.Status.PLACED),
                Order.Status.CONFIRMED, now)) {
            orders.keepExpiry(order.id(), null);
            orders.record(order.id(), new OrderRepository.Change(Order.Status.PLACED, Order.Status.CONFIRMED, "paid",
                    caller.name(), caller.channelCode().orElse(null), null, now));
            events.publishEvent(new OrderStatusChanged(Ids.newId(), now, order.id(), order.number(),
                    order.channelCode(), order.customerRef(), Order.Status.PLACED.name(),
                    Order.Status.CONFIRMED.name(), caller.name(), "paid"));
            carriedOut(order, caller, now);
            orders.find(order.id()).ifPresent(paid -> fulfilment.changed(paid));
        }
    }

    /** A till sale of carried-out goods is over once paid: the stock is sold, the goods handed over. */
    private void carriedOut(Order order, Caller caller, Instant now) {
        if (!order.groups().stream().allMatch(g -> g.method() == Fulfilment.Method.CARRY_OUT)) {
            return;
        }
        inventory.confirm(order.holdId());
        orders.move(order.id(), EnumSet.of(Order.Status.CONFIRMED), Order.Status.COLLECTED, now);
        orders.record(order.id(), new OrderRepository.Change(Order.Status.CONFIRMED, Order.Status.COLLECTED,
                "carried out", caller.name(), caller.channelCode().orElse(null), null, now));
    }

    private Order.PaymentStatus refreshMoney(Order order, Instant now) {
        List<Payment> all = payments.ofOrder(order.id());
        long captured = all.stream().mapToLong(Payment::captured).sum();
        long refunded = all.stream().mapToLong(Payment::refunded).sum();
        long secured = all.stream().mapToLong(Payment::secured).sum();
        long gross = order.totals().gross();
        Order.PaymentStatus status;
        if (order.paymentTerms() == Order.PaymentTerms.PREPAID) {
            status = order.paymentStatus();
        } else if (refunded > 0 && captured - refunded <= 0) {
            status = Order.PaymentStatus.REFUNDED;
        } else if (refunded > 0) {
            status = Order.PaymentStatus.PARTLY_REFUNDED;
        } else if (gross == 0) {
            status = Order.PaymentStatus.NOT_REQUIRED;
        } else if (captured >= gross) {
            status = Order.PaymentStatus.PAID;
        } else if (secured >= gross) {
            status = Order.PaymentStatus.AUTHORIZED;
        } else {
            status = Order.PaymentStatus.AWAITING;
        }
        orders.updateMoney(order.id(), order.totals(), order.paymentTerms() == Order.PaymentTerms.PREPAID
                ? order.paid() : captured, refunded, status, null, now);
        return status;
    }

    private void cancelDeclined(Order order, String detail, Caller caller, Instant now) {
        inventory.release(order.holdId());
        pricing.release(order.number());
        orders.move(order.id(), EnumSet.of(Order.Status.PLACED), Order.Status.CANCELLED, now);
        orders.keepExpiry(order.id(), null);
        orders.record(order.id(), new OrderRepository.Change(Order.Status.PLACED, Order.Status.CANCELLED,
                "payment declined", caller.name(), caller.channelCode().orElse(null), detail, now));
        events.publishEvent(new OrderStatusChanged(Ids.newId(), now, order.id(), order.number(), order.channelCode(),
                order.customerRef(), Order.Status.PLACED.name(), Order.Status.CANCELLED.name(), caller.name(),
                "payment declined: " + detail));
    }
}
