package org.comptoir.platform.internal;

import static org.comptoir.platform.internal.db.tables.IdempotencyRecord.IDEMPOTENCY_RECORD;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Remembered answers to POSTs sent with an Idempotency-Key, per caller. */
@Repository
class IdempotencyRepository {

    /** A claim of a key whose request is still running (see {@link #claim}). */
    static final int IN_FLIGHT = 0;

    /**
     * What is needed to answer a replay exactly like the first time. {@code bodyDropped}: the body was
     * too large to keep.
     */
    record StoredResponse(String requestHash, int status, String contentType, String location, String etag,
            String body, boolean bodyDropped) {

        boolean inFlight() {
            return status == IN_FLIGHT;
        }
    }

    private final DSLContext db;

    IdempotencyRepository(DSLContext db) {
        this.db = db;
    }

    Optional<StoredResponse> find(String principal, String key, Instant now) {
        return db.select(IDEMPOTENCY_RECORD.REQUEST_HASH, IDEMPOTENCY_RECORD.STATUS, IDEMPOTENCY_RECORD.CONTENT_TYPE,
                        IDEMPOTENCY_RECORD.LOCATION, IDEMPOTENCY_RECORD.ETAG, IDEMPOTENCY_RECORD.BODY,
                        IDEMPOTENCY_RECORD.BODY_DROPPED)
                .from(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.PRINCIPAL.eq(principal), IDEMPOTENCY_RECORD.IDEM_KEY.eq(key),
                        IDEMPOTENCY_RECORD.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new StoredResponse(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    void insert(String principal, String key, String method, String path, StoredResponse response, Instant now,
            Instant expiresAt) {
        // An expired record of the same key may still be there: the key starts a new life.
        db.deleteFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.PRINCIPAL.eq(principal), IDEMPOTENCY_RECORD.IDEM_KEY.eq(key),
                        IDEMPOTENCY_RECORD.EXPIRES_AT.le(now))
                .execute();
        db.insertInto(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.PRINCIPAL, principal)
                .set(IDEMPOTENCY_RECORD.IDEM_KEY, key)
                .set(IDEMPOTENCY_RECORD.METHOD, method)
                .set(IDEMPOTENCY_RECORD.PATH, path)
                .set(IDEMPOTENCY_RECORD.REQUEST_HASH, response.requestHash())
                .set(IDEMPOTENCY_RECORD.STATUS, response.status())
                .set(IDEMPOTENCY_RECORD.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENCY_RECORD.LOCATION, response.location())
                .set(IDEMPOTENCY_RECORD.ETAG, response.etag())
                .set(IDEMPOTENCY_RECORD.BODY, response.body())
                .set(IDEMPOTENCY_RECORD.BODY_DROPPED, response.bodyDropped())
                .set(IDEMPOTENCY_RECORD.CREATED_AT, now)
                .set(IDEMPOTENCY_RECORD.EXPIRES_AT, expiresAt)
                .execute();
    }

    /**
     * Claims the key for a request about to run outside one transaction: a record in flight, which a
     * concurrent request with the key finds (and is told to retry), until {@link #complete} answers it.
     * Fails with a duplicate key when the key is taken.
     */
    void claim(String principal, String key, String method, String path, String requestHash, Instant now,
            Instant expiresAt) {
        insert(principal, key, method, path, new StoredResponse(requestHash, IN_FLIGHT, null, null, null, null, false),
                now, expiresAt);
    }

    void complete(String principal, String key, StoredResponse response) {
        db.update(IDEMPOTENCY_RECORD)
                .set(IDEMPOTENCY_RECORD.STATUS, response.status())
                .set(IDEMPOTENCY_RECORD.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENCY_RECORD.LOCATION, response.location())
                .set(IDEMPOTENCY_RECORD.ETAG, response.etag())
                .set(IDEMPOTENCY_RECORD.BODY, response.body())
                .set(IDEMPOTENCY_RECORD.BODY_DROPPED, response.bodyDropped())
                .where(IDEMPOTENCY_RECORD.PRINCIPAL.eq(principal), IDEMPOTENCY_RECORD.IDEM_KEY.eq(key))
                .execute();
    }

    /** Gives a claimed key up (its request failed unexpectedly): a retry may run it again. */
    void release(String principal, String key) {
        db.deleteFrom(IDEMPOTENCY_RECORD)
                .where(IDEMPOTENCY_RECORD.PRINCIPAL.eq(principal), IDEMPOTENCY_RECORD.IDEM_KEY.eq(key),
                        IDEMPOTENCY_RECORD.STATUS.eq(IN_FLIGHT))
                .execute();
    }

    int deleteExpired(Instant now) {
        return db.deleteFrom(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.EXPIRES_AT.le(now)).execute();
    }
}
