package org.comptoir.customers;

import java.util.Optional;
import java.util.UUID;

/** Customers as other modules (service desk, engagement) see them. */
public interface Customers {

    /**
     * The profile a customer reference names: a profile id (an absorbed profile resolves to the one
     * that absorbed it) or an identity written {@code kind:value} ({@code email:…}, {@code phone:…},
     * {@code card:…}); any other reference is the retailer's own account number.
     */
    Optional<UUID> resolve(String customerRef);

    /** The answer to "may we contact this person on this channel for this purpose, now?". */
    record Contactability(boolean allowed, String reason, String address) {}

    Contactability mayContact(String customerRef, ContactChannel channel, Purpose purpose);
}
