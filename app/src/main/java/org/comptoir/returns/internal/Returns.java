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
 * first (through the order's payments or as store credit, before any stock row is touched), then
 * resellable units back into the receiving location's stock and damaged ones into quarantine.
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
    private final ReturnsSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Returns(ReturnRepository returns, OrderBook orders, Inventory inventory, Network network,
            ReturnsSettings settings, ApplicationEventPublisher events, Clock clock) {
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
                ReturnRequest.Status.OPEN, order.currency(), amount, 0, null, null, caller.name(), now, null, 1,
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
        Instant now = clock.instant();
        long refunded;
        String credit = null;
        if (r.refundTo() == ReturnRequest.RefundTo.STORE_CREDIT) {
            credit = code("C");
            returns.credit(credit, r.customerRef(), r.currency(), r.refundAmount(), r.id(), now);
            refunded = r.refundAmount();
        } else {
            refunded = r.refundAmount() == 0 ? 0 : orders.refund(r.orderId(), r.refundAmount(), "return " + r.code(),
                    caller);
        }
        for (ReturnRequest.Line line : r.lines()) {
            if (conditions.get(line.lineNo()) == ReturnRequest.Condition.RESELLABLE) {
                inventory.returned(new Inventory.StockLine(location, line.sku(), line.quantity()),
                        "return:" + r.id() + ":" + line.lineNo(), "return " + r.code(), caller);
            } else {
                returns.quarantine(location, line.sku(), line.quantity(), r.id(), now);
            }
        }
        if (!returns.received(id, location, refunded, credit, conditions, now)) {
            throw ApiProblem.conflict("return-changed", "The return changed meanwhile; read it again");
        }
        events.publishEvent(new ReturnReceived(Ids.newId(), now, r.id(), r.orderId(), r.orderNumber(), r.customerRef(),
                location, refunded, r.refundAmount() - refunded, credit, r.currency()));
        return find(id);
    }

    @Transactional
    ReturnRequest cancel(UUID id) {
        ReturnRequest r = find(id);
        if (!returns.cancel(id)) {
            throw ApiProblem.conflict("return-not-open", "The return is " + r.status()).with("status",
                    r.status().name());
        }
        return find(id);
    }

    ReturnRequest find(UUID id) {
        return returns.find(id).orElseThrow(() -> ApiProblem.notFound("return", id));
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

    List<ReturnRequest> list(UUID orderId, String customerRef) {
        if (orderId == null && customerRef == null) {
            throw ApiProblem.invalid("orderId", "name an order or a customer (customerRef)");
        }
        return returns.list(orderId, customerRef, 200);
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
