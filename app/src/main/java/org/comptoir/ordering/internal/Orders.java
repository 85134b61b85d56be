package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.inventory.Inventory;
import org.comptoir.ordering.OrderStatusChanged;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * An order's life after placement: moves through its state machine, cancellations (whole or by line,
 * each giving back exactly the stock it frees), expiry when unpaid or not collected, and its history.
 */
@Service
class Orders {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.ordering.sweep-interval:30s}";

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    /** A part of a line to cancel. */
    record LineCancel(int lineNo, int quantity) {}

    private final OrderRepository orders;
    private final Payments payments;
    private final Inventory inventory;
    private final Pricing pricing;
    private final ApplicationEventPublisher events;
    private final FulfilmentSync fulfilment;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClusterJobs jobs;

    Orders(OrderRepository orders, Payments payments, Inventory inventory, Pricing pricing,
            ApplicationEventPublisher events, FulfilmentSync fulfilment, TransactionTemplate transaction,
            ObjectMapper json, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.fulfilment = fulfilment;
        this.orders = orders;
        this.payments = payments;
        this.inventory = inventory;
        this.pricing = pricing;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    Order find(UUID id) {
        return orders.find(id).orElseThrow(() -> ApiProblem.notFound("Order", id));
    }

    /** The order if the caller may see it (see {@link OrderAccess}); otherwise it looks absent. */
    Order visibleTo(Caller caller, Order order) {
        return OrderAccess.visible(caller, order);
    }

    List<OrderRepository.Change> history(UUID id) {
        find(id);
        return orders.history(id);
    }

    /** A scoped key lists only its store's or its channel's orders, whatever it asks. */
    CursorPage<Order> list(Caller caller, String customerRef, String locationCode, String channelCode,
            PageRequest page) {
        return CursorPage.of(orders.page(customerRef, caller.locationCode().orElse(locationCode),
                caller.channelCode().orElse(channelCode), page.limit() + 1, page.afterId().orElse(null)), page,
                o -> o.id().toString());
    }

    /**
     * Moves the order to {@code to} if its state machine allows it. Leaving the building (shipped,
     * delivered, collected) turns the held stock into sales; cancelling goes through {@link #cancel}.
     */
    @Transactional
    Order move(UUID id, Order.Status to, String reason, Caller caller) {
        if (to == Order.Status.CANCELLED) {
            return cancel(id, reason, caller);
        }
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        visibleTo(caller, order);
        if (!order.status().canMoveTo(to)) {
            throw ApiProblem.conflict("transition-not-allowed", "An order " + order.status() + " cannot become " + to)
                    .with("status", order.status().name());
        }
        refuseUnpaidHandover(order, to);
        return moved(order, to, "moved", reason, caller);
    }

    /** Goods are not handed over before what the order owes is secured (authorised or taken). */
    private void refuseUnpaidHandover(Order order, Order.Status to) {
        if (to == Order.Status.COLLECTED && order.paymentTerms() != Order.PaymentTerms.PREPAID
                && payments.unsecured(order) > 0) {
            throw ApiProblem.conflict("payment-due", "Order " + order.number() + " must be paid before it is handed over")
                    .with("due", payments.unsecured(order));
        }
    }

    /** Records a move the caller already checked, under the order's row lock. */
    Order moved(Order order, Order.Status to, String action, String reason, Caller caller) {
        Instant now = clock.instant();
        if (to.stockGone() && !order.status().stockGone() && order.holdId() != null
                && order.lines().stream().anyMatch(l -> l.open() > 0)) {
            inventory.confirm(order.holdId());
        }
        if (!orders.move(order.id(), EnumSet.of(order.status()), to, now)) {
            throw ApiProblem.conflict("order-changed", "The order changed meanwhile; read it again");
        }
        if (to != Order.Status.PLACED && (order.paymentTerms() == Order.PaymentTerms.PAY_NOW || to.stockGone())) {
            orders.keepExpiry(order.id(), null);
        }
        orders.record(order.id(), new OrderRepository.Change(order.status(), to, action, caller.name(),
                caller.channelCode().orElse(null), reason, now));
        events.publishEvent(new OrderStatusChanged(Ids.newId(), now, order.id(), order.number(), order.channelCode(),
                order.customerRef(), order.status().name(), to.name(), caller.name(), reason));
        Order after = find(order.id());
        if (to == Order.Status.CONFIRMED || to == Order.Status.CANCELLED) {
            fulfilment.changed(after);
        }
        if (to == Order.Status.CANCELLED) {
            payments.cancelled(after, caller);
        } else if ((to.stockGone() || to == Order.Status.PARTLY_SHIPPED) && !order.status().stockGone()) {
            payments.goodsLeft(after, caller);
        }
        return after;
    }

    /**
     * Follows the progress of the order's fulfilment orders (in fulfilment, shipped, ready, collected,
     * delivered), through in fulfilment when it comes straight from confirmed. A move the order
     * cannot make is left out; handing over an unpaid order is refused.
     */
    void progress(UUID id, Order.Status target, Caller caller) {
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        if (order.status() == target) {
            return;
        }
        if (order.status() == Order.Status.CONFIRMED && target != Order.Status.IN_FULFILMENT
                && !order.status().canMoveTo(target) && Order.Status.IN_FULFILMENT.canMoveTo(target)) {
            order = moved(order, Order.Status.IN_FULFILMENT, "fulfilment", null, caller);
        }
        if (!order.status().canMoveTo(target)) {
            return;
        }
        refuseUnpaidHandover(order, target);
        moved(order, target, "fulfilment", null, caller);
    }

    /** Lines now held elsewhere under a new hold (re-routed by fulfilment). */
    void relocated(UUID id, UUID holdId, Map<Integer, String> locations, String reason, Caller caller) {
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        orders.relocate(id, holdId, locations);
        Instant now = clock.instant();
        orders.record(id, new OrderRepository.Change(order.status(), order.status(), "re-routed", caller.name(),
                null, reason, now));
    }

    /**
     * Cancels the whole order before its stock leaves: payments are voided or refunded (no stock row is
     * locked yet), then every held unit goes back and coupon uses and budgets are given back.
     */
    @Transactional
    Order cancel(UUID id, String reason, Caller caller) {
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        visibleTo(caller, order);
        if (order.status() == Order.Status.CANCELLED) {
            return order;
        }
        if (!order.status().canMoveTo(Order.Status.CANCELLED)) {
            throw ApiProblem.conflict("transition-not-allowed", "An order " + order.status() + " cannot be cancelled")
                    .with("status", order.status().name());
        }
        if (order.holdId() != null) {
            inventory.release(order.holdId());
        }
        pricing.release(order.number());
        return moved(find(id), Order.Status.CANCELLED, "cancelled", reason, caller);
    }

    /**
     * Cancels part of some lines before fulfilment starts: exactly those units go back to stock, and the
     * rest of the basket is priced again (a threshold may no longer be reached); what was paid beyond
     * the new total is shown as due back.
     */
    @Transactional
    Order cancelLines(UUID id, List<LineCancel> cancels, String reason, Caller caller) {
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        visibleTo(caller, order);
        if (!order.status().beforeFulfilment()) {
            throw ApiProblem.conflict("order-in-fulfilment", "Lines can only be cancelled before fulfilment starts")
                    .with("status", order.status().name());
        }
        if (cancels == null || cancels.isEmpty()) {
            throw ApiProblem.invalid("lines", "name at least one line to cancel");
        }
        Map<Integer, Order.Line> lines = new HashMap<>();
        order.lines().forEach(l -> lines.put(l.lineNo(), l));
        Map<Integer, Integer> asked = new HashMap<>();
        for (int i = 0; i < cancels.size(); i++) {
            LineCancel cancel = cancels.get(i);
            Order.Line line = lines.get(cancel.lineNo());
            if (line == null) {
                throw ApiProblem.invalid("lines[" + i + "].lineNo", "the order has no line " + cancel.lineNo());
            }
            int total = asked.merge(cancel.lineNo(), cancel.quantity(), Integer::sum);
            if (cancel.quantity() < 1 || total > line.open()) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "must be 1 to " + line.open());
            }
        }
        if (order.lines().stream().allMatch(l -> asked.getOrDefault(l.lineNo(), 0) == l.open())) {
            return cancel(id, reason, caller);
        }
        for (var entry : asked.entrySet()) {
            Order.Line line = lines.get(entry.getKey());
            inventory.releasePart(order.holdId(), new Inventory.StockLine(line.locationCode(), line.sku(),
                    entry.getValue()));
        }
        List<Order.Line> remaining = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            int cancelled = line.cancelled() + asked.getOrDefault(line.lineNo(), 0);
            remaining.add(new Order.Line(line.lineNo(), line.sku(), line.group(), line.locationCode(), line.quantity(),
                    cancelled, line.unitPrice(), line.discount(), line.total(), line.taxRateBp(), line.net(),
                    line.tax(), line.gross()));
        }
        reprice(order, remaining);
        payments.rebalance(find(id), "lines cancelled", caller);
        Instant now = clock.instant();
        orders.record(id, new OrderRepository.Change(order.status(), order.status(), "lines cancelled", caller.name(),
                caller.channelCode().orElse(null), describe(asked, lines) + (reason == null ? "" : ": " + reason), now));
        Order after = find(id);
        fulfilment.changed(after);
        return after;
    }

    /**
     * Loyalty points pay for the order as a whole: re-pricing a part of it would have to decide which
     * points come back, so an order that spent points is cancelled whole, never in part or edited.
     */
    static void refuseIfPointsSpent(Order order) {
        if (order.loyaltyPoints() > 0) {
            throw ApiProblem.conflict("loyalty-points-spent", "Order " + order.number() + " spent "
                    + order.loyaltyPoints() + " loyalty points: cancel it whole and place it again");
        }
    }

    private void reprice(Order order, List<Order.Line> lines) {
        refuseIfPointsSpent(order);
        String shipped = order.groups().stream().filter(g -> g.method().shipped()).map(g -> g.method().name())
                .findFirst().orElse(null);
        Quote quote = pricing.quote(new QuoteRequest(order.channelCode(), order.currency(), order.customerRef(), null,
                order.country(), lines.stream().filter(l -> l.open() > 0)
                        .map(l -> new QuoteRequest.Line(l.sku(), l.open())).toList(), order.codes(), shipped));
        Map<String, Quote.QuotedLine> priced = new HashMap<>();
        quote.lines().forEach(q -> priced.put(q.sku(), q));
        for (Order.Line line : lines) {
            Quote.QuotedLine q = priced.get(line.sku());
            orders.updateLine(order.id(), q == null
                    ? new Order.Line(line.lineNo(), line.sku(), line.group(), line.locationCode(), line.quantity(),
                            line.cancelled(), line.unitPrice(), 0, 0, line.taxRateBp(), 0, 0, 0)
                    : new Order.Line(line.lineNo(), line.sku(), line.group(), line.locationCode(), line.quantity(),
                            line.cancelled(), q.unitPrice(), q.discount(), q.total(), q.taxRateBp(), q.net(), q.tax(),
                            q.gross()));
        }
        pricing.release(order.number());
        pricing.redeem(quote, order.number(), order.customerRef());
        var totals = new Order.Totals(quote.totals().listTotal(), quote.totals().discount(), quote.totals().delivery(),
                quote.totals().net(), quote.totals().tax(), quote.totals().gross());
        orders.updateMoney(order.id(), totals, order.paid(), order.refunded(), order.paymentStatus(),
                json.writeValueAsString(quote.promotions()), clock.instant());
    }

    private static String describe(Map<Integer, Integer> asked, Map<Integer, Order.Line> lines) {
        List<String> parts = new ArrayList<>();
        asked.forEach((no, quantity) -> parts.add(quantity + " × " + lines.get(no).sku()));
        return String.join(", ", parts);
    }

    /**
     * Cancels orders past their deadline (unpaid, or reserved and not collected), each in its own
     * transaction; the row lock and the status check make it safe with several nodes.
     */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void expireDue() {
        jobs.runOnce("ordering.order-expiry", SWEEP_JOB_PERIOD, this::expireDueNow);
    }

    private void expireDueNow() {
        for (UUID id : orders.expired(clock.instant(), 100)) {
            try {
                transaction.executeWithoutResult(status -> {
                    Order order = fulfilment.lock(orders, id).orElseThrow();
                    if (order.expiresAt() == null || order.expiresAt().isAfter(clock.instant())
                            || !order.status().canMoveTo(Order.Status.CANCELLED)) {
                        return;
                    }
                    String reason = order.paymentTerms() == Order.PaymentTerms.PAY_AT_PICKUP
                            ? "not collected in time" : "not paid in time";
                    cancel(id, reason, Caller.SYSTEM);
                    log.info("Order {} cancelled: {}", order.number(), reason);
                });
            } catch (RuntimeException e) {
                log.warn("Order {} could not be expired; retried on the next sweep", id, e);
            }
        }
    }
}
