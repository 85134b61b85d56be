package org.comptoir.fulfilment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.springframework.stereotype.Component;

/**
 * The locations a channel sells from as the sourcing engine sees them: their stock of the SKUs asked
 * (plus what the order itself already holds there, when it is being re-routed), and what is left of
 * their daily capacity after the fulfilment orders they took on today (UTC day).
 */
@Component
class Candidates {

    private final Inventory inventory;
    private final Network network;
    private final SourcingRules rules;
    private final FulfilmentRepository fulfilment;
    private final Clock clock;

    Candidates(Inventory inventory, Network network, SourcingRules rules, FulfilmentRepository fulfilment,
            Clock clock) {
        this.inventory = inventory;
        this.network = network;
        this.rules = rules;
        this.fulfilment = fulfilment;
        this.clock = clock;
    }

    /**
     * @param held units the order holds already, by location then SKU (they count as its own)
     * @param excluded locations that refused the lines: never candidates again
     */
    List<SourcingEngine.Candidate> of(ChannelSummary channel, Collection<String> skus,
            Map<String, Map<String, Integer>> held, Set<String> excluded) {
        Map<String, Map<String, Integer>> byLocation = inventory.availableByLocation(channel.code(), skus);
        if (!held.isEmpty()) {
            byLocation = new HashMap<>(byLocation);
            for (var at : held.entrySet()) {
                Map<String, Integer> units = new HashMap<>(byLocation.getOrDefault(at.getKey(), Map.of()));
                at.getValue().forEach((sku, quantity) -> units.merge(sku, quantity, Integer::sum));
                byLocation.put(at.getKey(), units);
            }
        }
        Instant now = clock.instant();
        Map<String, Integer> capacities = rules.capacities();
        Map<String, Integer> taken = capacities.isEmpty() ? Map.of()
                : fulfilment.takenSince(capacities.keySet(), now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                        .toInstant());
        Map<String, LocationStatus> sites = network.locations(channel.locationCodes(), now);
        List<SourcingEngine.Candidate> candidates = new ArrayList<>(sites.size());
        for (LocationStatus site : sites.values()) {
            LocationSummary l = site.location();
            if (excluded.contains(l.code())) {
                continue;
            }
            Integer capacity = capacities.get(l.code());
            int takenToday = taken.getOrDefault(l.code(), 0);
            candidates.add(new SourcingEngine.Candidate(l.code(), l.type(), l.position(), l.active(), true,
                    l.capabilities(), byLocation.getOrDefault(l.code(), Map.of()),
                    capacity == null ? null : Math.max(0, capacity - takenToday), takenToday));
        }
        return candidates;
    }
}
