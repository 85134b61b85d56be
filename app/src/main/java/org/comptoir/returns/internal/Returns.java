package org.comptoir.returns.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.catalog.Catalog;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.Capability;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.returns.ReturnOpened;
import org.comptoir.returns.ReturnReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens returns for any channel's orders under the return rules (goods handed over, within the
 * window, returnable, no more than was bought and not returned yet), and receives them: the money
 * (through the order's payments, asked of their providers once the receipt commits, or as store
 * credit), then resellable units back into the receiving location's stock and damaged ones into
 * quarantine.
 */
@Service
class Returns {

    /** Letters and digits a person reads back without confusion (no 0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    record OpenLine(int lineNo, int quantity, ReturnRequest.Reason reason, String comment) {}

    record Open(UUID orderId, String orderNumber, ReturnRequest.Method method, String locationCode,
            ReturnRequest.RefundTo refundTo, List<OpenLine> lines) {}

    private final ReturnRepository returns;
    private final OrderBook orders;
    private final Inventory inventory;
    private final Network network;
    private final Catalog catalog;
    private final ReturnsSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Returns(ReturnRepository returns, OrderBook orders, Inventory inventory, Network network, Catalog catalog,
            ReturnsSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.returns = returns;
        this.orders = orders;
        this.inventory = inventory;
        this.network = network;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ReturnRequest open(Open request, Caller caller) {
        OrderBook.Summary order = (request.orderId() != null ? orders.find(request.orderId())
                : request.orderNumber() != null ? orders.findByNumber(request.orderNumber())
                        : java.util.Optional.<OrderBook.Summary>empty())
                .orElseThrow(() -> ApiProblem.invalid("orderId", "names no order"));
        Instant now = clock.instant();
        if (order.handedOverAt() == null) {
            throw ApiProblem.conflict("order-not-handed-over", "Order " + order.number()
                    + " has not reached the customer: cancel it or its lines instead").with("status", order.status());
        }
        if (now.isAfter(order.handedOverAt().plus(settings.window()))) {
            throw ApiProblem.conflict("return-window-closed", "Order " + order.number() + " could be returned until "
                    + order.handedOverAt().plus(settings.window())).with("closedAt",
                    order.handedOverAt().plus(settings.window()));
        }
        String location = checkedLocation(request.method(), request.locationCode(), "locationCode");
        if (caller.locationCode().isPresent() && (location == null || !caller.mayAccessLocation(location))) {
            throw ApiProblem.forbidden("your key opens returns brought to its own store only");
        }
        Map<Integer, OrderBook.Line> sold = new HashMap<>();
        order.lines().forEach(l -> sold.put(l.lineNo(), l));
        Map<Integer, Integer> returned = returns.returnedUnits(order.id());
        var blocked = returns.nonReturnable(order.lines().stream().map(OrderBook.Line::sku).toList());
        Map<Integer, ReturnRequest.Line> lines = new LinkedHashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OpenLine asked = request.lines().get(i);
            OrderBook.Line line = sold.get(asked.lineNo());
            String at = "lines[" + i + "]";
            if (line == null) {
                throw ApiProblem.invalid(at + ".lineNo", "the order has no line " + asked.lineNo());
            }
            if (blocked.containsKey(line.sku())) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "non-returnable", "Not returnable",
                        line.sku() + " cannot be returned: " + blocked.get(line.sku())).with("sku", line.sku());
            }
            int already = returned.getOrDefault(line.lineNo(), 0) + (lines.containsKey(line.lineNo())
                    ? lines.get(line.lineNo()).quantity() : 0);
            int left = line.open() - already;
            if (asked.quantity() < 1 || asked.quantity() > left) {
                throw ApiProblem.invalid(at + ".quantity", left <= 0 ? "every unit of line " + line.lineNo()
                        + " is already returned" : "must be 1 to " + left);
            }
            lines.merge(line.lineNo(), new ReturnRequest.Line(line.lineNo(), line.sku(), asked.quantity(),
                    asked.reason(), asked.comment(), line.unitGross(), null), (a, b) -> new ReturnRequest.Line(
                    a.lineNo(), a.sku(), a.quantity() + b.quantity(), a.reason(), a.comment(), a.unitRefund(), null));
        }
        long amount = lines.values().stream().mapToLong(l -> l.unitRefund() * l.quantity()).sum();
        ReturnRequest r = new ReturnRequest(Ids.newId(), code("R"), order.id(), order.number(), order.channelCode(),
                caller.channelCode().orElse(null), order.customerRef(), request.method(), location,
                request.refundTo() == null ? ReturnRequest.RefundTo.ORIGINAL_PAYMENT : request.refundTo(),
                ReturnRequest.Status.OPEN, order.currency(), amount, 0, null, null, null, null, caller.name(), now,
                null, 1,
                List.copyOf(lines.values()));
        returns.insert(r);
        events.publishEvent(new ReturnOpened(Ids.newId(), now, r.id(), r.code(), order.id(), order.number(),
                order.customerRef(), r.method().name(), location, amount, order.currency()));
        return find(r.id());
    }

    /**
     * Receives every line of an open return at a location, each with its condition. The refund comes
     * first, then the stock: resellable units back on hand here, damaged ones into quarantine.
     */
    @Transactional
    ReturnRequest receive(UUID id, String locationCode, Map<Integer, ReturnRequest.Condition> conditions,
            Caller caller) {
        ReturnRequest r = returns.lock(id).orElseThrow(() -> ApiProblem.notFound("return", id));
        if (r.status() != ReturnRequest.Status.OPEN) {
            throw ApiProblem.conflict("return-not-open", "The return is " + r.status()).with("status",
                    r.status().name());
        }
        String location = checkedLocation(ReturnRequest.Method.IN_STORE, locationCode, "locationCode");
        if (!caller.mayAccessLocation(location)) {
            throw ApiProblem.forbidden("your key works for another location");
        }
        List<ApiProblem.FieldError> missing = new ArrayList<>();
        for (ReturnRequest.Line line : r.lines()) {
            if (conditions.get(line.lineNo()) == null) {
                missing.add(new ApiProblem.FieldError("lines", "say the condition of line " + line.lineNo()));
            }
        }
        conditions.keySet().stream().filter(no -> r.lines().stream().noneMatch(l -> l.lineNo() == no)).findFirst()
                .ifPresent(no -> missing.add(new ApiProblem.FieldError("lines", "the return has no line " + no)));
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid(missing);
        }
        if (r.refundTo() == ReturnRequest.RefundTo.EXCHANGE) {
            throw ApiProblem.conflict("exchange-in-progress", "An exchange's return is received with the exchange");
        }
        Instant now = clock.instant();
        long refunded;
        String credit = null;
        if (r.refundTo() == ReturnRequest.RefundTo.STORE_CREDIT) {
            credit = code("C");
            returns.credit(credit, r.customerRef(), r.currency(), r.refundAmount(), r.id(), now);
            refunded = r.refundAmount();
            orders.returned(r.orderId(), r.refundAmount(), r.refundAmount(), caller);
        } else {
            refunded = r.refundAmount() == 0 ? 0 : orders.refund(r.orderId(), r.refundAmount(), "return " + r.code(),
                    caller);
            orders.returned(r.orderId(), r.refundAmount(), 0, caller);
        }
        restock(r, location, conditions, caller, now);
        closeReceived(r, location, refunded, credit, conditions, now);
        return find(id);
    }

    /** What an exchange did: its return (received) and the replacement's order. */
    record Exchanged(ReturnRequest returnRequest, OrderBook.Placed replacement) {}

    /**
     * Exchanges units of an order line for another variant in a store, as one operation: the
     * returned units are received (back on the store's shelf, or in quarantine when damaged), the
     * replacement is ordered (from the shelf at once, or reserved and shipped) and paid first with
     * what the returned units were worth; what that worth does not use goes back to the original
     * payment, what it does not cover is left to pay on the replacement. Anything refused (the
     * replacement out of stock, a rule of returns) changes nothing.
     */
    @Transactional
    Exchanged exchange(Open asked, String sku, String channelCode, OrderBook.ShipTo shipTo,
            ReturnRequest.Condition condition, Caller caller) {
        if (asked.lines().size() != 1) {
            throw ApiProblem.invalid("lines", "an exchange swaps one line");
        }
        ReturnRequest r = open(new Open(asked.orderId(), asked.orderNumber(), ReturnRequest.Method.IN_STORE,
                asked.locationCode(), ReturnRequest.RefundTo.EXCHANGE, asked.lines()), caller);
        if (!caller.mayAccessLocation(r.locationCode())) {
            throw ApiProblem.forbidden("your key works for another location");
        }
        ReturnRequest.Line line = r.lines().getFirst();
        var replacement = new OrderBook.Exchange(channelCode, r.customerRef(), r.locationCode(), sku,
                line.quantity(), shipTo, r.refundAmount());
        long price = orders.price(replacement);
        // The leftover's refund is reserved here and asked of the provider only once all of it commits:
        // a replacement refused (out of stock) takes the refund back with it.
        long leftover = Math.max(0, r.refundAmount() - price);
        long refunded = leftover == 0 ? 0 : orders.refund(r.orderId(), leftover, "exchange " + r.code(), caller);
        Instant now = clock.instant();
        Map<Integer, ReturnRequest.Condition> conditions = Map.of(line.lineNo(), condition);
        OrderBook.Placed placed;
        // Both stock rows at the store are taken in (SKU) order, as every hold does.
        if (shipTo == null && sku.compareTo(line.sku()) < 0) {
            placed = orders.placeExchange(replacement, caller);
            restock(r, r.locationCode(), conditions, caller, now);
        } else {
            restock(r, r.locationCode(), conditions, caller, now);
            placed = orders.placeExchange(replacement, caller);
        }
        if (placed.gross() != price) {
            throw ApiProblem.conflict("price-changed", "The replacement's price changed meanwhile; try again");
        }
        returns.exchangedFor(r.id(), placed.orderId(), placed.number());
        orders.returned(r.orderId(), r.refundAmount(), Math.min(r.refundAmount(), price), caller);
        closeReceived(r, r.locationCode(), refunded + Math.min(r.refundAmount(), price), null, conditions, now);
        return new Exchanged(find(r.id()), placed);
    }

    private void restock(ReturnRequest r, String location, Map<Integer, ReturnRequest.Condition> conditions,
            Caller caller, Instant now) {
        for (ReturnRequest.Line line : r.lines()) {
            if (conditions.get(line.lineNo()) == ReturnRequest.Condition.RESELLABLE) {
                inventory.returned(new Inventory.StockLine(location, line.sku(), line.quantity()),
                        "return:" + r.id() + ":" + line.lineNo(), "return " + r.code(), caller);
            } else {
                returns.quarantine(location, line.sku(), line.quantity(), r.id(), now);
            }
        }
    }

    /** {@code settled}: refunded, credited, or spent on a replacement. */
    private void closeReceived(ReturnRequest r, String location, long settled, String credit,
            Map<Integer, ReturnRequest.Condition> conditions, Instant now) {
        if (!returns.received(r.id(), location, settled, credit, conditions, now)) {
            throw ApiProblem.conflict("return-changed", "The return changed meanwhile; read it again");
        }
        events.publishEvent(new ReturnReceived(Ids.newId(), now, r.id(), r.orderId(), r.orderNumber(), r.customerRef(),
                location, settled, r.refundAmount() - settled, credit, r.currency()));
    }

    @Transactional
    ReturnRequest cancel(UUID id, Caller caller) {
        ReturnRequest r = find(id, caller);
        if (!returns.cancel(id)) {
            throw ApiProblem.conflict("return-not-open", "The return is " + r.status()).with("status",
                    r.status().name());
        }
        return find(id);
    }

    ReturnRequest find(UUID id) {
        return returns.find(id).orElseThrow(() -> ApiProblem.notFound("return", id));
    }

    /**
     * A return as a caller may see it: a key scoped to a store sees the returns brought to that store;
     * others look absent. (A return found by its code is shown to any store: the code is what the
     * customer hands over at whichever counter they go to.)
     */
    ReturnRequest find(UUID id, Caller caller) {
        ReturnRequest r = find(id);
        if (caller.locationCode().isPresent() && (r.locationCode() == null || !caller.mayAccessLocation(r.locationCode()))) {
            throw ApiProblem.notFound("return", id);
        }
        return r;
    }

    ReturnRequest byCode(String code) {
        return returns.byCode(code.trim().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ApiProblem.notFound("return", code));
    }

    List<ReturnRepository.NonReturnable> nonReturnables() {
        return returns.nonReturnables();
    }

    @Transactional
    void setNonReturnable(String sku, String reason) {
        if (catalog.variant(sku).isEmpty()) {
            throw ApiProblem.invalid("sku", "no variant has the SKU " + sku);
        }
        returns.setNonReturnable(sku, reason, clock.instant());
    }

    @Transactional
    void removeNonReturnable(String sku) {
        if (!returns.removeNonReturnable(sku)) {
            throw ApiProblem.notFound("non-returnable SKU", sku);
        }
    }

    List<ReturnRepository.Quarantined> quarantined(String location, Caller caller) {
        if (location != null && !caller.mayAccessLocation(location)) {
            throw ApiProblem.forbidden("your key works for another location");
        }
        return returns.quarantined(location != null ? location : caller.locationCode().orElse(null));
    }

    List<ReturnRequest> list(UUID orderId, String customerRef, Caller caller) {
        if (orderId == null && customerRef == null) {
            throw ApiProblem.invalid("orderId", "name an order or a customer (customerRef)");
        }
        return returns.list(orderId, customerRef, 200).stream().filter(r -> caller.locationCode().isEmpty()
                || r.locationCode() != null && caller.mayAccessLocation(r.locationCode())).toList();
    }

    /** A store or a kiosk's store must accept returns; a parcel may name the warehouse it goes to. */
    private String checkedLocation(ReturnRequest.Method method, String code, String field) {
        if (code == null) {
            if (method == ReturnRequest.Method.PARCEL) {
                return null;
            }
            throw ApiProblem.invalid(field, "names the location the return is brought to");
        }
        LocationSummary location = network.location(code).filter(LocationSummary::active)
                .orElseThrow(() -> ApiProblem.invalid(field, "no active location has the code " + code));
        if (!location.capabilities().contains(Capability.ACCEPTS_RETURNS)) {
            throw ApiProblem.invalid(field, code + " does not accept returns");
        }
        return location.code();
    }

    private static String code(String prefix) {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return prefix + new String(code);
    }
}
