package org.comptoir.network.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.comptoir.network.Capability;
import org.comptoir.network.LocationType;

/** The JSON shape of a location as read, with its opening status at the time of the request. */
record LocationView(String code, String name, LocationType type, LocationPayload.AddressPayload address,
        LocationPayload.Coordinates coordinates, String timeZone, List<LocationPayload.HoursPayload> openingHours,
        List<ExceptionView> openingExceptions, Set<Capability> capabilities, Integer dailyCapacity,
        boolean active, OpeningStatus openingStatus, int version) {

    record ExceptionView(LocalDate date, String label, List<LocationPayload.RangePayload> hours) {}

    /** Open now, until when, and the next opening, in the location's own time zone. */
    record OpeningStatus(boolean openNow, OffsetDateTime closesAt, OffsetDateTime nextOpeningAt) {}

    static LocationView of(Location l, Instant now) {
        List<LocationPayload.HoursPayload> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (TimeRange range : l.schedule().weekly().getOrDefault(day, List.of())) {
                hours.add(new LocationPayload.HoursPayload(day, range.opens(), range.closes()));
            }
        }
        List<ExceptionView> exceptions = l.schedule().exceptions().entrySet().stream()
                .map(e -> new ExceptionView(e.getKey(), e.getValue().label(), e.getValue().hours().stream()
                        .map(r -> new LocationPayload.RangePayload(r.opens(), r.closes())).toList()))
                .toList();
        var status = l.statusAt(now);
        var a = l.address();
        return new LocationView(l.code(), l.name(), l.type(),
                new LocationPayload.AddressPayload(a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
                        a.country()),
                new LocationPayload.Coordinates(l.position().latitude(), l.position().longitude()),
                l.timeZone().getId(), hours, exceptions, l.capabilities(), l.dailyCapacity(), l.active(),
                new OpeningStatus(status.openNow(), status.closesAt().map(z -> z.toOffsetDateTime()).orElse(null),
                        status.nextOpening().map(z -> z.toOffsetDateTime()).orElse(null)),
                l.version());
    }

}
