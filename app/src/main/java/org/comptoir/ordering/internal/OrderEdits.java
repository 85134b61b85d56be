package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Edits an order before its fulfilment starts: lines added or taken off, the pickup store changed.
 * The order's stock is held again as a whole (all or nothing: a refused edit leaves the order and its
 * stock as they were), the basket is priced again and the difference shows as the order's balance.
 */
@Service
class OrderEdits {

    /** What to change. */
    record Edit(List<OrderPlacement.LineRequest> add, List<Orders.LineCancel> remove, String pickupGroup,
            String pickupLocation, String reason) {}

    private final OrderRepository orders;
    private final Orders lifecycle;
    private final StockAllocation allocation;
    private final Inventory inventory;
    private final Pricing pricing;
    private final Network network;
    private final ObjectMapper json;
    private final FulfilmentSync fulfilment;
    private final Payments payments;
    private final Clock clock;

    OrderEdits(OrderRepository orders, Orders lifecycle, StockAllocation allocation, Inventory inventory,
            Pricing pricing, Network network, ObjectMapper json, FulfilmentSync fulfilment, Payments payments,
            Clock clock) {
        this.payments = payments;
        this.fulfilment = fulfilment;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.allocation = allocation;
        this.inventory = inventory;
        this.pricing = pricing;
        this.network = network;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Order edit(UUID id, Edit edit, Caller caller) {
        Order order = fulfilment.lock(orders, id).orElseThrow(() -> ApiProblem.notFound("Order", id));
        lifecycle.visibleTo(caller, order);
        if (!order.status().beforeFulfilment()) {
            throw ApiProblem.conflict("order-in-fulfilment", "An order can only be edited before fulfilment starts")
                    .with("status", order.status().name());
        }
        Orders.refuseIfPointsSpent(order);
        ChannelSummary channel = network.channel(order.channelCode()).orElseThrow();
        Map<String, Fulfilment.Group> groups = new LinkedHashMap<>();
        order.groups().forEach(g -> groups.put(g.code(), g));
        if (edit.pickupGroup() != null) {
            Fulfilment.Group group = groups.get(edit.pickupGroup());
            if (group == null || !group.method().atStore()) {
                throw ApiProblem.invalid("pickup.group", "must name a group collected in a store");
            }
            Fulfilment.Group moved = new Fulfilment.Group(group.code(), group.method(), edit.pickupLocation(), null,
                    null);
            Fulfilment.check(moved, channel, network, "pickup");
            groups.put(group.code(), moved);
        }
        List<Order.Line> lines = changedLines(order, edit, groups);
        if (lines.stream().allMatch(l -> l.open() == 0)) {
            throw ApiProblem.invalid("remove", "would leave nothing: cancel the order instead");
        }
        // Where each open line is held now: the store of a collected group, the line's location if it
        // stays, a new allocation for added lines delivered.
        List<OrderPlacement.LineRequest> toAllocate = new ArrayList<>();
        for (Order.Line line : lines) {
            if (line.locationCode() == null && line.open() > 0) {
                toAllocate.add(new OrderPlacement.LineRequest(line.sku(), line.open(), line.group()));
            }
        }
        Map<String, String> allocated = toAllocate.isEmpty() ? Map.of()
                : allocation.allocate(channel, toAllocate, groups);
        List<Order.Line> placed = new ArrayList<>();
        for (Order.Line line : lines) {
            Fulfilment.Group group = groups.get(line.group());
            String before = order.groups().stream().filter(g -> g.code().equals(line.group())).findFirst()
                    .map(Fulfilment.Group::locationCode).orElse(null);
            // A line stays where it is held, unless it was on the shelf of a pickup store that changed;
            // units coming from elsewhere to the pickup keep coming from there.
            String location = line.locationCode() != null && !(group.method().atStore()
                    && line.locationCode().equals(before) && !line.locationCode().equals(group.locationCode()))
                    ? line.locationCode()
                    : group.method().atStore() ? group.locationCode() : allocated.get(line.sku());
            placed.add(new Order.Line(line.lineNo(), line.sku(), line.group(), location, line.quantity(),
                    line.cancelled(), line.unitPrice(), line.discount(), line.total(), line.taxRateBp(), line.net(),
                    line.tax(), line.gross()));
        }
        var stock = new Inventory.StockHold(Inventory.HoldKind.ORDER, order.number(), order.channelCode(), null,
                "order " + order.number(), placed.stream().filter(l -> l.open() > 0)
                        .map(l -> new Inventory.StockLine(l.locationCode(), l.sku(), l.open())).toList());
        UUID holdId = order.holdId() != null ? inventory.replace(order.holdId(), stock, caller)
                : inventory.hold(stock, caller);
        Quote quote = pricing.quote(new QuoteRequest(order.channelCode(), order.currency(), order.customerRef(), null,
                order.country(), placed.stream().filter(l -> l.open() > 0)
                        .map(l -> new QuoteRequest.Line(l.sku(), l.open())).toList(), order.codes(),
                groups.values().stream().filter(g -> g.method().shipped()).map(g -> g.method().name()).findFirst()
                        .orElse(null)));
        Map<String, Quote.QuotedLine> priced = new HashMap<>();
        quote.lines().forEach(q -> priced.put(q.sku(), q));
        List<Order.Line> repriced = placed.stream().map(l -> {
            Quote.QuotedLine q = priced.get(l.sku());
            return q == null || l.open() == 0
                    ? new Order.Line(l.lineNo(), l.sku(), l.group(), l.locationCode(), l.quantity(), l.cancelled(),
                            l.unitPrice(), 0, 0, l.taxRateBp(), 0, 0, 0)
                    : new Order.Line(l.lineNo(), l.sku(), l.group(), l.locationCode(), l.quantity(), l.cancelled(),
                            q.unitPrice(), q.discount(), q.total(), q.taxRateBp(), q.net(), q.tax(), q.gross());
        }).toList();
        Instant now = clock.instant();
        orders.replaceLinesAndGroups(id, repriced, List.copyOf(groups.values()), holdId);
        pricing.release(order.number());
        pricing.redeem(quote, order.number(), order.customerRef());
        var totals = new Order.Totals(quote.totals().listTotal(), quote.totals().discount(), quote.totals().delivery(),
                quote.totals().net(), quote.totals().tax(), quote.totals().gross());
        orders.updateMoney(id, totals, order.paid(), order.refunded(), order.paymentStatus(),
                json.writeValueAsString(quote.promotions()), now);
        long difference = totals.gross() - order.totals().gross();
        orders.record(id, new OrderRepository.Change(order.status(), order.status(), "edited", caller.name(),
                caller.channelCode().orElse(null), describe(edit) + "; total " + (difference >= 0 ? "+" : "")
                        + difference + (edit.reason() == null ? "" : "; " + edit.reason()), now));
        Order after = lifecycle.find(id);
        fulfilment.changed(after);
        payments.rebalance(after, "edited", caller);
        return after;
    }

    /** The order's lines after the edit; an added SKU already on the order in the same group adds to its line. */
    private static List<Order.Line> changedLines(Order order, Edit edit, Map<String, Fulfilment.Group> groups) {
        Map<Integer, Order.Line> byNo = new LinkedHashMap<>();
        order.lines().forEach(l -> byNo.put(l.lineNo(), l));
        List<Orders.LineCancel> removals = edit.remove() == null ? List.of() : edit.remove();
        for (int i = 0; i < removals.size(); i++) {
            Orders.LineCancel r = removals.get(i);
            Order.Line line = byNo.get(r.lineNo());
            if (line == null) {
                throw ApiProblem.invalid("remove[" + i + "].lineNo", "the order has no line " + r.lineNo());
            }
            if (r.quantity() < 1 || r.quantity() > line.open()) {
                throw ApiProblem.invalid("remove[" + i + "].quantity", "must be 1 to " + line.open());
            }
            byNo.put(line.lineNo(), withQuantity(line, line.quantity(), line.cancelled() + r.quantity(),
                    line.locationCode()));
        }
        List<OrderPlacement.LineRequest> additions = edit.add() == null ? List.of() : edit.add();
        int next = order.lines().stream().mapToInt(Order.Line::lineNo).max().orElse(0);
        for (int i = 0; i < additions.size(); i++) {
            OrderPlacement.LineRequest add = additions.get(i);
            if (add.sku() == null || add.sku().isBlank() || add.quantity() < 1
                    || add.quantity() > OrderPlacement.MAX_QUANTITY) {
                throw ApiProblem.invalid("add[" + i + "]", "needs a SKU and a quantity of 1 to "
                        + OrderPlacement.MAX_QUANTITY);
            }
            String group = add.group() != null ? add.group()
                    : groups.size() == 1 ? groups.keySet().iterator().next() : null;
            if (group == null || !groups.containsKey(group)) {
                throw ApiProblem.invalid("add[" + i + "].group", "must name one of the order's groups");
            }
            Order.Line existing = byNo.values().stream().filter(l -> l.sku().equals(add.sku())).findFirst()
                    .orElse(null);
            if (existing != null && !existing.group().equals(group)) {
                throw ApiProblem.invalid("add[" + i + "].sku", "is already in group " + existing.group());
            }
            if (existing != null) {
                byNo.put(existing.lineNo(), withQuantity(existing, existing.quantity() + add.quantity(),
                        existing.cancelled(), existing.locationCode()));
            } else {
                next++;
                byNo.put(next, new Order.Line(next, add.sku(), group, null, add.quantity(), 0, 0, 0, 0, 0, 0, 0, 0));
            }
        }
        if (additions.isEmpty() && removals.isEmpty() && edit.pickupGroup() == null) {
            throw ApiProblem.invalid("add", "the edit changes nothing");
        }
        return new ArrayList<>(byNo.values());
    }

    private static Order.Line withQuantity(Order.Line l, int quantity, int cancelled, String location) {
        return new Order.Line(l.lineNo(), l.sku(), l.group(), location, quantity, cancelled, l.unitPrice(),
                l.discount(), l.total(), l.taxRateBp(), l.net(), l.tax(), l.gross());
    }

    private static String describe(Edit edit) {
        List<String> parts = new ArrayList<>();
        if (edit.add() != null) {
            edit.add().forEach(a -> parts.add("+" + a.quantity() + " × " + a.sku()));
        }
        if (edit.remove() != null) {
            edit.remove().forEach(r -> parts.add("-" + r.quantity() + " of line " + r.lineNo()));
        }
        if (edit.pickupGroup() != null) {
            parts.add("pickup at " + edit.pickupLocation());
        }
        return String.join(", ", parts);
    }
}
