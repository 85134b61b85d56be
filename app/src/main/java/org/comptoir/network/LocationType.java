package org.comptoir.network;

/** What a location is; stock may live in any of them. */
public enum LocationType {
    WAREHOUSE,
    DISTRIBUTION_CENTRE,
    STORE,
    RELAY_POINT
}
