package org.comptoir.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param id stable identifier of the credential (used to scope idempotency keys)
 * @param name human readable label
 * @param roles what the caller may do
 * @param locationCode when present, the one location whose data the caller may see and change
 * @param channelCode when present (storefront keys), the one sales channel the caller acts for
 */
public record Caller(String id, String name, Set<Role> roles, Optional<String> locationCode,
        Optional<String> channelCode) {

    /** The platform itself, for work no person asked for (expiries, sweeps). */
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(Role.ADMIN), Optional.empty(),
            Optional.empty());

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the caller may act on the given location: unscoped callers may act on any. */
    public boolean mayAccessLocation(String code) {
        return locationCode.map(scope -> scope.equals(code)).orElse(true);
    }
}
