package org.comptoir.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before a purchase: when a basket would arrive by each delivery method ("order within 2 h for
 * delivery tomorrow"), from where sourcing would take it and the carriers' cut-offs and transit
 * times; the relay points near an address; the carrier services themselves.
 */
@Service
class Delivery {

    /** One method's promise; {@code orderWithinMinutes} is how long the date holds, when it depends on a cut-off. */
    record Promise(DeliveryMethod method, boolean available, LocalDate earliestDate, Long orderWithinMinutes,
            List<String> fromLocations, String service, String reason) {}

    record RelayPoint(String code, String name, GeoPoint position, double distanceKm) {}

    private final Sourcing sourcing;
    private final CarrierRepository carriers;
    private final Sites sites;
    private final Network network;
    private final FulfilmentSettings settings;
    private final Clock clock;

    Delivery(Sourcing sourcing, CarrierRepository carriers, Sites sites, Network network,
            FulfilmentSettings settings, Clock clock) {
        this.sites = sites;
        this.sourcing = sourcing;
        this.carriers = carriers;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Promise> promise(String channelCode, List<SourcingEngine.Line> lines, GeoPoint destination, String country,
            String pickupStore, Caller caller) {
        Instant now = clock.instant();
        List<Promise> promises = new ArrayList<>();
        for (DeliveryMethod method : List.of(DeliveryMethod.HOME_DELIVERY, DeliveryMethod.HOME_EXPRESS,
                DeliveryMethod.RELAY_POINT, DeliveryMethod.CLICK_AND_COLLECT)) {
            if (method.pickup() && pickupStore == null) {
                continue;
            }
            var planned = sourcing.plan(new Sourcing.Plan(channelCode, method, method.pickup() ? pickupStore : null,
                    method.pickup() ? null : destination, lines), caller);
            var decision = planned.decision();
            if (!decision.routed()) {
                promises.add(new Promise(method, false, null, null, List.of(), null, decision.reason()));
                continue;
            }
            promises.add(method.pickup() ? pickup(decision, pickupStore, now)
                    : shipped(method, decision, country, now));
        }
        return promises;
    }

    /** Every location ships on the fastest service it can; the order arrives with the last parcel. */
    private Promise shipped(DeliveryMethod method, SourcingEngine.Decision decision, String country, Instant now) {
        LocalDate latest = null;
        Instant holdsUntil = null;
        List<String> services = new ArrayList<>();
        for (String location : decision.locations()) {
            ZonedDateTime there = now.atZone(zoneOf(location));
            var fastest = carriers.services().stream()
                    .filter(s -> s.active() && s.method() == method && (country == null
                            || s.countries().contains(country)) && s.rateFor(Shipments.DEFAULT_WEIGHT_GRAMS).isPresent())
                    .min(Comparator.comparing((CarrierChoice.Service s) -> CarrierChoice.deliveredBy(there, s.cutoff(),
                            s.transitDays())).thenComparing(CarrierChoice.Service::code));
            if (fastest.isEmpty()) {
                return new Promise(method, false, null, null, decision.locations(), null,
                        "no active carrier service for " + method + (country == null ? "" : " to " + country));
            }
            var s = fastest.get();
            LocalDate date = CarrierChoice.deliveredBy(there, s.cutoff(), s.transitDays());
            latest = latest == null || date.isAfter(latest) ? date : latest;
            services.add(s.code());
            ZonedDateTime until = CarrierChoice.leavesTodayUntil(there, s.cutoff());
            Instant cutoff = until == null ? null : until.toInstant();
            holdsUntil = cutoff == null ? holdsUntil : holdsUntil == null || cutoff.isBefore(holdsUntil) ? cutoff
                    : holdsUntil;
        }
        Long within = holdsUntil == null ? null : Duration.between(now, holdsUntil).toMinutes();
        String reason = within == null ? "leaves on the next working day"
                : String.format(Locale.ROOT, "order within %d h %02d min for delivery on %s", within / 60,
                        within % 60, latest);
        return new Promise(method, true, latest, within, decision.locations(), String.join(", ", services), reason);
    }

    /** Ready in the store from its own shelf; parcels from elsewhere arrive by the fastest domestic service. */
    private Promise pickup(SourcingEngine.Decision decision, String store, Instant now) {
        List<String> elsewhere = decision.locations().stream().filter(l -> !l.equals(store)).toList();
        if (elsewhere.isEmpty()) {
            Instant ready = now.plus(settings.pickupWithin());
            LocalDate day = ready.atZone(zoneOf(store)).toLocalDate();
            return new Promise(DeliveryMethod.CLICK_AND_COLLECT, true, day, null, decision.locations(), null,
                    "in stock at " + store + ": ready within " + settings.pickupWithin().toMinutes() + " min");
        }
        LocalDate latest = null;
        for (String location : elsewhere) {
            LocalDate date = CarrierChoice.transferArrival(carriers.services(), now.atZone(zoneOf(location)));
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }
        return new Promise(DeliveryMethod.CLICK_AND_COLLECT, true, latest, null, decision.locations(), null,
                "sent to " + store + " from " + String.join(", ", elsewhere) + ": ready on " + latest);
    }

    List<RelayPoint> relayPoints(GeoPoint near, double radiusKm) {
        return network.locationsOfType(LocationType.RELAY_POINT).stream()
                .filter(l -> l.position() != null)
                .map(l -> new RelayPoint(l.code(), l.name(), l.position(),
                        Math.round(near.distanceKm(l.position()) * 10) / 10.0))
                .filter(r -> r.distanceKm() <= radiusKm)
                .sorted(Comparator.comparingDouble(RelayPoint::distanceKm).thenComparing(RelayPoint::code)).toList();
    }

    List<CarrierChoice.Service> services() {
        return carriers.services();
    }

    @Transactional
    CarrierChoice.Service putService(CarrierChoice.Service service) {
        if (service.rates().stream().map(CarrierChoice.Rate::maxWeightGrams).distinct().count()
                != service.rates().size()) {
            throw ApiProblem.invalid("rates", "two rates have the same weight");
        }
        Set<String> currencies = new java.util.HashSet<>(service.rates().stream().map(CarrierChoice.Rate::currency)
                .toList());
        if (currencies.size() > 1) {
            throw ApiProblem.invalid("rates", "one currency per service");
        }
        carriers.put(service, clock.instant());
        return carriers.services().stream().filter(s -> s.code().equals(service.code())).findFirst().orElseThrow();
    }

    private ZoneId zoneOf(String location) {
        return sites.zoneOf(location);
    }
}
