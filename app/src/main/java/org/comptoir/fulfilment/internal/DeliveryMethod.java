package org.comptoir.fulfilment.internal;

/** How the lines reach the customer, as far as sourcing is concerned. */
enum DeliveryMethod {
    HOME_DELIVERY,
    HOME_EXPRESS,
    RELAY_POINT,
    CLICK_AND_COLLECT,
    RESERVE_AND_COLLECT;

    /** Collected at a chosen store: that store first, then transfers to it. */
    boolean pickup() {
        return this == CLICK_AND_COLLECT || this == RESERVE_AND_COLLECT;
    }
}
