package org.comptoir.shoppers.internal;

import java.time.Instant;
import java.util.UUID;

/** A shopper's account: the email address they proved, the profile it names, their password if they set one. */
record Account(UUID id, String email, UUID profileId, String passwordHash, int failedAttempts, Instant lockedUntil) {

    boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
