package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Capability;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.LocationType;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Availability to promise as a channel sees it: only the locations the channel sells from, safety
 * stock kept back, the channel's buffer taken off. Without a channel (the back office) every
 * location counts and no buffer applies.
 */
@Service
class Availability {

    /**
     * A SKU at one location. {@code backOn} is set where it is out of stock and stock is expected;
     * {@code distanceKm} only by the near-me search.
     */
    record AtLocation(String locationCode, String name, LocationType type, int available, boolean openNow,
            OffsetDateTime nextOpeningAt, Double distanceKm, Integer incoming, LocalDate backOn) {}

    /** A SKU across the locations a channel sells from; {@code backOn} when sold out everywhere. */
    record OfSku(String sku, String channel, int networkAvailable, LocalDate backOn, List<AtLocation> locations) {}

    private final BalanceRepository balances;
    private final InboundRepository inbound;
    private final ChannelBuffers buffers;
    private final RingFences fences;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;

    Availability(BalanceRepository balances, InboundRepository inbound, ChannelBuffers buffers, RingFences fences,
            Network network, Catalog catalog, Clock clock) {
        this.fences = fences;
        this.inbound = inbound;
        this.catalog = catalog;
        this.balances = balances;
        this.buffers = buffers;
        this.network = network;
        this.clock = clock;
    }

    OfSku ofSku(String sku, String channelCode) {
        return of(List.of(sku), channelCode).get(sku);
    }

    /**
     * Many SKUs at once (a cart), in two in-memory lookups and one query. No transaction: one
     * statement reads a consistent snapshot, and a read-only transaction would add round trips.
     */
    Map<String, OfSku> of(Collection<String> skus, String channelCode) {
        Scope scope = scope(channelCode);
        return withSupply(now(skus, channelCode, scope), scope);
    }

    /**
     * Per SKU, what each location the channel sells from can promise now, for the locations that can
     * promise some, by location code: what carts, allocation and routing weigh on every change and
     * order, so without the locations' names and opening status that {@link #now} adds.
     */
    Map<String, Map<String, Integer>> quantities(Collection<String> skus, String channelCode) {
        Map<String, Map<String, Integer>> answer = new LinkedHashMap<>();
        skus.forEach(sku -> answer.put(sku, new TreeMap<>()));
        promisable(skus, channelCode, (b, available) -> answer.get(b.sku()).put(b.locationCode(), available));
        return answer;
    }

    /**
     * {@link #quantities} by location, then SKU, for routing: no per-SKU ordering, which it does not
     * need, and no turning the answer around on every order.
     */
    Map<String, Map<String, Integer>> quantitiesByLocation(Collection<String> skus, String channelCode) {
        Map<String, Map<String, Integer>> answer = new HashMap<>();
        promisable(skus, channelCode, (b, available) -> answer.computeIfAbsent(b.locationCode(),
                k -> new HashMap<>(skus.size() * 2)).put(b.sku(), available));
        return answer;
    }

    /** Hands over each balance the channel can promise some of, with how much; refuses unknown SKUs. */
    private void promisable(Collection<String> skus, String channelCode, ObjIntConsumer<Balance> promised) {
        Scope scope = scope(channelCode);
        List<Balance> found = balancesOf(skus);
        Set<String> withStockRows = new HashSet<>();
        Set<String> active = network.activeLocationCodes();
        for (Balance b : found) {
            withStockRows.add(b.sku());
            if (!active.contains(b.locationCode()) || !scope.sellsFrom(b.locationCode())) {
                continue;
            }
            int available = scope.available(b, fences);
            if (available > 0) {
                promised.accept(b, available);
            }
        }
        if (withStockRows.size() < skus.size()) {
            checkKnown(skus.stream().distinct().filter(sku -> !withStockRows.contains(sku)).toList());
        }
    }

    /**
     * Per SKU, what the channel can promise across every location it sells from: the sum of
     * {@link #quantities}, added up by the database where no ring-fence of these SKUs needs weighing
     * location by location.
     */
    Map<String, Integer> totals(Collection<String> skus, String channelCode) {
        return totals(skus, channelCode, null).get();
    }

    /**
     * The same, its read sent with the caller's statements when {@code together} is given and no
     * ring-fence needs weighing (otherwise read when asked): the answer is there once they have run.
     */
    Supplier<Map<String, Integer>> totals(Collection<String> skus, String channelCode,
            RenderedSql.Together together) {
        Scope scope = scope(channelCode);
        if (fences.anyOn(skus)) {
            return () -> {
                Map<String, Integer> answer = new LinkedHashMap<>();
                quantities(skus, channelCode).forEach((sku, at) -> answer.put(sku,
                        at.values().stream().mapToInt(Integer::intValue).sum()));
                return answer;
            };
        }
        Set<String> active = network.activeLocationCodes();
        List<String> excluded = network.locationCodes().stream()
                .filter(code -> !active.contains(code) || !scope.sellsFrom(code)).toList();
        var read = together == null ? null : balances.totals(skus, excluded, scope.buffer(), together);
        return () -> {
            Map<String, Integer> found = read == null ? balances.totals(skus, excluded, scope.buffer()) : read.get();
            Map<String, Integer> answer = new LinkedHashMap<>();
            skus.forEach(sku -> answer.put(sku, found.getOrDefault(sku, 0)));
            if (found.size() < answer.size()) {
                checkKnown(answer.keySet().stream().filter(sku -> !found.containsKey(sku)).toList());
            }
            return answer;
        };
    }

    /** Every balance of the SKUs: one key range for one SKU, an in-list for several. */
    private List<Balance> balancesOf(Collection<String> skus) {
        return skus.size() == 1 ? balances.ofSku(skus.iterator().next()) : balances.ofSkus(skus);
    }

    /** The same without when sold-out stock is expected back: what can be promised now, nothing more. */
    Map<String, OfSku> now(Collection<String> skus, String channelCode) {
        return now(skus, channelCode, scope(channelCode));
    }

    private Map<String, OfSku> now(Collection<String> skus, String channelCode, Scope scope) {
        Map<String, List<Balance>> bySku = new LinkedHashMap<>();
        skus.forEach(sku -> bySku.put(sku, new ArrayList<>()));
        List<Balance> found = balancesOf(skus);
        found.forEach(b -> bySku.get(b.sku()).add(b));
        checkKnown(bySku.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList());
        Instant now = clock.instant();
        Map<String, LocationStatus> locations = network.locations(
                found.stream().map(Balance::locationCode).distinct().toList(), now);
        Map<String, OfSku> answers = new LinkedHashMap<>();
        bySku.forEach((sku, rows) -> {
            List<AtLocation> at = new ArrayList<>();
            int total = 0;
            for (Balance b : rows) {
                LocationStatus location = locations.get(b.locationCode());
                if (location == null || !location.location().active() || !scope.sellsFrom(b.locationCode())) {
                    continue;
                }
                int available = scope.available(b, fences);
                total += available;
                at.add(new AtLocation(b.locationCode(), location.location().name(), location.location().type(),
                        available, location.openNow(), location.nextOpeningAt(), null, null, null));
            }
            at.sort(Comparator.comparing(AtLocation::locationCode));
            if (scope.channel() != null) {
                // Units other channels keep across the network cannot be promised by this one.
                total = Math.max(0, total - fences.networkKeptCached(scope.channel(), sku));
            }
            answers.put(sku, new OfSku(sku, channelCode, total, null, at));
        });
        return answers;
    }

    /**
     * Locations within {@code radiusKm} of a point that can hand the item over (click & collect or
     * reserve & collect), that the channel sells from and that have it now, nearest first; distances
     * are great-circle distances.
     */
    List<AtLocation> near(String sku, String channelCode, GeoPoint point, double radiusKm) {
        Scope scope = scope(channelCode);
        List<Balance> rows = balances.ofSku(sku);
        if (rows.isEmpty()) {
            checkKnown(List.of(sku));
        }
        Map<String, LocationStatus> locations = network.locations(rows.stream().map(Balance::locationCode).toList(),
                clock.instant());
        List<AtLocation> near = new ArrayList<>();
        for (Balance b : rows) {
            LocationStatus location = locations.get(b.locationCode());
            if (location == null || !location.location().active() || !scope.sellsFrom(b.locationCode())) {
                continue;
            }
            Set<Capability> capabilities = location.location().capabilities();
            if (!capabilities.contains(Capability.CLICK_AND_COLLECT)
                    && !capabilities.contains(Capability.RESERVE_AND_COLLECT)) {
                continue;
            }
            double km = point.distanceKm(location.location().position());
            int available = scope.available(b, fences);
            if (km <= radiusKm && available > 0) {
                near.add(new AtLocation(b.locationCode(), location.location().name(), location.location().type(),
                        available, location.openNow(), location.nextOpeningAt(), Math.round(km * 100) / 100.0, null,
                        null));
            }
        }
        near.sort(Comparator.comparingDouble(AtLocation::distanceKm));
        return near;
    }

    /**
     * Where something is sold out, says when it is expected back (only then: the common case of
     * stock everywhere costs no extra query).
     */
    private Map<String, OfSku> withSupply(Map<String, OfSku> answers, Scope scope) {
        List<String> soldOut = answers.values().stream()
                .filter(a -> a.networkAvailable() == 0 || a.locations().stream().anyMatch(l -> l.available() == 0))
                .map(OfSku::sku).toList();
        if (soldOut.isEmpty()) {
            return answers;
        }
        var expected = inbound.expected(soldOut);
        Map<String, OfSku> completed = new LinkedHashMap<>(answers);
        for (String sku : soldOut) {
            OfSku answer = answers.get(sku);
            Map<String, InboundRepository.Expected> here = new LinkedHashMap<>();
            expected.getOrDefault(sku, List.of()).stream().filter(e -> scope.sellsFrom(e.locationCode()))
                    .forEach(e -> here.put(e.locationCode(), e));
            List<AtLocation> locations = answer.locations().stream().map(l -> {
                var e = here.get(l.locationCode());
                return e == null ? l : new AtLocation(l.locationCode(), l.name(), l.type(), l.available(), l.openNow(),
                        l.nextOpeningAt(), l.distanceKm(), e.quantity(), l.available() == 0 ? e.firstOn() : null);
            }).toList();
            LocalDate networkBack = answer.networkAvailable() > 0 ? null : here.values().stream()
                    .map(InboundRepository.Expected::firstOn).min(LocalDate::compareTo).orElse(null);
            completed.put(sku, new OfSku(sku, answer.channel(), answer.networkAvailable(), networkBack, locations));
        }
        return completed;
    }

    /** A SKU with no stock anywhere must at least exist: a typo is a 404, not "out of stock". */
    private void checkKnown(List<String> withoutStock) {
        if (withoutStock.isEmpty()) {
            return;
        }
        var known = catalog.variants(withoutStock);
        withoutStock.stream().filter(sku -> !known.containsKey(sku)).findFirst().ifPresent(sku -> {
            throw ApiProblem.notFound("SKU", sku);
        });
    }

    /** Where a channel may sell from and the buffer it is shown; no channel means everywhere, no buffer. */
    private record Scope(String channel, Set<String> locations, int buffer) {
        boolean sellsFrom(String code) {
            return locations == null || locations.contains(code);
        }

        /** Less the buffer and what other channels' ring-fences keep; the whole network sees it all. */
        int available(Balance b, RingFences fences) {
            if (channel == null) {
                return b.available();
            }
            return Math.max(0, b.availableTo(buffer) - fences.keptFromCached(channel, b.sku(), b.locationCode()));
        }
    }

    private Scope scope(String channelCode) {
        if (channelCode == null) {
            return new Scope(null, null, 0);
        }
        ChannelSummary channel = network.channel(channelCode)
                .orElseThrow(() -> ApiProblem.invalid("channel", "no channel has the code " + channelCode));
        return new Scope(channelCode, channel.locationCodes(), buffers.of(channelCode));
    }
}
