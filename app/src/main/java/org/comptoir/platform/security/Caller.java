package org.comptoir.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of a request.
 *
 * @param id stable identifier of the credential (used to scope idempotency keys)
 * @param name human readable label
 * @param roles what the caller may do
 * @param locationCode when present, the one location whose data the caller may see and change
 * @param channelCode when present (storefront keys), the one sales channel the caller acts for
 * @param customerId when present (a signed-in shopper's token), the customer the caller is; a
 *     storefront without it is anonymous, whatever its requests claim
 * @param customerRefs every reference that customer's orders, carts and holds may name them by (their
 *     profile ids, verified identities): what a shopper owns
 * @param customerGroup the price group of that customer, when they have one
 * @param secrets the SHA-256 of the resource secrets the request presented ({@code Cart-Secret},
 *     {@code Order-Secret}): what a shopper proves to own without an account
 */
public record Caller(String id, String name, Set<Role> roles, Optional<String> locationCode,
        Optional<String> channelCode, Optional<UUID> customerId, Set<String> customerRefs,
        Optional<String> customerGroup, Set<String> secrets) {

    /** The platform itself, for work no person asked for (expiries, sweeps). */
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(Role.ADMIN), Optional.empty(),
            Optional.empty());

    public Caller {
        roles = Set.copyOf(roles);
        customerRefs = Set.copyOf(customerRefs);
        secrets = Set.copyOf(secrets);
    }

    public Caller(String id, String name, Set<Role> roles, Optional<String> locationCode,
            Optional<String> channelCode) {
        this(id, name, roles, locationCode, channelCode, Optional.empty(), Set.of(), Optional.empty(), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A storefront: a publishable key or a signed-in shopper, public by nature. */
    public boolean storefront() {
        return roles.contains(Role.STOREFRONT);
    }

    /** True when the caller may act on the given location: unscoped callers may act on any. */
    public boolean mayAccessLocation(String code) {
        return locationCode.map(scope -> scope.equals(code)).orElse(true);
    }

    /** True when the request presented the secret whose SHA-256 this is. */
    public boolean holdsSecret(String secretHash) {
        return secretHash != null && secrets.contains(secretHash);
    }

    /** The reference a signed-in shopper's carts and orders name them by (their profile id). */
    public Optional<String> customerRef() {
        return customerId.map(UUID::toString);
    }

    /** True when the caller is the signed-in customer this reference names. */
    public boolean ownsCustomerRef(String customerRef) {
        return customerRef != null && customerId.isPresent() && customerRefs.contains(customerRef);
    }

    /** The same caller with the secrets a request presented. */
    public Caller presenting(Set<String> secretHashes) {
        return secretHashes.isEmpty() ? this
                : new Caller(id, name, roles, locationCode, channelCode, customerId, customerRefs, customerGroup,
                        secretHashes);
    }
}
