package org.comptoir.ordering.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders of every channel: placed directly (store tills, marketplace imports, integrations), moved
 * through their states, cancelled whole or by line, paid and refunded. A storefront key acts on its
 * own channel's orders only.
 */
@Tag(name = "Orders", description = "Placement, lifecycle, cancellations, payments, history")
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    record LinePayload(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(OrderPlacement.MAX_QUANTITY) int quantity,
            @Size(max = 40) String group) {}

    record PlacePayload(
            @Size(max = 40) String channelCode,
            @Size(min = 1, max = 120) String externalId,
            @Size(max = 120) String customerRef,
            @Size(max = 40) String customerGroup,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR") String country,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> codes,
            @NotEmpty @Size(max = 10) List<Fulfilment.@NotNull @Valid Group> groups,
            @NotEmpty @Size(max = OrderPlacement.MAX_LINES) List<@NotNull @Valid LinePayload> lines,
            Order.PaymentTerms paymentTerms,
            Instant paymentDueBy,
            @Min(0) @Max(100_000_000) Long loyaltyPoints,
            UUID holdId) {}

    record MovePayload(@NotNull Order.Status status, @Size(max = 500) String reason) {}

    record CancelPayload(@Size(max = 500) String reason) {}

    record LineCancelPayload(@Min(1) int lineNo, @Min(1) @Max(OrderPlacement.MAX_QUANTITY) int quantity) {}

    record CancelLinesPayload(@NotEmpty @Size(max = OrderPlacement.MAX_LINES) List<@NotNull @Valid LineCancelPayload> lines,
            @Size(max = 500) String reason) {}

    record PickupPayload(@NotBlank @Size(max = 40) String group, @NotBlank @Size(max = 40) String locationCode) {}

    record EditPayload(@Size(max = OrderPlacement.MAX_LINES) List<@NotNull @Valid LinePayload> add,
            @Size(max = OrderPlacement.MAX_LINES) List<@NotNull @Valid LineCancelPayload> remove,
            @Valid PickupPayload pickup, @Size(max = 500) String reason) {}

    record PaymentPayload(@NotBlank @Size(max = 30) String provider, @Min(1) Long amount, @Size(max = 200) String token) {}

    record RefundPayload(@Min(1) Long amount) {}

    /**
     * The order as clients see it. Its money: {@code paid} was taken, {@code refunded} given back to the
     * payments, {@code returned} what the goods brought back were worth, {@code credited} what was given
     * for them otherwise (store credit); {@code balance} is what is still to pay (negative: to give back).
     * {@code secret} is in the answer that placed the order only: a guest reads the order with it.
     */
    record OrderView(UUID id, String number, String channelCode, String externalId, String customerRef,
            Order.Status status, Order.PaymentTerms paymentTerms, Order.PaymentStatus paymentStatus, String currency,
            List<String> codes, Order.Totals totals, long paid, long refunded, long returned, long credited,
            long balance, Instant expiresAt, Instant placedAt, String placedBy, List<Fulfilment.Group> groups,
            List<Order.Line> lines, int version, String secret) {
        static OrderView of(Order o) {
            return of(o, null);
        }

        static OrderView of(Order o, String secret) {
            return new OrderView(o.id(), o.number(), o.channelCode(), o.externalId(), o.customerRef(), o.status(),
                    o.paymentTerms(), o.paymentStatus(), o.currency(), o.codes(), o.totals(), o.paid(), o.refunded(),
                    o.returned(), o.credited(), o.balance(), o.expiresAt(), o.placedAt(), o.placedBy(), o.groups(),
                    o.lines(), o.version(), secret);
        }
    }

    private final OrderPlacement placement;
    private final Orders orders;
    private final OrderEdits edits;
    private final Payments payments;

    OrderController(OrderPlacement placement, Orders orders, OrderEdits edits, Payments payments) {
        this.placement = placement;
        this.orders = orders;
        this.edits = edits;
        this.payments = payments;
    }

    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlacePayload p) {
        Caller caller = Callers.current();
        var placed = placement.placeDirect(new OrderPlacement.PlaceOrder(caller.channelCode().orElse(p.channelCode()),
                p.externalId(), p.customerRef(), p.customerGroup(), p.country(), p.currency(), p.codes(), p.groups(),
                p.lines().stream().map(l -> new OrderPlacement.LineRequest(l.sku(), l.quantity(), l.group())).toList(),
                p.paymentTerms(), p.paymentDueBy(), null, p.loyaltyPoints() == null ? 0 : p.loyaltyPoints(),
                p.holdId()), caller);
        return created(placed);
    }

    static ResponseEntity<OrderView> created(OrderPlacement.Placed placed) {
        Order order = placed.order();
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
                .eTag(Versions.etag(order.version())).body(OrderView.of(order, placed.secret()));
    }

    /** Orders of a customer across every channel, of a store, or of a channel; newest first. */
    @GetMapping
    CursorPage<OrderView> list(@RequestParam(required = false) String customerRef,
            @RequestParam(required = false) String locationCode, @RequestParam(required = false) String channelCode,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return orders.list(Callers.current(), customerRef, locationCode, channelCode, PageRequest.of(limit, cursor))
                .map(OrderView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable UUID id) {
        Order order = orders.visibleTo(Callers.current(), orders.find(id));
        return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(OrderView.of(order));
    }

    @GetMapping("/{id}/history")
    List<OrderRepository.Change> history(@PathVariable UUID id) {
        orders.visibleTo(Callers.current(), orders.find(id));
        return orders.history(id);
    }

    @PostMapping("/{id}/status")
    OrderView move(@PathVariable UUID id, @Valid @RequestBody MovePayload payload) {
        return OrderView.of(orders.move(id, payload.status(), payload.reason(), Callers.current()));
    }

    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelPayload payload) {
        return OrderView.of(orders.cancel(id, payload == null ? null : payload.reason(), Callers.current()));
    }

    @PostMapping("/{id}/line-cancellations")
    OrderView cancelLines(@PathVariable UUID id, @Valid @RequestBody CancelLinesPayload payload) {
        return OrderView.of(orders.cancelLines(id, payload.lines().stream()
                .map(l -> new Orders.LineCancel(l.lineNo(), l.quantity())).toList(), payload.reason(),
                Callers.current()));
    }

    /** Adds or takes off lines, or changes the pickup store, before fulfilment starts; re-priced. */
    @PostMapping("/{id}/edits")
    OrderView edit(@PathVariable UUID id, @Valid @RequestBody EditPayload p) {
        return OrderView.of(edits.edit(id, new OrderEdits.Edit(
                p.add() == null ? List.of() : p.add().stream()
                        .map(l -> new OrderPlacement.LineRequest(l.sku(), l.quantity(), l.group())).toList(),
                p.remove() == null ? List.of() : p.remove().stream()
                        .map(l -> new Orders.LineCancel(l.lineNo(), l.quantity())).toList(),
                p.pickup() == null ? null : p.pickup().group(), p.pickup() == null ? null : p.pickup().locationCode(),
                p.reason()), Callers.current()));
    }

    @GetMapping("/{id}/payments")
    List<Payment> payments(@PathVariable UUID id) {
        orders.visibleTo(Callers.current(), orders.find(id));
        return payments.of(id);
    }

    /**
     * Asks the provider for the money; a declined payment is recorded (201) and says so in its status.
     * The provider is called outside any transaction (see {@link Payments}).
     */
    @PostMapping("/{id}/payments")
    ResponseEntity<Payment> pay(@PathVariable UUID id, @Valid @RequestBody PaymentPayload payload) {
        Payment payment = payments.pay(id, payload.provider(), payload.amount(), payload.token(), Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(payment);
    }

    @PostMapping("/{id}/payments/{paymentId}/capture")
    Payment capture(@PathVariable UUID id, @PathVariable UUID paymentId) {
        return payments.capture(id, paymentId, Callers.current());
    }

    @PostMapping("/{id}/payments/{paymentId}/refunds")
    Payment refund(@PathVariable UUID id, @PathVariable UUID paymentId,
            @Valid @RequestBody(required = false) RefundPayload payload) {
        return payments.refund(id, paymentId, payload == null ? null : payload.amount(), Callers.current());
    }
}
