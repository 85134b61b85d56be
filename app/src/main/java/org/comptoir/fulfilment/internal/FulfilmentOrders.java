package org.comptoir.fulfilment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.fulfilment.PickupExpired;
import org.comptoir.fulfilment.PickupReminder;
import org.comptoir.fulfilment.ReadyForPickup;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a fulfilment order: picked, packed, shipped and delivered; transfers received at the
 * pickup store; pickups made ready with a code the customer shows, handed over against it; refused
 * by a location that cannot fulfil it (its lines are re-routed elsewhere). Every change happens under
 * the order's fulfilment lock, so two associates never move the same order's work at once.
 */
@Service
class FulfilmentOrders {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.fulfilment.sweep-interval:30s}";

    private static final Logger log = LoggerFactory.getLogger(FulfilmentOrders.class);
    /** Wrong codes accepted before a new one must be issued. */
    static final int MAX_PICKUP_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FulfilmentRepository fulfilment;
    private final CarrierRepository carriers;
    private final Shipments shipments;
    private final RoutingService routing;
    private final FulfilmentSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final Clock clock;
    private final ClusterJobs jobs;

    FulfilmentOrders(FulfilmentRepository fulfilment, CarrierRepository carriers, Shipments shipments,
            RoutingService routing, FulfilmentSettings settings, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.fulfilment = fulfilment;
        this.carriers = carriers;
        this.shipments = shipments;
        this.routing = routing;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.separate = new TransactionTemplate(transaction.getTransactionManager());
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    FulfilmentOrder find(UUID id, Caller caller) {
        FulfilmentOrder f = fulfilment.find(id).orElseThrow(() -> ApiProblem.notFound("fulfilment order", id));
        if (!caller.mayAccessLocation(f.locationCode())
                && (f.destinationCode() == null || !caller.mayAccessLocation(f.destinationCode()))) {
            throw ApiProblem.notFound("fulfilment order", id);
        }
        return f;
    }

    List<FulfilmentRepository.Change> history(UUID id, Caller caller) {
        find(id, caller);
        return fulfilment.history(id);
    }

    /** A location's work list, soonest due first: a store key sees its own store's only. */
    List<FulfilmentOrder> work(String location, Set<FulfilmentOrder.Status> statuses, Instant afterDue, UUID afterId,
            int limit, Caller caller) {
        if (location != null && !caller.mayAccessLocation(location)) {
            throw ApiProblem.forbidden("your key works for another location");
        }
        List<String> locations = location != null ? List.of(location)
                : caller.locationCode().map(List::of).orElse(null);
        return fulfilment.work(locations, statuses.isEmpty() ? EnumSet.of(FulfilmentOrder.Status.TO_PICK,
                FulfilmentOrder.Status.PICKING, FulfilmentOrder.Status.PACKED,
                FulfilmentOrder.Status.READY_FOR_PICKUP) : statuses, afterDue, afterId, limit);
    }

    @Transactional
    FulfilmentOrder start(UUID id, Caller caller) {
        return step(id, FulfilmentOrder.Status.PICKING, null, caller);
    }

    @Transactional
    FulfilmentOrder pack(UUID id, Caller caller) {
        return step(id, FulfilmentOrder.Status.PACKED, null, caller);
    }

    /**
     * The parcel leaves: with carrier services configured for its method, a shipment is opened on the
     * service chosen (its tracking number and label); without, it leaves with the number given.
     */
    @Transactional
    FulfilmentOrder ship(UUID id, Shipments.ShipRequest request, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        var routed = lock(f.orderId());
        f = fulfilment.find(id).orElseThrow();
        if (!f.status().canMoveTo(FulfilmentOrder.Status.SHIPPED, f.kind())) {
            throw notAllowed(f, "become SHIPPED");
        }
        String group = f.groupCode();
        var destination = routing.state(routed, false).groups().stream().filter(g -> g.code().equals(group))
                .findFirst().orElse(null);
        var shipment = shipments.open(f, destination, request, clock.instant());
        String tracking = shipment.map(CarrierRepository.Shipment::trackingNumber).orElse(request.trackingNumber());
        routing.move(f, FulfilmentOrder.Status.SHIPPED, shipment.map(CarrierRepository.Shipment::choiceReason)
                .orElse(tracking == null ? null : "tracking " + tracking), caller.name(), clock.instant());
        if (tracking != null) {
            fulfilment.tracking(id, tracking);
        }
        return fulfilment.find(id).orElseThrow();
    }

    /**
     * What the carrier says of a parcel: recorded in order; delivered ends its fulfilment order
     * (delivered to the customer, or arrived at the pickup store); a failed delivery is told.
     */
    @Transactional
    CarrierRepository.Shipment tracked(String trackingNumber, String status, String description, Instant occurredAt,
            Caller caller) {
        var shipment = carriers.lockByTracking(trackingNumber)
                .orElseThrow(() -> ApiProblem.notFound("shipment", trackingNumber));
        FulfilmentOrder f = fulfilment.find(shipment.fulfilmentOrderId()).orElseThrow();
        lock(f.orderId());
        f = fulfilment.find(f.id()).orElseThrow();
        Instant now = clock.instant();
        carriers.track(shipment.id(), status, description, occurredAt == null ? now : occurredAt, now);
        if (status.equals("DELIVERED") && f.status() == FulfilmentOrder.Status.SHIPPED) {
            routing.move(f, f.kind() == FulfilmentOrder.Kind.TRANSFER ? FulfilmentOrder.Status.ARRIVED
                    : FulfilmentOrder.Status.DELIVERED, "carrier: delivered", caller.name(), now);
        }
        events.publishEvent(new org.comptoir.fulfilment.ShipmentTracked(Ids.newId(), now, shipment.id(), f.orderId(),
                f.orderNumber(), trackingNumber, shipment.carrier(), status, description));
        return carriers.find(shipment.id()).orElseThrow();
    }

    /** A shipment with what its carrier said of it, in order. */
    record TrackedShipment(CarrierRepository.Shipment shipment, List<CarrierRepository.Tracking> tracking) {}

    List<TrackedShipment> shipments(UUID id, Caller caller) {
        find(id, caller);
        return carriers.ofFulfilmentOrder(id).stream()
                .map(s -> new TrackedShipment(s, carriers.tracking(s.id()))).toList();
    }

    byte[] label(UUID shipmentId, Caller caller) {
        var shipment = carriers.find(shipmentId).orElseThrow(() -> ApiProblem.notFound("shipment", shipmentId));
        FulfilmentOrder f = find(shipment.fulfilmentOrderId(), caller);
        var routed = fulfilment.routed(f.orderId()).orElseThrow();
        var group = routing.state(routed, false).groups().stream().filter(g -> g.code().equals(f.groupCode()))
                .findFirst().orElse(null);
        return shipments.label(shipment, f, group);
    }

    @Transactional
    FulfilmentOrder deliver(UUID id, Caller caller) {
        return step(id, FulfilmentOrder.Status.DELIVERED, null, caller);
    }

    /** A transfer's parcel reached the pickup store: its staff says so. */
    @Transactional
    FulfilmentOrder arrive(UUID id, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        if (f.kind() == FulfilmentOrder.Kind.TRANSFER && !caller.mayAccessLocation(f.destinationCode())) {
            throw ApiProblem.forbidden("only the receiving store says a transfer arrived");
        }
        return step(id, FulfilmentOrder.Status.ARRIVED, null, caller);
    }

    /**
     * The pickup is ready: every transfer of its group arrived; a code is drawn for the customer and
     * sent with {@link ReadyForPickup} (only its hash is kept).
     */
    @Transactional
    FulfilmentOrder ready(UUID id, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        lock(f.orderId());
        f = fulfilment.find(id).orElseThrow();
        if (f.kind() == FulfilmentOrder.Kind.PICKUP) {
            String group = f.groupCode();
            var waiting = fulfilment.ofOrder(f.orderId()).stream()
                    .filter(t -> t.kind() == FulfilmentOrder.Kind.TRANSFER && t.groupCode().equals(group)
                            && t.status() != FulfilmentOrder.Status.ARRIVED
                            && t.status() != FulfilmentOrder.Status.CANCELLED
                            && t.status() != FulfilmentOrder.Status.REFUSED)
                    .map(FulfilmentOrder::locationCode).toList();
            if (!waiting.isEmpty()) {
                throw ApiProblem.conflict("transfers-pending", "The pickup waits for transfers from "
                        + String.join(", ", waiting)).with("from", waiting);
            }
        }
        FulfilmentOrder ready = step(id, FulfilmentOrder.Status.READY_FOR_PICKUP, null, caller);
        issueCode(ready);
        return fulfilment.find(id).orElseThrow();
    }

    /** The code to tell the customer (a notification sender's question), while the order waits on the shelf. */
    @Transactional(readOnly = true)
    String pickupCodeToSend(UUID id, Caller caller) {
        find(id, caller);
        return fulfilment.pickupCodeToSend(id).orElseThrow(() -> ApiProblem.conflict("no-pickup-code",
                "The order is not waiting on a shelf with a code"));
    }

    /** A new code (the customer lost theirs, or too many wrong ones were tried). */
    @Transactional
    FulfilmentOrder reissueCode(UUID id, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        lock(f.orderId());
        f = fulfilment.find(id).orElseThrow();
        if (f.status() != FulfilmentOrder.Status.READY_FOR_PICKUP) {
            throw notAllowed(f, "issue a pickup code");
        }
        issueCode(f);
        return fulfilment.find(id).orElseThrow();
    }

    /** Hands the order over against its code; a wrong code is counted (in its own transaction). */
    @Transactional
    FulfilmentOrder collect(UUID id, String code, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        lock(f.orderId());
        f = fulfilment.find(id).orElseThrow();
        if (f.status() != FulfilmentOrder.Status.READY_FOR_PICKUP) {
            throw notAllowed(f, "be collected");
        }
        if (f.pickupAttempts() >= MAX_PICKUP_ATTEMPTS) {
            throw ApiProblem.conflict("pickup-code-locked", "Too many wrong codes: issue a new one to the customer");
        }
        String expected = fulfilment.pickupCodeHash(id).orElse("");
        if (code == null || !MessageDigest.isEqual(hash(id, code.trim()).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
            separate.executeWithoutResult(s -> fulfilment.pickupFailed(id));
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-pickup-code", "Wrong pickup code",
                    "The code does not match this order's").with("attemptsLeft",
                    MAX_PICKUP_ATTEMPTS - f.pickupAttempts() - 1);
        }
        return step(id, FulfilmentOrder.Status.COLLECTED, "code checked", caller);
    }

    /**
     * The location cannot fulfil it (the item cannot be found, is damaged…): the fulfilment order is
     * closed, the location never gets these lines again, and they are re-routed at once; if nothing
     * else can take them, they are retried and then flagged for a person.
     */
    @Transactional
    FulfilmentOrder refuse(UUID id, String reason, Caller caller) {
        var routed = lock(find(id, caller).orderId());
        FulfilmentOrder f = fulfilment.find(id).orElseThrow();
        if (!f.status().canMoveTo(FulfilmentOrder.Status.REFUSED, f.kind())) {
            throw notAllowed(f, "be refused");
        }
        Instant now = clock.instant();
        String location = f.locationCode();
        Set<Integer> lines = f.lines().stream().filter(l -> l.sourceCode().equals(location))
                .map(FulfilmentOrder.Line::lineNo).collect(Collectors.toSet());
        routing.move(f, FulfilmentOrder.Status.REFUSED, reason, caller.name(), now);
        lines.forEach(line -> fulfilment.insertRefusal(f.orderId(), line, location, reason, now));
        if (!lines.isEmpty()) {
            Set<String> excluded = fulfilment.refusals(f.orderId()).stream()
                    .filter(r -> lines.contains(r.lineNo())).map(FulfilmentRepository.Refused::locationCode)
                    .collect(Collectors.toSet());
            routing.reroute(routed, lines, excluded, "refused at " + location);
        } else {
            routing.rebuild(routing.state(routed, false), "refused at " + location, now);
        }
        return fulfilment.find(id).orElseThrow();
    }

    /** A person asks for a flagged order to be routed again now. */
    @Transactional
    boolean retry(UUID orderId) {
        var routed = lock(orderId);
        if (routed.routed()) {
            throw ApiProblem.conflict("already-routed", "Every line of the order is routed");
        }
        return retryRouting(routed);
    }

    private boolean retryRouting(FulfilmentRepository.Routed routed) {
        var state = routing.state(routed, false);
        Set<Integer> covered = fulfilment.ofOrder(routed.orderId()).stream()
                .filter(f -> !f.status().notStarted() && f.status() != FulfilmentOrder.Status.CANCELLED
                        && f.status() != FulfilmentOrder.Status.REFUSED && f.kind() != FulfilmentOrder.Kind.PICKUP)
                .flatMap(f -> f.lines().stream()).map(FulfilmentOrder.Line::lineNo).collect(Collectors.toSet());
        Set<Integer> open = state.lines().stream().map(l -> l.lineNo()).filter(l -> !covered.contains(l))
                .collect(Collectors.toSet());
        Set<String> excluded = fulfilment.refusals(routed.orderId()).stream()
                .filter(r -> open.contains(r.lineNo())).map(FulfilmentRepository.Refused::locationCode)
                .collect(Collectors.toSet());
        return routing.reroute(routed, open, excluded, "retry " + (routed.attempts() + 1));
    }

    /**
     * Retries routing that failed, reminds customers whose order waits at a store, and cancels the
     * orders not collected in time. Each in its own transaction; safe with several nodes (every step
     * is a conditional update under the order's lock).
     */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void sweep() {
        jobs.runOnce("fulfilment.sweep", SWEEP_JOB_PERIOD, this::sweepNow);
    }

    private void sweepNow() {
        Instant now = clock.instant();
        for (UUID orderId : fulfilment.retryDue(now, 100)) {
            transaction.executeWithoutResult(s -> {
                var routed = fulfilment.lockRouted(orderId).orElseThrow();
                if (!routed.routed() && routed.flaggedAt() == null && routed.nextAttemptAt() != null
                        && !routed.nextAttemptAt().isAfter(now)) {
                    retryRouting(routed);
                }
            });
        }
        Instant keptSince = now.minus(settings.keepForPickup());
        for (UUID id : fulfilment.toRemind(keptSince.plus(settings.remindBefore()), 100)) {
            transaction.executeWithoutResult(s -> {
                FulfilmentOrder f = fulfilment.find(id).orElseThrow();
                lock(f.orderId());
                f = fulfilment.find(id).orElseThrow();
                if (f.status() == FulfilmentOrder.Status.READY_FOR_PICKUP && f.remindedAt() == null) {
                    fulfilment.reminded(id, now);
                    events.publishEvent(new PickupReminder(Ids.newId(), now, id, f.orderId(), f.orderNumber(),
                            f.locationCode(), f.readyAt().plus(settings.keepForPickup())));
                }
            });
        }
        for (UUID id : fulfilment.expired(keptSince, 100)) {
            transaction.executeWithoutResult(s -> {
                FulfilmentOrder f = fulfilment.find(id).orElseThrow();
                lock(f.orderId());
                f = fulfilment.find(id).orElseThrow();
                if (f.status() == FulfilmentOrder.Status.READY_FOR_PICKUP) {
                    // The order module cancels the order: its stock goes back, its payment is refunded.
                    events.publishEvent(new PickupExpired(Ids.newId(), now, id, f.orderId(), f.orderNumber(),
                            f.locationCode()));
                    log.info("Order {} was not collected at {}: cancelled", f.orderNumber(), f.locationCode());
                }
            });
        }
    }

    private FulfilmentOrder step(UUID id, FulfilmentOrder.Status to, String detail, Caller caller) {
        FulfilmentOrder f = find(id, caller);
        lock(f.orderId());
        f = fulfilment.find(id).orElseThrow();
        if (!f.status().canMoveTo(to, f.kind())) {
            throw notAllowed(f, "become " + to);
        }
        routing.move(f, to, detail, caller.name(), clock.instant());
        return fulfilment.find(id).orElseThrow();
    }

    private FulfilmentRepository.Routed lock(UUID orderId) {
        return fulfilment.lockRouted(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
    }

    private void issueCode(FulfilmentOrder f) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        fulfilment.pickupCode(f.id(), hash(f.id(), code), code, now);
        events.publishEvent(new ReadyForPickup(Ids.newId(), now, f.id(), f.orderId(), f.orderNumber(),
                f.locationCode(), now.plus(settings.keepForPickup())));
    }

    private static ApiProblem notAllowed(FulfilmentOrder f, String what) {
        return ApiProblem.conflict("transition-not-allowed", "A " + f.kind().name().toLowerCase() + " "
                + f.status() + " cannot " + what).with("status", f.status().name());
    }

    /** Salted with the fulfilment order's id, so that one table of the million codes does not fit all. */
    static String hash(UUID id, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
