package org.comptoir.access.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;

/**
 * A stored API key: never its secret, only what identifies it and what it may do, until when, and
 * which key replaced it when it was rotated.
 */
record ApiKey(UUID id, String name, String prefix, Set<Role> roles, Optional<String> locationCode,
        Instant createdAt, Optional<Instant> revokedAt, Optional<Instant> expiresAt, Optional<UUID> replacedBy) {

    /** Neither revoked nor expired at {@code now}. */
    boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** When a rotation with this overlap ends the key: never later than it would have ended anyway. */
    Instant endOfOverlap(Instant now, java.time.Duration overlap) {
        Instant end = now.plus(overlap);
        return expiresAt.filter(e -> e.isBefore(end)).orElse(end);
    }

    /** The successor's end: as long after its creation as this key's was, when this one had an end. */
    Optional<Instant> successorExpiry(Instant now) {
        return expiresAt.map(end -> now.plus(java.time.Duration.between(createdAt, end)));
    }

    Caller asCaller() {
        return new Caller("key:" + id, name, roles, locationCode, Optional.empty());
    }
}
