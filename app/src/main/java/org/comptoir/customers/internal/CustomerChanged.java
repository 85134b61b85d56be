package org.comptoir.customers.internal;

import java.util.Set;
import java.util.UUID;

/**
 * Inside the module, in the transaction of the change: something about a profile changed, so its
 * segment memberships are brought up to date. {@code touchpoints} names the types of touchpoints that
 * arrived (only segments about them are looked at); empty means anything may have changed.
 */
record CustomerChanged(UUID customerId, Set<TouchpointType> touchpoints) {

    static CustomerChanged anything(UUID customerId) {
        return new CustomerChanged(customerId, Set.of());
    }
}
