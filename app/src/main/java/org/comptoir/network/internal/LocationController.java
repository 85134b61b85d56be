package org.comptoir.network.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.comptoir.network.Capability;
import org.comptoir.network.LocationType;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Locations", description = "Warehouses, distribution centres, stores and relay points")
@RestController
@RequestMapping("/api/v1/locations")
class LocationController {

    private final Locations locations;
    private final Clock clock;

    LocationController(Locations locations, Clock clock) {
        this.locations = locations;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<LocationView> create(@Valid @RequestBody LocationPayload payload) {
        Location location = locations.create(payload);
        return ResponseEntity.created(URI.create("/api/v1/locations/" + location.code()))
                .eTag(Versions.etag(location.version()))
                .body(LocationView.of(location, clock.instant()));
    }

    @GetMapping
    CursorPage<LocationView> list(@RequestParam(required = false) LocationType type,
            @RequestParam(required = false) Capability capability, @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        var now = clock.instant();
        return locations.list(Callers.current(), Optional.ofNullable(type), Optional.ofNullable(capability),
                Optional.ofNullable(active), PageRequest.of(limit, cursor)).map(location -> LocationView.of(location, now));
    }

    @GetMapping("/{code}")
    ResponseEntity<LocationView> get(@PathVariable String code) {
        Location location = locations.visible(Callers.current(), code);
        return ResponseEntity.ok().eTag(Versions.etag(location.version()))
                .body(LocationView.of(location, clock.instant()));
    }

    @PutMapping("/{code}")
    ResponseEntity<LocationView> replace(@PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LocationPayload payload) {
        int expected = Versions.fromIfMatch(ifMatch);
        Location location = locations.replace(Callers.current(), code, payload, expected);
        return ResponseEntity.ok().eTag(Versions.etag(location.version()))
                .body(LocationView.of(location, clock.instant()));
    }
}
