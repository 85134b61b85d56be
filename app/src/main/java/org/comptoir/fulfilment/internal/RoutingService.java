package org.comptoir.fulfilment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.comptoir.fulfilment.FulfilmentOrderChanged;
import org.comptoir.fulfilment.OrderRerouted;
import org.comptoir.fulfilment.Routing;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Routes orders with the sourcing engine and keeps their fulfilment orders in step: one per location
 * and shipment (a SHIPMENT per shipping location; for a pickup, a PICKUP at the store and a TRANSFER
 * from every other location), rebuilt while nobody started them, released once paid, cancelled with
 * the order. Lines the rules cannot place are retried and then flagged for a person.
 */
@Service
class RoutingService implements Routing {

    private static final TypeReference<List<Group>> GROUPS = new TypeReference<>() {};
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {};

    /**
     * A decision for one group, as recorded with the order: {@code candidates} says how many locations
     * were weighed, the decision keeps the verdicts of the {@link #EXPLAINED} best, of those chosen and
     * of those put out: every verdict of every placed order was 9 kB per order on a network of 50
     * locations, compressed by the database on each insert (the sourcing plan preview still shows them all).
     */
    record GroupDecision(String group, String method, String ruleFrom, SourcingEngine.Rule rule, int candidates,
            SourcingEngine.Decision decision) {}

    static final int EXPLAINED = 5;

    private final FulfilmentRepository fulfilment;
    private final CarrierRepository carriers;
    private final SourcingRules rules;
    private final Candidates candidates;
    private final Sites sites;
    private final Network network;
    private final Inventory inventory;
    private final FulfilmentSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    RoutingService(FulfilmentRepository fulfilment, CarrierRepository carriers, SourcingRules rules,
            Candidates candidates, Sites sites, Network network, Inventory inventory, FulfilmentSettings settings,
            ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.fulfilment = fulfilment;
        this.carriers = carriers;
        this.rules = rules;
        this.candidates = candidates;
        this.sites = sites;
        this.network = network;
        this.inventory = inventory;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Route route(String channelCode, List<Group> groups, List<Line> lines) {
        ChannelSummary channel = network.channel(channelCode).orElseThrow();
        return decide(channel, groups, lines, Map.of(), Set.of());
    }

    /**
     * Where to hold {@code lines}: held units of the order count as its own, excluded locations (that
     * refused a line) are never chosen again.
     */
    Route decide(ChannelSummary channel, List<Group> groups, List<Line> lines,
            Map<String, Map<String, Integer>> held, Set<String> excluded) {
        Map<Integer, String> locations = new LinkedHashMap<>();
        List<GroupDecision> explanation = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean routed = true;
        for (Group group : groups) {
            List<Line> ofGroup = lines.stream().filter(l -> l.group().equals(group.code())).toList();
            if (ofGroup.isEmpty()) {
                continue;
            }
            DeliveryMethod method = methodOf(group.method());
            if (method == null || method == DeliveryMethod.RESERVE_AND_COLLECT) {
                // Carried out or reserved in the store: the units are on its shelf, nowhere else.
                ofGroup.forEach(l -> locations.put(l.lineNo(), group.pickupStore()));
                continue;
            }
            var stored = rules.applicable(channel.code(), method);
            SourcingEngine.Rule rule = stored.map(SourcingRules.StoredRule::rule).orElse(SourcingEngine.Rule.DEFAULT);
            String ruleFrom = stored.map(r -> r.channelCode().equals(SourcingRules.ANY_CHANNEL)
                    ? "every channel's rule for " + method : "channel " + channel.code() + "'s rule for " + method)
                    .orElse("the default rule");
            Map<String, Integer> bySku = new LinkedHashMap<>();
            ofGroup.forEach(l -> bySku.merge(l.sku(), l.quantity(), Integer::sum));
            List<SourcingEngine.Line> engineLines = bySku.entrySet().stream()
                    .map(e -> new SourcingEngine.Line(e.getKey(), e.getValue())).toList();
            SourcingEngine.Decision decision = SourcingEngine.decide(new SourcingEngine.Request(
                    method.pickup() ? SourcingEngine.Mode.PICKUP : SourcingEngine.Mode.SHIP,
                    method.pickup() ? sites.of(group.pickupStore()).map(s -> s.position()).orElse(null)
                            : group.destination(),
                    method.pickup() ? group.pickupStore() : null, engineLines, rule,
                    candidates.of(channel, bySku.keySet(), held, excluded), false));
            explanation.add(new GroupDecision(group.code(), method.name(), ruleFrom, rule,
                    decision.candidates().size(), decision.explainedBy(EXPLAINED)));
            reasons.add(group.code() + ": " + decision.reason());
            if (!decision.routed()) {
                routed = false;
                continue;
            }
            Map<String, String> bySkuLocation = new HashMap<>();
            decision.assignments().forEach(a -> bySkuLocation.put(a.sku(), a.locationCode()));
            ofGroup.forEach(l -> locations.put(l.lineNo(), bySkuLocation.get(l.sku())));
        }
        return new Route(locations, routed, String.join("; ", reasons), json.writeValueAsString(explanation));
    }

    @Override
    public void lock(UUID orderId) {
        fulfilment.lockRouted(orderId);
    }

    @Override
    public void placed(RenderedSql.Together together, OrderState order, Route route) {
        // A new order: nothing to lock or compare yet.
        Instant now = clock.instant();
        fulfilment.insertPlaced(together, new FulfilmentRepository.Routed(order.orderId(), order.number(),
                order.channelCode(), order.holdId(), order.released(), route.routed(), 1,
                route.routed() ? null : now.plus(settings.retryEvery()), null,
                json.writeValueAsString(order.groups()), json.writeValueAsString(order.lines()), now),
                new FulfilmentRepository.Decision(Ids.newId(), order.orderId(), "placed", route.routed(),
                        route.reason(), route.explanationJson(), now),
                wanted(order, now).values(), "order placed", now);
    }

    @Override
    @Transactional
    public void sync(OrderState order) {
        Instant now = clock.instant();
        var existing = fulfilment.lockRouted(order.orderId());
        if (existing.isEmpty()) {
            return;
        }
        var r = existing.get();
        fulfilment.updateRouted(new FulfilmentRepository.Routed(r.orderId(), r.number(), r.channelCode(),
                order.holdId(), order.released(), r.routed() || order.cancelled(), r.attempts(), r.nextAttemptAt(),
                r.flaggedAt(), json.writeValueAsString(order.groups()), json.writeValueAsString(order.lines()),
                r.createdAt()), now);
        rebuild(order, "order " + (order.cancelled() ? "cancelled" : "changed"), now);
    }

    /** The order's state as fulfilment last saw it. */
    OrderState state(FulfilmentRepository.Routed r, boolean cancelled) {
        return new OrderState(r.orderId(), r.number(), r.channelCode(), r.holdId(), r.released(), cancelled,
                json.readValue(r.groupsJson(), GROUPS), json.readValue(r.linesJson(), LINES));
    }

    /**
     * Moves lines elsewhere (a refusal, a retry): decides for them away from the excluded locations;
     * when it can, replaces the order's hold in one step, tells the order where its lines are now
     * held and rebuilds the fulfilment orders. Returns whether the lines could be placed.
     */
    boolean reroute(FulfilmentRepository.Routed r, Set<Integer> lineNos, Set<String> excluded, String trigger) {
        Instant now = clock.instant();
        OrderState state = state(r, false);
        ChannelSummary channel = network.channel(r.channelCode()).orElseThrow();
        List<Line> moving = state.lines().stream().filter(l -> lineNos.contains(l.lineNo())).toList();
        Map<String, Map<String, Integer>> held = new HashMap<>();
        for (Line line : moving) {
            held.computeIfAbsent(line.locationCode(), k -> new HashMap<>()).merge(line.sku(), line.quantity(),
                    Integer::sum);
        }
        Route route = decide(channel, state.groups(), moving, held, excluded);
        fulfilment.insertDecision(new FulfilmentRepository.Decision(Ids.newId(), r.orderId(), trigger, route.routed(),
                route.reason(), route.explanationJson(), now));
        if (!route.routed()) {
            int attempts = r.attempts() + 1;
            boolean flag = attempts >= settings.routingAttempts();
            fulfilment.updateRouted(new FulfilmentRepository.Routed(r.orderId(), r.number(), r.channelCode(),
                    r.holdId(), r.released(), false, attempts, flag ? null : now.plus(settings.retryEvery()),
                    flag ? now : null, r.groupsJson(), r.linesJson(), r.createdAt()), now);
            return false;
        }
        List<Line> lines = state.lines().stream().map(l -> route.locations().containsKey(l.lineNo())
                ? new Line(l.lineNo(), l.sku(), l.quantity(), l.group(), route.locations().get(l.lineNo())) : l)
                .toList();
        UUID holdId = r.holdId();
        boolean moved = !lines.equals(state.lines());
        if (moved && holdId != null) {
            holdId = inventory.replace(holdId, new Inventory.StockHold(Inventory.HoldKind.ORDER, r.number(),
                    r.channelCode(), null, "order " + r.number(), lines.stream()
                            .map(l -> new Inventory.StockLine(l.locationCode(), l.sku(), l.quantity())).toList()),
                    // The platform moves the stock, wherever it goes: a store refusing a line may not
                    // hold stock elsewhere itself.
                    Caller.SYSTEM);
        }
        fulfilment.updateRouted(new FulfilmentRepository.Routed(r.orderId(), r.number(), r.channelCode(), holdId,
                r.released(), true, r.attempts(), null, null, r.groupsJson(), json.writeValueAsString(lines),
                r.createdAt()), now);
        if (moved) {
            Map<Integer, String> changed = new LinkedHashMap<>();
            lines.forEach(l -> changed.put(l.lineNo(), l.locationCode()));
            events.publishEvent(new OrderRerouted(Ids.newId(), now, r.orderId(), r.number(), holdId, changed,
                    trigger));
        }
        rebuild(new OrderState(r.orderId(), r.number(), r.channelCode(), holdId, r.released(), false,
                state.groups(), lines), trigger, now);
        return true;
    }

    /**
     * Makes the live fulfilment orders match the order: the ones wanted and not started are kept (and
     * released once paid), changed ones are cancelled and opened again, unwanted ones cancelled; the
     * ones already started are left as they are. A cancelled order cancels every one not yet gone.
     */
    void rebuild(OrderState order, String detail, Instant now) {
        List<FulfilmentOrder> live = fulfilment.ofOrder(order.orderId()).stream()
                .filter(f -> f.status() != FulfilmentOrder.Status.CANCELLED
                        && f.status() != FulfilmentOrder.Status.REFUSED).toList();
        Map<String, FulfilmentOrder> wanted = order.cancelled() ? Map.of() : wanted(order, now);
        Set<String> kept = new HashSet<>();
        for (FulfilmentOrder f : live) {
            String key = key(f);
            FulfilmentOrder want = wanted.get(key);
            boolean same = want != null && sameWork(want, f);
            if (order.cancelled() && f.status().canMoveTo(FulfilmentOrder.Status.CANCELLED, f.kind())) {
                move(f, FulfilmentOrder.Status.CANCELLED, detail, "system", now);
                continue;
            }
            if (!f.status().notStarted()) {
                kept.add(key);
                continue;
            }
            if (same) {
                kept.add(key);
                if (order.released() && f.status() == FulfilmentOrder.Status.ON_HOLD) {
                    move(f, FulfilmentOrder.Status.TO_PICK, "order paid", "system", now);
                }
                continue;
            }
            move(f, FulfilmentOrder.Status.CANCELLED, detail, "system", now);
        }
        fulfilment.insert(wanted.entrySet().stream().filter(e -> !kept.contains(e.getKey()))
                .map(Map.Entry::getValue).toList(), detail, now);
    }

    /** Moves one fulfilment order (under the order's lock), records it and says where the order stands. */
    void move(FulfilmentOrder f, FulfilmentOrder.Status to, String detail, String actor, Instant now) {
        if (!fulfilment.move(f.id(), f.status(), to, now)) {
            throw new IllegalStateException("fulfilment order " + f.id() + " changed under the order's lock");
        }
        fulfilment.record(f.id(), new FulfilmentRepository.Change(f.status().name(), to.name(), actor, detail, now));
        events.publishEvent(new FulfilmentOrderChanged(Ids.newId(), now, f.id(), f.orderId(), f.orderNumber(),
                f.locationCode(), f.kind().name(), f.status().name(), to.name(), progress(f.orderId()), actor, detail));
    }

    /**
     * Where the whole order stands given its fulfilment orders: shipped when every shipment left,
     * ready when the pickup is, collected or delivered at the end; in fulfilment once work started.
     */
    String progress(UUID orderId) {
        List<FulfilmentOrder> all = fulfilment.ofOrder(orderId).stream()
                .filter(f -> f.status() != FulfilmentOrder.Status.CANCELLED
                        && f.status() != FulfilmentOrder.Status.REFUSED).toList();
        List<FulfilmentOrder> shipments = all.stream().filter(f -> f.kind() == FulfilmentOrder.Kind.SHIPMENT).toList();
        List<FulfilmentOrder> pickups = all.stream().filter(f -> f.kind() == FulfilmentOrder.Kind.PICKUP).toList();
        if (all.isEmpty()) {
            return null;
        }
        boolean shipped = shipments.stream().allMatch(f -> f.status() == FulfilmentOrder.Status.SHIPPED
                || f.status() == FulfilmentOrder.Status.DELIVERED);
        if (!pickups.isEmpty()) {
            if (shipped && pickups.stream().allMatch(f -> f.status() == FulfilmentOrder.Status.COLLECTED)) {
                return "COLLECTED";
            }
            if (shipped && pickups.stream().allMatch(f -> f.status() == FulfilmentOrder.Status.READY_FOR_PICKUP
                    || f.status() == FulfilmentOrder.Status.COLLECTED)) {
                return "READY_FOR_PICKUP";
            }
        } else if (!shipments.isEmpty()) {
            if (shipments.stream().allMatch(f -> f.status() == FulfilmentOrder.Status.DELIVERED)) {
                return "DELIVERED";
            }
            if (shipped) {
                return "SHIPPED";
            }
            if (shipments.stream().anyMatch(f -> f.status() == FulfilmentOrder.Status.SHIPPED
                    || f.status() == FulfilmentOrder.Status.DELIVERED)) {
                return "PARTLY_SHIPPED";
            }
        }
        return all.stream().anyMatch(f -> !f.status().notStarted()) ? "IN_FULFILMENT" : null;
    }

    /** The fulfilment orders the order needs as it stands, by kind, location and group. */
    private Map<String, FulfilmentOrder> wanted(OrderState order, Instant now) {
        Map<String, FulfilmentOrder> wanted = new LinkedHashMap<>();
        FulfilmentOrder.Status status = order.released() ? FulfilmentOrder.Status.TO_PICK
                : FulfilmentOrder.Status.ON_HOLD;
        for (Group group : order.groups()) {
            List<Line> lines = order.lines().stream().filter(l -> l.group().equals(group.code())
                    && l.quantity() > 0 && l.locationCode() != null).toList();
            if (lines.isEmpty() || "CARRY_OUT".equals(group.method())) {
                continue;
            }
            boolean pickup = group.pickupStore() != null;
            Map<String, List<FulfilmentOrder.Line>> byLocation = new LinkedHashMap<>();
            for (Line l : lines) {
                if (!pickup || !l.locationCode().equals(group.pickupStore())) {
                    byLocation.computeIfAbsent(l.locationCode(), k -> new ArrayList<>())
                            .add(new FulfilmentOrder.Line(l.lineNo(), l.sku(), l.quantity(), l.locationCode()));
                }
            }
            FulfilmentOrder.Kind kind = pickup ? FulfilmentOrder.Kind.TRANSFER : FulfilmentOrder.Kind.SHIPMENT;
            byLocation.forEach((location, ofLocation) -> add(wanted, new FulfilmentOrder(Ids.newId(), order.orderId(),
                    order.number(), order.channelCode(), group.code(), group.method(), kind, location,
                    pickup ? group.pickupStore() : null, status, now.plus(settings.shipWithin()), false, 0, null, null,
                    null, 1, now, now, ofLocation)));
            if (pickup) {
                // Ready once the last transfer arrived (the promised pickup date), else from the shelf now.
                Instant due = now.plus(settings.pickupWithin());
                for (String source : byLocation.keySet()) {
                    ZoneId zone = sites.zoneOf(source);
                    Instant arrival = CarrierChoice.transferArrival(carriers.services(), now.atZone(zone))
                            .atTime(12, 0).atZone(zone).toInstant();
                    due = arrival.isAfter(due) ? arrival : due;
                }
                add(wanted, new FulfilmentOrder(Ids.newId(), order.orderId(), order.number(), order.channelCode(),
                        group.code(), group.method(), FulfilmentOrder.Kind.PICKUP, group.pickupStore(), null, status,
                        due, false, 0, null, null, null, 1, now, now,
                        lines.stream().map(l -> new FulfilmentOrder.Line(l.lineNo(), l.sku(), l.quantity(),
                                l.locationCode())).toList()));
            }
        }
        return wanted;
    }

    private static void add(Map<String, FulfilmentOrder> wanted, FulfilmentOrder f) {
        wanted.put(key(f), f);
    }

    private static String key(FulfilmentOrder f) {
        return f.kind() + "|" + f.locationCode() + "|" + f.groupCode();
    }

    private static boolean sameWork(FulfilmentOrder a, FulfilmentOrder b) {
        return Objects.equals(a.destinationCode(), b.destinationCode()) && a.lines().equals(b.lines());
    }

    private static DeliveryMethod methodOf(String method) {
        return switch (method) {
            case "HOME_DELIVERY" -> DeliveryMethod.HOME_DELIVERY;
            case "HOME_EXPRESS" -> DeliveryMethod.HOME_EXPRESS;
            case "RELAY_POINT" -> DeliveryMethod.RELAY_POINT;
            case "CLICK_AND_COLLECT" -> DeliveryMethod.CLICK_AND_COLLECT;
            case "RESERVE_AND_COLLECT" -> DeliveryMethod.RESERVE_AND_COLLECT;
            default -> null;
        };
    }
}
