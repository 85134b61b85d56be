package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.comptoir.inventory.Inventory;
import org.comptoir.ordering.OrderStatusChanged;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.pricing.Pricing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The order's side of its payments, in the caller's transaction: operations recorded with their money
 * reserved, the provider's answers settled, and the order's money and state brought up to date (paid
 * orders confirmed, a till's carried-out sale handed over, a declined checkout cancelled).
 */
@Component
class PaymentLedger {

    /** The states an order takes payments in. */
    static final EnumSet<Order.Status> PAYABLE = EnumSet.of(Order.Status.PLACED, Order.Status.CONFIRMED,
            Order.Status.IN_FULFILMENT, Order.Status.READY_FOR_PICKUP);

    /** Before the reconciler may take an operation whose first attempt its creator makes. */
    static final Duration FIRST_ATTEMPT_LEASE = Duration.ofSeconds(30);

    private final PaymentRepository payments;
    private final java.util.Map<String, PaymentProvider> providers;
    private final OrderRepository orders;
    private final FulfilmentSync fulfilment;
    private final Inventory inventory;
    private final Pricing pricing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentLedger(PaymentRepository payments, List<PaymentProvider> providers, OrderRepository orders,
            FulfilmentSync fulfilment, Inventory inventory, Pricing pricing, ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.providers = providers.stream().collect(java.util.stream.Collectors.toMap(PaymentProvider::code,
                java.util.function.Function.identity()));
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.inventory = inventory;
        this.pricing = pricing;
        this.events = events;
        this.clock = clock;
    }

    Order lock(UUID orderId) {
        return fulfilment.lock(orders, orderId).orElseThrow();
    }

    List<Payment> of(UUID orderId) {
        return payments.ofOrder(orderId);
    }

    /** What the order still needs asked of a provider: what is owed, less what is asked already. */
    long due(Order order) {
        return order.heldByPayments() - payments.ofOrder(order.id()).stream().mapToLong(Payment::reserved).sum();
    }

    /** Records an operation whose amount the caller reserved on the payment; its creator makes the first attempt. */
    PaymentOperation record(Payment payment, PaymentOperation.Kind kind, long amount, String token, String reason,
            Caller caller) {
        Instant now = clock.instant();
        PaymentOperation op = new PaymentOperation(Ids.newId(), payment.id(), payment.orderId(), kind, amount,
                PaymentOperation.Status.PENDING, token, reason, 0, now.plus(FIRST_ATTEMPT_LEASE), caller.name());
        payments.insert(op, now);
        return op;
    }

    /**
     * Settles an operation with the provider's answer (once: a second answer finds it settled), and
     * returns what that answer calls for: money authorised for an order cancelled meanwhile is let go.
     */
    List<PaymentOperation> settle(PaymentOperation op, PaymentProvider provider, PaymentProvider.Outcome outcome,
            Caller caller) {
        Order order = lock(op.orderId());
        Instant now = clock.instant();
        if (!payments.finish(op.id(), outcome.approved() ? PaymentOperation.Status.SUCCEEDED
                : PaymentOperation.Status.FAILED, outcome.reference(), outcome.detail(), now)) {
            return List.of();
        }
        List<PaymentOperation> next = new ArrayList<>();
        switch (op.kind()) {
            case AUTHORIZE -> {
                authorised(order, op, provider, outcome, caller, now);
                if (outcome.approved() && !PAYABLE.contains(order.status())) {
                    next.addAll(rebalance(orders.find(order.id()).orElseThrow(), "the order became "
                            + order.status() + " while its payment was asked for", caller));
                }
            }
            case CAPTURE -> payments.settleCapture(op.paymentId(), op.amount(), outcome.approved(), now);
            case REFUND -> payments.settleRefund(op.paymentId(), op.amount(), outcome.approved(), now);
            case VOID -> payments.settleVoid(op.paymentId(), op.amount(), outcome.approved(), now);
        }
        if (!outcome.approved() && op.kind() != PaymentOperation.Kind.AUTHORIZE) {
            orders.record(order.id(), new OrderRepository.Change(order.status(), order.status(),
                    op.kind().name().toLowerCase() + " refused", caller.name(), null, outcome.detail(), now));
        }
        settled(orders.find(order.id()).orElseThrow(), caller, now);
        return next;
    }

    /** An authorisation no answer came for after every retry: nothing was taken, a person must look. */
    void gaveUp(PaymentOperation op, String detail) {
        Instant now = clock.instant();
        lock(op.orderId());
        if (!payments.finish(op.id(), PaymentOperation.Status.FAILED, null, detail, now)) {
            return;
        }
        switch (op.kind()) {
            case AUTHORIZE -> payments.failed(op.paymentId(), detail, now);
            case CAPTURE -> payments.settleCapture(op.paymentId(), op.amount(), false, now);
            case REFUND -> payments.settleRefund(op.paymentId(), op.amount(), false, now);
            case VOID -> payments.settleVoid(op.paymentId(), op.amount(), false, now);
        }
        Order order = orders.find(op.orderId()).orElseThrow();
        orders.record(order.id(), new OrderRepository.Change(order.status(), order.status(),
                op.kind().name().toLowerCase() + " failed", Caller.SYSTEM.name(), null, detail, now));
        refreshMoney(order, now);
    }

    private void authorised(Order order, PaymentOperation op, PaymentProvider provider, PaymentProvider.Outcome outcome,
            Caller caller, Instant now) {
        if (!outcome.approved()) {
            payments.authorised(op.paymentId(), Payment.Status.DECLINED, 0, null, outcome.detail(), now);
            if (order.paymentTerms() == Order.PaymentTerms.PAY_NOW && order.status() == Order.Status.PLACED) {
                cancelDeclined(order, outcome.detail(), caller, now);
            }
            return;
        }
        Payment.Status status = provider.capturesImmediately() ? Payment.Status.CAPTURED
                : provider.awaitsConfirmation() ? Payment.Status.PENDING : Payment.Status.AUTHORIZED;
        payments.authorised(op.paymentId(), status, status == Payment.Status.CAPTURED ? op.amount() : 0,
                outcome.reference(), null, now);
    }

    /**
     * Gives back what the order's payments hold beyond what it owes (all of it once it is cancelled):
     * authorisations are let go first, then taken money refunded, newest payment first. Payments with no
     * remote party are settled at once; the operations returned are for the caller to have made after
     * its commit. A bank transfer not arrived yet is let go whole once nothing is owed.
     */
    List<PaymentOperation> rebalance(Order order, String reason, Caller caller) {
        Instant now = clock.instant();
        List<Payment> all = new ArrayList<>(payments.ofOrder(order.id()));
        all.sort(Comparator.comparing(Payment::createdAt).reversed());
        long excess = all.stream().mapToLong(Payment::reserved).sum() - order.heldByPayments();
        List<PaymentOperation> operations = new ArrayList<>();
        for (Payment p : all) {
            if (excess > 0 && order.owed() == 0 && p.status() == Payment.Status.PENDING) {
                payments.cancelWaiting(p.id(), reason, now);
                excess -= p.amount();
            }
        }
        for (Payment p : all) {
            long release = Math.min(excess, p.capturable());
            if (release > 0 && payments.reserveVoid(p.id(), release, now)) {
                operations.addAll(moved(p, PaymentOperation.Kind.VOID, release, reason, caller));
                excess -= release;
            }
        }
        for (Payment p : all) {
            long back = Math.min(excess, p.refundable());
            if (back > 0 && payments.reserveRefund(p.id(), back, now)) {
                operations.addAll(moved(p, PaymentOperation.Kind.REFUND, back, reason, caller));
                excess -= back;
            }
        }
        refreshMoney(orders.find(order.id()).orElseThrow(), now);
        return operations;
    }

    /** The goods left: what is authorised is taken, up to what the order owes; the rest is let go by it. */
    List<PaymentOperation> captureForShipment(Order order, Caller caller) {
        Instant now = clock.instant();
        List<Payment> all = payments.ofOrder(order.id());
        long toTake = order.heldByPayments() - all.stream()
                .mapToLong(p -> p.captured() - p.refunded() - p.refundPending() + p.capturePending()).sum();
        List<PaymentOperation> operations = new ArrayList<>();
        for (Payment p : all) {
            long take = Math.min(toTake, p.capturable());
            if (take > 0 && payments.reserveCapture(p.id(), take, now)) {
                operations.addAll(moved(p, PaymentOperation.Kind.CAPTURE, take, "goods left", caller));
                toTake -= take;
            }
        }
        return operations;
    }

    /**
     * Gives back up to {@code amount} through the order's payments, newest first: taken money is
     * refunded, an authorisation not taken yet is let go. Returns what was given back or reserved to
     * be, and the operations to make after the commit.
     */
    Refunds refundUpTo(Order order, long amount, String reason, Caller caller) {
        Instant now = clock.instant();
        List<Payment> all = new ArrayList<>(payments.ofOrder(order.id()));
        all.sort(Comparator.comparing(Payment::createdAt).reversed());
        long left = amount;
        List<PaymentOperation> operations = new ArrayList<>();
        for (Payment p : all) {
            long back = Math.min(left, p.refundable());
            if (back > 0 && payments.reserveRefund(p.id(), back, now)) {
                operations.addAll(moved(p, PaymentOperation.Kind.REFUND, back, reason, caller));
                left -= back;
            }
        }
        for (Payment p : all) {
            long release = Math.min(left, p.capturable());
            if (release > 0 && payments.reserveVoid(p.id(), release, now)) {
                operations.addAll(moved(p, PaymentOperation.Kind.VOID, release, reason, caller));
                left -= release;
            }
        }
        return new Refunds(amount - left, operations);
    }

    /** What a refund gave back (or reserved to), and the calls it still has to make. */
    record Refunds(long amount, List<PaymentOperation> operations) {}

    /**
     * A movement of money already reserved on the payment: recorded as an operation to make when the
     * payment has a remote party, settled at once when it has none (cash back from the drawer).
     */
    List<PaymentOperation> moved(Payment payment, PaymentOperation.Kind kind, long amount, String reason,
            Caller caller) {
        PaymentProvider provider = providers.get(payment.provider());
        if (provider != null && provider.remote()) {
            return List.of(record(payment, kind, amount, null, reason, caller));
        }
        Instant now = clock.instant();
        switch (kind) {
            case CAPTURE -> payments.settleCapture(payment.id(), amount, true, now);
            case REFUND -> payments.settleRefund(payment.id(), amount, true, now);
            case VOID -> payments.settleVoid(payment.id(), amount, true, now);
            case AUTHORIZE -> throw new IllegalArgumentException("an authorisation is asked, not moved");
        }
        return List.of();
    }

    /** A payment with no remote party, taken or waiting at once, in the caller's transaction. */
    Payment takeLocally(Order order, PaymentProvider provider, long amount, String reference, Caller caller) {
        Instant now = clock.instant();
        Payment.Status status = provider.capturesImmediately() ? Payment.Status.CAPTURED : Payment.Status.PENDING;
        Payment payment = new Payment(Ids.newId(), order.id(), provider.code(), status, amount,
                status == Payment.Status.CAPTURED ? amount : 0, 0, 0, 0, 0, 0, reference, null, now);
        payments.insert(payment);
        settled(orders.find(order.id()).orElseThrow(), caller, now);
        return payments.find(payment.id()).orElseThrow();
    }

    /** Brings the order's money and, when it is now secured, its state up to date. */
    void settled(Order order, Caller caller, Instant now) {
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
            orders.find(order.id()).ifPresent(fulfilment::changed);
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

    /** The order's paid and refunded amounts and payment status, from its payments. */
    Order.PaymentStatus refreshMoney(Order order, Instant now) {
        List<Payment> all = payments.ofOrder(order.id());
        long captured = all.stream().mapToLong(Payment::captured).sum();
        long refunded = all.stream().mapToLong(Payment::refunded).sum();
        long secured = all.stream().mapToLong(Payment::secured).sum();
        long owed = order.owed();
        Order.PaymentStatus status;
        if (order.paymentTerms() == Order.PaymentTerms.PREPAID) {
            status = order.paymentStatus();
        } else if (refunded > 0 && captured - refunded <= 0) {
            status = Order.PaymentStatus.REFUNDED;
        } else if (refunded > 0) {
            status = Order.PaymentStatus.PARTLY_REFUNDED;
        } else if (owed <= 0 && captured == 0) {
            status = Order.PaymentStatus.NOT_REQUIRED;
        } else if (captured >= owed) {
            status = Order.PaymentStatus.PAID;
        } else if (secured >= owed) {
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
        orders.find(order.id()).ifPresent(fulfilment::changed);
    }
}
