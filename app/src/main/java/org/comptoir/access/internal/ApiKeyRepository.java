package org.comptoir.access.internal;

import static org.comptoir.access.internal.db.tables.ApiKey.API_KEY;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.access.internal.db.tables.records.ApiKeyRecord;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private final DSLContext db;

    ApiKeyRepository(DSLContext db) {
        this.db = db;
    }

    void insert(ApiKey key, String secretHash) {
        db.insertInto(API_KEY)
                .set(API_KEY.ID, key.id())
                .set(API_KEY.NAME, key.name())
                .set(API_KEY.PREFIX, key.prefix())
                .set(API_KEY.SECRET_HASH, secretHash)
                .set(API_KEY.ROLES, key.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .set(API_KEY.LOCATION_CODE, key.locationCode().orElse(null))
                .set(API_KEY.CREATED_AT, key.createdAt())
                .set(API_KEY.EXPIRES_AT, key.expiresAt().orElse(null))
                .execute();
    }

    Optional<ApiKey> findUsableByHash(String secretHash, Instant now) {
        return db.selectFrom(API_KEY)
                .where(API_KEY.SECRET_HASH.eq(secretHash), usable(now))
                .fetchOptional(ApiKeyRepository::toKey);
    }

    private static Condition usable(Instant now) {
        return API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.isNull().or(API_KEY.EXPIRES_AT.gt(now)));
    }

    boolean existsByHash(String secretHash) {
        return db.fetchExists(API_KEY, API_KEY.SECRET_HASH.eq(secretHash));
    }

    Optional<ApiKey> find(UUID id) {
        return db.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional(ApiKeyRepository::toKey);
    }

    List<ApiKey> list(PageRequest page) {
        return db.selectFrom(API_KEY)
                .where(page.afterId().map(API_KEY.ID::gt).orElse(DSL.noCondition()))
                .orderBy(API_KEY.ID)
                .limit(page.limit() + 1)
                .fetch(ApiKeyRepository::toKey);
    }

    /** Usable keys holding a role; locked ones make two concurrent revocations see each other. */
    int countUsableWithRole(Role role, Instant now, boolean lock) {
        var query = db.select(API_KEY.ID).from(API_KEY)
                .where(usable(now), API_KEY.ROLES.contains(role.name()));
        return (lock ? query.forUpdate().fetch() : query.fetch()).size();
    }

    boolean revoke(UUID id, Instant at) {
        return db.update(API_KEY).set(API_KEY.REVOKED_AT, at)
                .where(API_KEY.ID.eq(id), API_KEY.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Ends a rotated key at {@code at} and names its successor. */
    void replace(UUID id, UUID successor, Instant at) {
        db.update(API_KEY).set(API_KEY.EXPIRES_AT, at).set(API_KEY.REPLACED_BY, successor)
                .where(API_KEY.ID.eq(id)).execute();
    }

    private static ApiKey toKey(ApiKeyRecord r) {
        var roles = Arrays.stream(r.getRoles().split(",")).map(Role::valueOf).collect(Collectors.toSet());
        return new ApiKey(r.getId(), r.getName(), r.getPrefix(), roles, Optional.ofNullable(r.getLocationCode()),
                r.getCreatedAt(), Optional.ofNullable(r.getRevokedAt()), Optional.ofNullable(r.getExpiresAt()),
                Optional.ofNullable(r.getReplacedBy()));
    }
}
