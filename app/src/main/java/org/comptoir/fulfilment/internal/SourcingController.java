package org.comptoir.fulfilment.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.comptoir.network.GeoPoint;
import org.comptoir.platform.security.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a basket would be fulfilled from, and why; the sourcing rules per channel and delivery method
 * and the daily capacity of locations that the decision honours.
 */
@Tag(name = "Sourcing")
@RestController
@RequestMapping("/api/v1/fulfilment")
class SourcingController {

    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    record LinePayload(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    record PlanPayload(@NotBlank @Size(max = 40) String channelCode, @NotNull DeliveryMethod method,
            @Size(max = 40) String pickupStore, @Valid Point destination,
            @NotEmpty @Size(max = Sourcing.MAX_LINES) List<@NotNull @Valid LinePayload> lines) {}

    /** Weights are relative (0–100 each, not all zero); costs compare location types (0–1000). */
    record RulePayload(@NotNull @Min(1) @Max(3) Integer maxLocations, @Min(1) @Max(20_000) Integer maxDistanceKm,
            @Min(0) @Max(100_000) Integer minStoreStock, @NotNull @Min(0) @Max(100) Integer weightDistance,
            @NotNull @Min(0) @Max(100) Integer weightCost, @NotNull @Min(0) @Max(100) Integer weightWorkload,
            @NotNull @Min(0) @Max(100) Integer weightDepth, @NotNull @Min(0) @Max(1000) Integer costWarehouse,
            @NotNull @Min(0) @Max(1000) Integer costStore) {}

    record CapacityPayload(@NotNull @Min(0) @Max(1_000_000) Integer dailyOrders) {}

    private final Sourcing sourcing;

    SourcingController(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    /** Nothing is held or written: the answer an order placed now would get. */
    @PostMapping("/sourcing/plans")
    Sourcing.Planned plan(@Valid @RequestBody PlanPayload payload) {
        GeoPoint destination = payload.destination() == null ? null
                : new GeoPoint(payload.destination().latitude(), payload.destination().longitude());
        return sourcing.plan(new Sourcing.Plan(payload.channelCode(), payload.method(), payload.pickupStore(),
                destination, payload.lines().stream().map(l -> new SourcingEngine.Line(l.sku(), l.quantity()))
                        .toList()), Callers.current());
    }

    @GetMapping("/sourcing-rules")
    List<SourcingRules.StoredRule> rules() {
        return sourcing.rules();
    }

    @PutMapping("/sourcing-rules/{channelCode}/{method}")
    SourcingRules.StoredRule putRule(@PathVariable String channelCode, @PathVariable DeliveryMethod method,
            @Valid @RequestBody RulePayload p) {
        return sourcing.putRule(channelCode, method, new SourcingEngine.Rule(p.maxLocations(), p.maxDistanceKm(),
                p.minStoreStock() == null ? 0 : p.minStoreStock(), p.weightDistance(), p.weightCost(),
                p.weightWorkload(), p.weightDepth(), p.costWarehouse(), p.costStore()), Callers.current());
    }

    @DeleteMapping("/sourcing-rules/{channelCode}/{method}")
    ResponseEntity<Void> deleteRule(@PathVariable String channelCode, @PathVariable DeliveryMethod method) {
        sourcing.deleteRule(channelCode, method);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/capacities")
    List<SourcingRules.Capacity> capacities() {
        return sourcing.capacities();
    }

    @PutMapping("/capacities/{locationCode}")
    SourcingRules.Capacity putCapacity(@PathVariable String locationCode, @Valid @RequestBody CapacityPayload p) {
        return sourcing.putCapacity(locationCode, p.dailyOrders());
    }

    @DeleteMapping("/capacities/{locationCode}")
    ResponseEntity<Void> deleteCapacity(@PathVariable String locationCode) {
        sourcing.deleteCapacity(locationCode);
        return ResponseEntity.noContent().build();
    }
}
