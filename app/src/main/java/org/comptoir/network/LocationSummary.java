package org.comptoir.network;

import java.util.Set;

/** What other modules need to know of a location. */
public record LocationSummary(String code, String name, LocationType type, GeoPoint position, String timeZone,
        Set<Capability> capabilities, boolean active) {}
