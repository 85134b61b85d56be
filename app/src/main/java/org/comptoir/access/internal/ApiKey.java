package org.comptoir.access.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;

/** A stored API key: never its secret, only what identifies it and what it may do. */
record ApiKey(UUID id, String name, String prefix, Set<Role> roles, Optional<String> locationCode,
        Instant createdAt, Optional<Instant> revokedAt) {

    boolean active() {
        return revokedAt.isEmpty();
    }

    Caller asCaller() {
        return new Caller("key:" + id, name, roles, locationCode, Optional.empty());
    }
}
