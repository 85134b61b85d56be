package org.comptoir.network.internal;

import java.time.Clock;
import java.util.Optional;
import org.comptoir.network.Capability;
import org.comptoir.network.LocationChanged;
import org.comptoir.network.LocationType;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes locations, within the caller's location scope. */
@Service
class Locations {

    private final LocationRepository locations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Locations(LocationRepository locations, ApplicationEventPublisher events, Clock clock) {
        this.locations = locations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Location create(LocationPayload payload) {
        if (payload.code() == null) {
            throw ApiProblem.invalid("code", "is required");
        }
        if (locations.exists(payload.code())) {
            throw ApiProblem.conflict("location-code-taken", "A location already has the code " + payload.code())
                    .with("code", payload.code());
        }
        Location location = payload.toLocation(Ids.newId(), payload.code(), 1);
        locations.insert(location, clock.instant());
        events.publishEvent(new LocationChanged(Ids.newId(), clock.instant(), location.code(), true,
                location.active()));
        return location;
    }

    /**
     * Replaces a location made from version {@code expectedVersion}. A scoped key may change its own
     * location only, and cannot move it to another type (a store associate edits hours, not the network).
     */
    @Transactional
    Location replace(Caller caller, String code, LocationPayload payload, int expectedVersion) {
        Location current = visible(caller, code);
        if (payload.code() != null && !payload.code().equals(code)) {
            throw ApiProblem.invalid("code", "cannot be changed; it is the location's identity");
        }
        if (!caller.has(Role.ADMIN) && payload.type() != current.type()) {
            throw ApiProblem.forbidden("Only an admin can change the type of a location");
        }
        if (expectedVersion != Versions.ANY && expectedVersion != current.version()) {
            throw Versions.stale(current.version());
        }
        Location next = payload.toLocation(current.id(), code, current.version() + 1);
        if (!locations.update(next, current.version(), clock.instant())) {
            throw Versions.stale(null);
        }
        events.publishEvent(new LocationChanged(Ids.newId(), clock.instant(), code, false, next.active()));
        return next;
    }

    /** Locations matching the filter, only the caller's own when its key is scoped to one. */
    @Transactional(readOnly = true)
    CursorPage<Location> list(Caller caller, Optional<LocationType> type, Optional<Capability> capability,
            Optional<Boolean> active, PageRequest page) {
        var filter = new LocationRepository.Filter(type, capability, active, caller.locationCode());
        return CursorPage.of(locations.list(filter, page), page, Location::code);
    }

    /** A location the caller may see: out of scope looks the same as absent (no probing of codes). */
    @Transactional(readOnly = true)
    Location visible(Caller caller, String code) {
        Optional<Location> location = caller.mayAccessLocation(code) ? locations.find(code) : Optional.empty();
        return location.orElseThrow(() -> ApiProblem.notFound("location", code));
    }
}
