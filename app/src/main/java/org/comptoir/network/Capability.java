package org.comptoir.network;

/** What a location can do for an order. */
public enum Capability {
    SHIPS_PARCELS,
    CLICK_AND_COLLECT,
    SHIP_FROM_STORE,
    ACCEPTS_RETURNS,
    RESERVE_AND_COLLECT
}
