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

    /**
     * The profile behind an identity a message came from ({@code EMAIL}, {@code PHONE}, {@code SOCIAL}
     * as {@code network:handle}, {@code DEVICE}), made when nobody has it yet (an anonymous profile).
     *
     * @throws org.comptoir.platform.web.ApiProblem 400 for a value that is not one of its kind
     */
    UUID recognise(String kind, String value, String source);

    /**
     * A touchpoint on the customer's timeline ({@code CHAT}, {@code CALL}, {@code STORE_VISIT}…), in the
     * caller's transaction.
     */
    void touch(UUID customerId, String type, String channel, java.time.Instant at, String subject,
            java.util.Map<String, Object> properties);

    /** The profile an id resolves to and every profile merged into it (empty for an unknown id). */
    java.util.Set<UUID> profiles(UUID customerId);

    /** Every reference the profile's orders, carts and holds may name it by (ids, identities). */
    java.util.Set<String> references(UUID customerId);

    /**
     * A shopper signing in with an email address they proved to own (a code sent to it): the profile
     * holding it as a verified identity, made when nobody has it yet.
     *
     * @throws org.comptoir.platform.web.ApiProblem 400 for an address that is not one, or a blocked one
     */
    UUID signIn(String email, String source);

    /** The shopper a profile id names (an absorbed profile resolves to the one that absorbed it). */
    java.util.Optional<Shopper> shopper(UUID customerId);

    /** The customer's 360 view, as answered by {@code GET /api/v1/customers/{id}/view}. */
    Object view(UUID customerId);
}
