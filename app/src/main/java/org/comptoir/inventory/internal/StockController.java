package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger and the balances: movements, counts, absolute updates, safety stock, channel buffers. */
@Tag(name = "Stock", description = "Balances per location and the ledger of every movement")
@RestController
@RequestMapping("/api/v1/inventory")
class StockController {

    private static final int MAX = 10_000_000;

    record RecordMovement(@NotBlank @Size(max = 40) String locationCode, @NotBlank @Size(max = 64) String sku,
            @NotNull Movement.Kind kind, @NotNull @Min(-MAX) @Max(MAX) Integer quantity,
            @NotBlank @Size(max = 120) String reference, @Size(max = 300) String reason) {}

    record RecordCount(@NotBlank @Size(max = 40) String locationCode, @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(0) @Max(MAX) Integer counted, @NotBlank @Size(max = 120) String reference) {}

    record SetOnHand(@NotNull @Min(0) @Max(MAX) Integer expectedOnHand, @NotNull @Min(0) @Max(MAX) Integer onHand,
            @NotBlank @Size(max = 120) String reference) {}

    record BalanceSettings(@NotNull @Min(0) @Max(MAX) Integer safetyStock, @Min(0) @Max(MAX) Integer lowStockThreshold) {}

    record OpeningRow(@NotBlank @Size(max = 40) String locationCode, @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(0) @Max(MAX) Integer onHand, @Min(0) @Max(MAX) Integer safetyStock) {}

    record OpeningRequest(@NotBlank @Size(max = 80) String reference,
            @jakarta.validation.constraints.NotEmpty @Size(max = OpeningStock.MAX_ROWS) java.util.List<@NotNull @Valid OpeningRow> rows) {}

    record Loaded(int rows) {}

    record Buffer(@NotNull @Min(0) @Max(MAX) Integer quantity) {}

    record BalanceView(String sku, String locationCode, int onHand, int reserved, int safetyStock, int available,
            Integer lowStockThreshold) {
        static BalanceView of(Balance b) {
            return new BalanceView(b.sku(), b.locationCode(), b.onHand(), b.reserved(), b.safetyStock(), b.available(),
                    b.lowStockThreshold());
        }
    }

    private final StockLedger ledger;
    private final Stock stock;
    private final OpeningStock opening;

    StockController(StockLedger ledger, Stock stock, OpeningStock opening) {
        this.ledger = ledger;
        this.stock = stock;
        this.opening = opening;
    }

    /** Going live: balances that do not exist yet, in bulk (up to 10,000 rows a call), no events. */
    @PostMapping("/opening-stock")
    ResponseEntity<Loaded> openingStock(@Valid @RequestBody OpeningRequest request) {
        var rows = request.rows().stream().map(r -> new OpeningStock.Row(r.locationCode(), r.sku(), r.onHand(),
                r.safetyStock() == null ? 0 : r.safetyStock())).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Loaded(opening.load(rows, request.reference(),
                Callers.current().name())));
    }

    /** 201 when recorded, 200 with the original when the reference was already recorded. */
    @PostMapping("/movements")
    ResponseEntity<Movement> record(@Valid @RequestBody RecordMovement request) {
        Caller caller = scoped(request.locationCode());
        var recorded = ledger.record(request.locationCode(), request.sku(), request.kind(), request.quantity(),
                request.reference(), request.reason(), caller.name());
        return answer(recorded);
    }

    @PostMapping("/counts")
    ResponseEntity<Movement> count(@Valid @RequestBody RecordCount request) {
        Caller caller = scoped(request.locationCode());
        return answer(ledger.count(request.locationCode(), request.sku(), request.counted(), request.reference(),
                caller.name()));
    }

    @PutMapping("/balances/{locationCode}/{sku}/on-hand")
    ResponseEntity<Movement> setOnHand(@PathVariable String locationCode, @PathVariable String sku,
            @Valid @RequestBody SetOnHand request) {
        Caller caller = scoped(locationCode);
        return answer(ledger.setOnHand(locationCode, sku, request.expectedOnHand(), request.onHand(),
                request.reference(), caller.name()));
    }

    @PutMapping("/balances/{locationCode}/{sku}/settings")
    BalanceView settings(@PathVariable String locationCode, @PathVariable String sku,
            @Valid @RequestBody BalanceSettings request) {
        scoped(locationCode);
        return BalanceView.of(stock.settings(locationCode, sku, request.safetyStock(), request.lowStockThreshold()));
    }

    @GetMapping("/balances/{locationCode}/{sku}")
    BalanceView balance(@PathVariable String locationCode, @PathVariable String sku) {
        scoped(locationCode);
        return BalanceView.of(stock.balance(locationCode, sku));
    }

    @GetMapping("/balances")
    CursorPage<BalanceView> balances(@RequestParam String locationCode, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        scoped(locationCode);
        return stock.balances(locationCode, PageRequest.of(limit, cursor)).map(BalanceView::of);
    }

    @GetMapping("/movements")
    CursorPage<Movement> history(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String locationCode, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Caller caller = Callers.current();
        Optional<String> location = caller.locationCode().or(() -> Optional.ofNullable(locationCode));
        if (locationCode != null && !caller.mayAccessLocation(locationCode)) {
            throw ApiProblem.notFound("location", locationCode);
        }
        return stock.history(new MovementRepository.Filter(Optional.ofNullable(sku), location,
                Optional.ofNullable(from), Optional.ofNullable(to)), PageRequest.of(limit, cursor));
    }

    record FenceRequest(@NotNull @Min(0) @Max(MAX) Integer quantity) {}

    /** Keeps units of a SKU at a location for one channel (50 for the marketplace). */
    @PutMapping("/ring-fences/{channelCode}/{locationCode}/{sku}")
    RingFences.Fence fence(@PathVariable String channelCode, @PathVariable String locationCode,
            @PathVariable String sku, @Valid @RequestBody FenceRequest request) {
        return stock.fence(channelCode, locationCode, sku, request.quantity());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/ring-fences/{channelCode}/{locationCode}/{sku}")
    ResponseEntity<Void> unfence(@PathVariable String channelCode, @PathVariable String locationCode,
            @PathVariable String sku) {
        stock.unfence(channelCode, locationCode, sku);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ring-fences")
    java.util.List<RingFences.Fence> fences(@RequestParam String channelCode) {
        return stock.fences(channelCode);
    }

    @PutMapping("/channels/{channelCode}/buffer")
    Buffer buffer(@PathVariable String channelCode, @Valid @RequestBody Buffer request) {
        stock.buffer(channelCode, request.quantity());
        return request;
    }

    private static Caller scoped(String locationCode) {
        Caller caller = Callers.current();
        if (!caller.mayAccessLocation(locationCode)) {
            throw ApiProblem.notFound("location", locationCode);
        }
        return caller;
    }

    private static ResponseEntity<Movement> answer(StockLedger.Recorded recorded) {
        Movement m = recorded.movement();
        return recorded.replayed() ? ResponseEntity.ok(m)
                : ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/inventory/movements?sku="
                        + m.sku() + "&locationCode=" + m.locationCode())).body(m);
    }
}
