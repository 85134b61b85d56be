package org.comptoir.ordering.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.inventory.Inventory;
import org.comptoir.inventory.OutOfStock;
import org.comptoir.network.Capability;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.Network;
import org.springframework.stereotype.Component;

/** Picks the location each line's stock is held at, for orders and for carts that hold stock. */
@Component
class StockAllocation {

    private final Inventory inventory;
    private final Network network;
    private final Clock clock;

    StockAllocation(Inventory inventory, Network network, Clock clock) {
        this.inventory = inventory;
        this.network = network;
        this.clock = clock;
    }

    /**
     * Where each line's stock is held: the store of a collected group; for a shipped group, the
     * location able to ship that has the most of it (warehouses and shipping stores first). Full
     * sourcing with splits and scores comes with the fulfilment module.
     */
    Map<String, String> allocate(ChannelSummary channel, List<OrderPlacement.LineRequest> lines,
            Map<String, Fulfilment.Group> groups) {
        Map<String, String> chosen = new HashMap<>();
        List<OrderPlacement.LineRequest> shipped = new ArrayList<>();
        for (OrderPlacement.LineRequest line : lines) {
            Fulfilment.Group group = groups.get(line.group());
            if (group.method().atStore()) {
                chosen.put(line.sku(), group.locationCode());
            } else {
                shipped.add(line);
            }
        }
        if (shipped.isEmpty()) {
            return chosen;
        }
        var available = inventory.available(channel.code(), shipped.stream().map(OrderPlacement.LineRequest::sku).toList());
        Set<String> codes = new HashSet<>();
        available.values().forEach(at -> codes.addAll(at.keySet()));
        Map<String, LocationStatus> sites = network.locations(codes, clock.instant());
        for (OrderPlacement.LineRequest line : shipped) {
            Map<String, Integer> at = available.getOrDefault(line.sku(), Map.of());
            at.entrySet().stream().filter(e -> e.getValue() >= line.quantity())
                    .min(Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> !ships(sites.get(e.getKey())))
                            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                            .thenComparing(Map.Entry::getKey))
                    .ifPresentOrElse(e -> chosen.put(line.sku(), e.getKey()), () -> {
                        var best = at.entrySet().stream().max(Map.Entry.comparingByValue());
                        throw new OutOfStock(line.sku(), best.map(Map.Entry::getKey).orElse("any location"),
                                line.quantity(), best.map(Map.Entry::getValue).orElse(0));
                    });
        }
        return chosen;
    }

    private static boolean ships(LocationStatus site) {
        return site != null && (site.location().capabilities().contains(Capability.SHIPS_PARCELS)
                || site.location().capabilities().contains(Capability.SHIP_FROM_STORE));
    }

}
