package org.comptoir.fulfilment.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fulfilment orders: a location's work list, each order's steps (pick, pack, ship, deliver; a
 * transfer's arrival; a pickup made ready and collected against its code; a refusal), and the
 * routing of an order with every decision and why.
 */
@Tag(name = "Fulfilment orders")
@RestController
@RequestMapping("/api/v1/fulfilment")
class FulfilmentController {

    /** All optional: the packer's tracking number (else the carrier's), weight, parcels, service, promise. */
    record Shipping(@Size(max = 40) String trackingNumber, @Min(1) @Max(1_000_000) Integer weightGrams,
            @Min(1) @Max(100) Integer parcels, @Size(max = 40) String serviceCode, java.time.LocalDate promisedBy) {}

    record TrackingPayload(@jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Pattern(regexp = "IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED|FAILED",
                    message = "must be IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED or FAILED") String status,
            @Size(max = 500) String description, Instant occurredAt) {}

    record Collection(@NotBlank @Size(max = 20) String code) {}

    record Refusal(@NotBlank @Size(max = 500) String reason) {}

    /** A page of the work list; {@code next} continues it. */
    record WorkPage(List<FulfilmentOrder> items, String next) {}

    /** A fulfilment order with its history. */
    record Detail(FulfilmentOrder order, List<FulfilmentRepository.Change> history) {}

    /** How an order is routed: its fulfilment orders, every decision with its explanation, the refusals. */
    record RoutingView(UUID orderId, String orderNumber, boolean routed, int attempts, Instant flaggedAt,
            List<FulfilmentOrder> fulfilmentOrders, List<FulfilmentRepository.Decision> decisions,
            List<FulfilmentRepository.Refused> refusals) {}

    private final FulfilmentOrders orders;
    private final FulfilmentQueries queries;

    FulfilmentController(FulfilmentOrders orders, FulfilmentQueries queries) {
        this.orders = orders;
        this.queries = queries;
    }

    @GetMapping("/orders")
    WorkPage work(@RequestParam(required = false) String location,
            @RequestParam(required = false) Set<FulfilmentOrder.Status> status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Instant afterDue = null;
        UUID afterId = null;
        if (after != null) {
            String[] parts = after.split("_", 2);
            try {
                afterDue = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("after", "is the next value of a previous page");
            }
        }
        // "?status=" names no status: no filter, as when the parameter is left out.
        EnumSet<FulfilmentOrder.Status> statuses = EnumSet.noneOf(FulfilmentOrder.Status.class);
        if (status != null) {
            status.stream().filter(java.util.Objects::nonNull).forEach(statuses::add);
        }
        var items = orders.work(location, statuses, afterDue, afterId, limit + 1, Callers.current());
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            FulfilmentOrder last = items.getLast();
            next = last.dueBy() + "_" + last.id();
        }
        return new WorkPage(items, next);
    }

    @GetMapping("/orders/{id}")
    Detail order(@PathVariable UUID id) {
        var caller = Callers.current();
        return new Detail(orders.find(id, caller), orders.history(id, caller));
    }

    @PostMapping("/orders/{id}/start")
    FulfilmentOrder start(@PathVariable UUID id) {
        return orders.start(id, Callers.current());
    }

    @PostMapping("/orders/{id}/pack")
    FulfilmentOrder pack(@PathVariable UUID id) {
        return orders.pack(id, Callers.current());
    }

    @PostMapping("/orders/{id}/ship")
    FulfilmentOrder ship(@PathVariable UUID id, @Valid @RequestBody(required = false) Shipping shipping) {
        return orders.ship(id, shipping == null ? Shipments.ShipRequest.NONE : new Shipments.ShipRequest(
                shipping.trackingNumber(), shipping.weightGrams(), shipping.parcels(), shipping.serviceCode(),
                shipping.promisedBy()), Callers.current());
    }

    @GetMapping("/orders/{id}/shipments")
    List<FulfilmentOrders.TrackedShipment> shipments(@PathVariable UUID id) {
        return orders.shipments(id, Callers.current());
    }

    @GetMapping(value = "/shipments/{id}/label", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> label(@PathVariable UUID id) {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"label-" + id + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(orders.label(id, Callers.current()));
    }

    /** A carrier's tracking update (through an integration key). */
    @PostMapping("/shipments/{trackingNumber}/events")
    CarrierRepository.Shipment tracking(@PathVariable String trackingNumber, @Valid @RequestBody TrackingPayload p) {
        return orders.tracked(trackingNumber, p.status(), p.description(), p.occurredAt(), Callers.current());
    }

    @PostMapping("/orders/{id}/deliver")
    FulfilmentOrder deliver(@PathVariable UUID id) {
        return orders.deliver(id, Callers.current());
    }

    @PostMapping("/orders/{id}/arrive")
    FulfilmentOrder arrive(@PathVariable UUID id) {
        return orders.arrive(id, Callers.current());
    }

    @PostMapping("/orders/{id}/ready")
    FulfilmentOrder ready(@PathVariable UUID id) {
        return orders.ready(id, Callers.current());
    }

    /** The code the customer must show, for whoever tells them (a notification sender): never in an event. */
    record PickupCode(String code) {}

    @GetMapping("/orders/{id}/pickup-code")
    PickupCode pickupCode(@PathVariable UUID id) {
        return new PickupCode(orders.pickupCodeToSend(id, Callers.current()));
    }

    @PostMapping("/orders/{id}/pickup-code")
    FulfilmentOrder reissueCode(@PathVariable UUID id) {
        return orders.reissueCode(id, Callers.current());
    }

    @PostMapping("/orders/{id}/collect")
    FulfilmentOrder collect(@PathVariable UUID id, @Valid @RequestBody Collection collection) {
        return orders.collect(id, collection.code(), Callers.current());
    }

    @PostMapping("/orders/{id}/refuse")
    FulfilmentOrder refuse(@PathVariable UUID id, @Valid @RequestBody Refusal refusal) {
        return orders.refuse(id, refusal.reason(), Callers.current());
    }

    @GetMapping("/routing/{orderId}")
    RoutingView routing(@PathVariable UUID orderId) {
        return queries.routing(orderId, Callers.current());
    }

    @PostMapping("/routing/{orderId}/retry")
    RoutingView retry(@PathVariable UUID orderId) {
        orders.retry(orderId);
        return queries.routing(orderId, Callers.current());
    }

    /** Orders the rules could not route after every attempt: a person decides. */
    @GetMapping("/exceptions")
    List<RoutingView> exceptions() {
        return queries.flagged(Callers.current());
    }
}
