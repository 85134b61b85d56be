package org.comptoir.returns.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns: opened from any channel (an agent, a store, the customer's account through the back
 * office), looked up by their code at a kiosk, received with the condition of every line; the
 * non-returnable SKUs and what sits in quarantine.
 */
@Tag(name = "Returns")
@RestController
@RequestMapping("/api/v1/returns")
class ReturnController {

    record LinePayload(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotNull ReturnRequest.Reason reason, @Size(max = 500) String comment) {}

    record OpenPayload(UUID orderId, @Size(max = 40) String orderNumber, @NotNull ReturnRequest.Method method,
            @Size(max = 40) String locationCode, ReturnRequest.RefundTo refundTo,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid LinePayload> lines) {}

    record ConditionPayload(@NotNull @Min(1) Integer lineNo, @NotNull ReturnRequest.Condition condition) {}

    record ReceivePayload(@NotBlank @Size(max = 40) String locationCode,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid ConditionPayload> lines) {}

    record ShipToPayload(@NotBlank @Size(max = 200) String line1, @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR")
            String country) {}

    /** An exchange in a store: units of an order line for {@code sku}, from the shelf or shipped. */
    record ExchangePayload(UUID orderId, @Size(max = 40) String orderNumber, @NotNull @Min(1) Integer lineNo,
            @NotNull @Min(1) @Max(10_000) Integer quantity, ReturnRequest.Reason reason,
            @NotBlank @Size(max = 64) String sku, @NotBlank @Size(max = 40) String locationCode,
            @NotBlank @Size(max = 40) String channelCode, ReturnRequest.Condition condition,
            @Valid ShipToPayload shipTo) {}

    record NonReturnablePayload(@NotBlank @Size(max = 200) String reason) {}

    /** A return as answered: with what is still owed to the customer. */
    record ReturnView(ReturnRequest returnRequest, long refundDue) {

        static ReturnView of(ReturnRequest r) {
            return new ReturnView(r, r.refundDue());
        }
    }

    private final Returns returns;

    ReturnController(Returns returns) {
        this.returns = returns;
    }

    @PostMapping
    ResponseEntity<ReturnView> open(@Valid @RequestBody OpenPayload p) {
        if (p.orderId() == null && p.orderNumber() == null) {
            throw ApiProblem.invalid("orderId", "name the order (orderId or orderNumber)");
        }
        var opened = returns.open(new Returns.Open(p.orderId(), p.orderNumber(), p.method(), p.locationCode(),
                p.refundTo(), p.lines().stream().map(l -> new Returns.OpenLine(l.lineNo(), l.quantity(), l.reason(),
                        l.comment())).toList()), Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(ReturnView.of(opened));
    }

    @PostMapping("/exchanges")
    ResponseEntity<Returns.Exchanged> exchange(@Valid @RequestBody ExchangePayload p) {
        if (p.orderId() == null && p.orderNumber() == null) {
            throw ApiProblem.invalid("orderId", "name the order (orderId or orderNumber)");
        }
        var exchanged = returns.exchange(new Returns.Open(p.orderId(), p.orderNumber(), ReturnRequest.Method.IN_STORE,
                        p.locationCode(), ReturnRequest.RefundTo.EXCHANGE, List.of(new Returns.OpenLine(p.lineNo(),
                                p.quantity(), p.reason() == null ? ReturnRequest.Reason.WRONG_SIZE : p.reason(),
                                "exchanged for " + p.sku()))), p.sku(), p.channelCode(),
                p.shipTo() == null ? null : new org.comptoir.ordering.OrderBook.ShipTo(p.shipTo().line1(),
                        p.shipTo().postalCode(), p.shipTo().city(), p.shipTo().country()),
                p.condition() == null ? ReturnRequest.Condition.RESELLABLE : p.condition(), Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(exchanged);
    }

    @GetMapping
    List<ReturnView> list(@RequestParam(required = false) UUID orderId,
            @RequestParam(required = false) String customerRef) {
        return returns.list(orderId, customerRef, Callers.current()).stream().map(ReturnView::of).toList();
    }

    @GetMapping("/{id}")
    ReturnView get(@PathVariable UUID id) {
        return ReturnView.of(returns.find(id, Callers.current()));
    }

    /** What a kiosk or a counter scans. */
    @GetMapping("/by-code/{code}")
    ReturnView byCode(@PathVariable String code) {
        return ReturnView.of(returns.byCode(code));
    }

    @PostMapping("/{id}/receive")
    ReturnView receive(@PathVariable UUID id, @Valid @RequestBody ReceivePayload p) {
        Map<Integer, ReturnRequest.Condition> conditions = new LinkedHashMap<>();
        for (ConditionPayload line : p.lines()) {
            if (conditions.put(line.lineNo(), line.condition()) != null) {
                throw ApiProblem.invalid("lines", "line " + line.lineNo() + " is named twice");
            }
        }
        return ReturnView.of(returns.receive(id, p.locationCode(), conditions, Callers.current()));
    }

    @PostMapping("/{id}/cancel")
    ReturnView cancel(@PathVariable UUID id) {
        return ReturnView.of(returns.cancel(id, Callers.current()));
    }

    @GetMapping("/non-returnable")
    List<ReturnRepository.NonReturnable> nonReturnables() {
        return returns.nonReturnables();
    }

    @PutMapping("/non-returnable/{sku}")
    ResponseEntity<Void> setNonReturnable(@PathVariable String sku, @Valid @RequestBody NonReturnablePayload p) {
        returns.setNonReturnable(sku, p.reason());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/non-returnable/{sku}")
    ResponseEntity<Void> removeNonReturnable(@PathVariable String sku) {
        returns.removeNonReturnable(sku);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quarantine")
    List<ReturnRepository.Quarantined> quarantine(@RequestParam(required = false) String location) {
        return returns.quarantined(location, Callers.current());
    }
}
