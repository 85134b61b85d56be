package org.comptoir.customers;

import java.util.UUID;

/**
 * Something another module knows about a customer that belongs in their 360 view (the service desk's
 * open conversations): the module implements it, the view shows it under {@link #name()}.
 */
public interface CustomerFacet {

    String name();

    /** What to show for the profile and the profiles merged into it. */
    Object of(java.util.Set<UUID> customerIds);
}
