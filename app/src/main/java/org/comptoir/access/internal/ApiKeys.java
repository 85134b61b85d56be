package org.comptoir.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.network.Network;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.CallerCache;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.security.CredentialResolver;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, resolves, rotates and revokes API keys ({@code ck_…}). */
@Service
class ApiKeys implements CredentialResolver {

    static final String PREFIX = "ck_";
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    /** A key just created: the only moment its secret exists outside the caller's hands. */
    record IssuedKey(ApiKey key, String secret) {}

    private final ApiKeyRepository keys;
    private final Network network;
    private final Clock clock;
    private final CallerCache cache;

    ApiKeys(ApiKeyRepository keys, Network network, Clock clock, CacheTopics topics) {
        this.keys = keys;
        this.network = network;
        this.clock = clock;
        this.cache = new CallerCache(topics, "access.api-keys", Duration.ofSeconds(5), clock);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /**
     * Remembered for a few seconds, never past the key's end; no transaction around the lookup (a
     * read-only one costs round trips).
     */
    @Override
    public Optional<Caller> resolve(String token) {
        return cache.getExpiring(SecretTokens.hash(token), hash -> keys.findUsableByHash(hash, clock.instant())
                .map(key -> new CallerCache.Expiring(key.asCaller(), key.expiresAt())));
    }

    @Transactional
    IssuedKey issue(String name, Set<Role> roles, Optional<String> locationCode, Optional<Instant> expiresAt) {
        expiresAt.ifPresent(end -> {
            if (!end.isAfter(clock.instant())) {
                throw ApiProblem.invalid("expiresAt", "must be in the future");
            }
        });
        if (roles.contains(Role.STOREFRONT)) {
            throw ApiProblem.invalid("roles", "STOREFRONT belongs to publishable channel keys");
        }
        locationCode.ifPresent(code -> {
            if (!network.locationExists(code)) {
                throw ApiProblem.invalid("locationCode", "no location has the code " + code);
            }
        });
        return store(name, roles, locationCode, SecretTokens.generate(PREFIX), expiresAt);
    }

    /** Stores a key whose secret was chosen elsewhere (the bootstrap admin key). */
    @Transactional
    IssuedKey store(String name, Set<Role> roles, Optional<String> locationCode, String secret,
            Optional<Instant> expiresAt) {
        ApiKey key = new ApiKey(Ids.newId(), name, SecretTokens.visiblePart(secret), roles, locationCode,
                clock.instant(), Optional.empty(), expiresAt, Optional.empty());
        keys.insert(key, SecretTokens.hash(secret));
        return new IssuedKey(key, secret);
    }

    /**
     * Issues a successor with the same name, roles and scope, and ends this key after the overlap, so
     * that the integration can switch to the new secret without a moment without access.
     */
    @Transactional
    IssuedKey rotate(UUID id, Duration overlap) {
        if (!Callers.current().has(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only admins rotate API keys");
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw ApiProblem.invalid("overlap", "must be between PT0S and " + MAX_OVERLAP);
        }
        ApiKey key = find(id);
        Instant now = clock.instant();
        if (!key.usableAt(now) || key.replacedBy().isPresent()) {
            throw ApiProblem.conflict("key-not-rotatable", "Only a usable key that was not rotated yet can be rotated");
        }
        IssuedKey successor = store(key.name(), key.roles(), key.locationCode(), SecretTokens.generate(PREFIX),
                key.successorExpiry(now));
        keys.replace(id, successor.key().id(), key.endOfOverlap(now, overlap));
        cache.clear();
        return successor;
    }

    /** Revokes a key; the last active admin key cannot be revoked, or nobody could manage keys. */
    @Transactional
    void revoke(UUID id) {
        ApiKey key = find(id);
        if (key.revokedAt().isPresent()) {
            return;
        }
        if (key.roles().contains(Role.ADMIN) && key.usableAt(clock.instant())
                && keys.countUsableWithRole(Role.ADMIN, clock.instant(), true) <= 1) {
            throw ApiProblem.conflict("last-admin-key", "This is the last active admin key; create another first");
        }
        keys.revoke(id, clock.instant());
        cache.clear();
    }

    @Transactional(readOnly = true)
    CursorPage<ApiKey> list(PageRequest page) {
        return CursorPage.of(keys.list(page), page, key -> key.id().toString());
    }

    @Transactional(readOnly = true)
    ApiKey find(UUID id) {
        return keys.find(id).orElseThrow(() -> ApiProblem.notFound("API key", id));
    }

    @Transactional(readOnly = true)
    boolean hasActiveAdmin() {
        return keys.countUsableWithRole(Role.ADMIN, clock.instant(), false) > 0;
    }

    @Transactional(readOnly = true)
    boolean exists(String secret) {
        return keys.existsByHash(SecretTokens.hash(secret));
    }
}
