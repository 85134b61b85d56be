package org.comptoir.fulfilment.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Capability;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers what the sourcing engine needs (the channel's locations with their stock for the lines,
 * capacities, the applicable rule) and asks it where a basket would be fulfilled from, with why.
 */
@Service
class Sourcing {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;

    /** A basket to source: for a pickup, the store; for a shipment, optionally the customer's position. */
    record Plan(String channelCode, DeliveryMethod method, String pickupStore, GeoPoint destination,
            List<SourcingEngine.Line> lines) {}

    /** The decision with the rule it applied (and where that rule comes from). */
    record Planned(String channelCode, DeliveryMethod method, String ruleFrom, SourcingEngine.Rule rule,
            SourcingEngine.Decision decision) {}

    private final SourcingRules rules;
    private final Candidates candidates;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;

    Sourcing(SourcingRules rules, Candidates candidates, Network network, Catalog catalog, Clock clock) {
        this.rules = rules;
        this.candidates = candidates;
        this.network = network;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Planned plan(Plan plan, Caller caller) {
        ChannelSummary channel = network.channel(plan.channelCode() == null ? "" : plan.channelCode())
                .filter(ChannelSummary::active)
                .orElseThrow(() -> ApiProblem.invalid("channelCode", "no active channel has the code "
                        + plan.channelCode()));
        if (caller.channelCode().map(c -> !c.equals(channel.code())).orElse(false)) {
            throw ApiProblem.invalid("channelCode", "your key sells on another channel");
        }
        List<SourcingEngine.Line> lines = merged(plan.lines());
        var known = catalog.variants(lines.stream().map(SourcingEngine.Line::sku).toList());
        lines.stream().filter(l -> !known.containsKey(l.sku())).findFirst().ifPresent(l -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown SKU",
                    "No variant has the SKU " + l.sku()).with("sku", l.sku());
        });
        GeoPoint destination = plan.destination();
        String pickupStore = null;
        if (plan.method().pickup()) {
            LocationSummary store = plan.pickupStore() == null ? null
                    : network.location(plan.pickupStore()).filter(LocationSummary::active).orElse(null);
            if (store == null || !channel.locationCodes().contains(store.code())) {
                throw ApiProblem.invalid("pickupStore", "names an active store channel " + channel.code()
                        + " sells from");
            }
            if (!store.capabilities().contains(Capability.CLICK_AND_COLLECT)
                    && !store.capabilities().contains(Capability.RESERVE_AND_COLLECT)) {
                throw ApiProblem.invalid("pickupStore", store.code() + " does not hand orders over");
            }
            pickupStore = store.code();
            destination = store.position();
        } else if (plan.pickupStore() != null) {
            throw ApiProblem.invalid("pickupStore", "only for click & collect and reserve & collect");
        }
        var stored = rules.applicable(channel.code(), plan.method());
        SourcingEngine.Rule rule = stored.map(SourcingRules.StoredRule::rule).orElse(SourcingEngine.Rule.DEFAULT);
        String ruleFrom = stored.map(r -> r.channelCode().equals(SourcingRules.ANY_CHANNEL)
                ? "every channel's rule for " + plan.method() : "channel " + channel.code() + "'s rule for "
                        + plan.method()).orElse("the default rule");
        var decision = SourcingEngine.decide(new SourcingEngine.Request(
                plan.method().pickup() ? SourcingEngine.Mode.PICKUP : SourcingEngine.Mode.SHIP, destination,
                pickupStore, lines, rule, candidates.of(channel, lines.stream().map(SourcingEngine.Line::sku).toList(),
                        Map.of(), Set.of()), false));
        return new Planned(channel.code(), plan.method(), ruleFrom, rule, decision);
    }

    List<SourcingRules.StoredRule> rules() {
        return rules.all();
    }

    @Transactional
    SourcingRules.StoredRule putRule(String channelCode, DeliveryMethod method, SourcingEngine.Rule rule,
            Caller caller) {
        if (!channelCode.equals(SourcingRules.ANY_CHANNEL) && !network.channelExists(channelCode)) {
            throw ApiProblem.notFound("channel", channelCode);
        }
        if (rule.weightDistance() + rule.weightCost() + rule.weightWorkload() + rule.weightDepth() == 0) {
            throw ApiProblem.invalid("weightDistance", "at least one weight must be above 0");
        }
        rules.put(new SourcingRules.StoredRule(channelCode, method, rule, caller.name(), clock.instant()));
        return rules.find(channelCode, method).orElseThrow();
    }

    @Transactional
    void deleteRule(String channelCode, DeliveryMethod method) {
        if (!rules.delete(channelCode, method)) {
            throw ApiProblem.notFound("sourcing rule", channelCode + "/" + method);
        }
    }

    List<SourcingRules.Capacity> capacities() {
        return rules.capacityList();
    }

    @Transactional
    SourcingRules.Capacity putCapacity(String locationCode, int dailyOrders) {
        if (!network.locationExists(locationCode)) {
            throw ApiProblem.notFound("location", locationCode);
        }
        rules.setCapacity(locationCode, dailyOrders, clock.instant());
        return rules.capacityList().stream().filter(c -> c.locationCode().equals(locationCode)).findFirst()
                .orElseThrow();
    }

    @Transactional
    void deleteCapacity(String locationCode) {
        if (!rules.removeCapacity(locationCode)) {
            throw ApiProblem.notFound("capacity", locationCode);
        }
    }

    /** Lines of the same SKU are summed; quantities and sizes are bounded. */
    private static List<SourcingEngine.Line> merged(List<SourcingEngine.Line> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > MAX_LINES) {
            throw ApiProblem.invalid("lines", "must have 1 to " + MAX_LINES + " lines");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            SourcingEngine.Line line = requested.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw ApiProblem.invalid("lines[" + i + "].sku", "is required");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "must be 1 to " + MAX_QUANTITY);
            }
            int total = quantities.merge(line.sku(), line.quantity(), Integer::sum);
            if (total > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "adds up to more than " + MAX_QUANTITY);
            }
        }
        return quantities.entrySet().stream().map(e -> new SourcingEngine.Line(e.getKey(), e.getValue())).toList();
    }
}
