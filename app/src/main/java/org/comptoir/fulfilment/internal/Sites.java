package org.comptoir.fulfilment.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.springframework.stereotype.Component;

/**
 * Locations as routing, shipping and promises read them on every order: from the network's
 * in-memory snapshot, never one query per look-up.
 */
@Component
class Sites {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    private final Network network;
    private final Clock clock;

    Sites(Network network, Clock clock) {
        this.network = network;
        this.clock = clock;
    }

    Optional<LocationSummary> of(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(network.locations(List.of(code), clock.instant()).get(code))
                        .map(LocationStatus::location);
    }

    /** The location's time zone (cut-offs are local), Paris when it is unknown. */
    ZoneId zoneOf(String code) {
        return of(code).map(LocationSummary::timeZone).map(ZoneId::of).orElse(DEFAULT_ZONE);
    }

    /** "Name (CODE)", for labels. */
    String describe(String code) {
        return of(code).map(l -> l.name() + " (" + l.code() + ")").orElse(code);
    }
}
