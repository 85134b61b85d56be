package org.comptoir.network.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.LocationType;

/** A stock location with its address, position, hours and what it can do. */
record Location(UUID id, String code, String name, LocationType type, Address address, GeoPoint position,
        ZoneId timeZone, OpeningSchedule schedule, Set<Capability> capabilities, Integer dailyCapacity,
        boolean active, int version) {

    record Address(String line1, String line2, String postalCode, String city, String region, String country) {}

    OpeningSchedule.Status statusAt(Instant instant) {
        return schedule.statusAt(instant, timeZone);
    }

    LocationSummary summary() {
        return new LocationSummary(code, name, type, position, timeZone.getId(), capabilities, active);
    }
}
