package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.ErasureRecord.ERASURE_RECORD;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The record that a person's data was erased, kept without anything personal. */
@Repository
class ErasureRepository {

    record Erasure(UUID id, UUID customerId, String requestedBy, String reason, String summaryJson, Instant erasedAt) {}

    private final DSLContext db;

    ErasureRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Erasure e) {
        db.insertInto(ERASURE_RECORD).set(ERASURE_RECORD.ID, e.id()).set(ERASURE_RECORD.CUSTOMER_ID, e.customerId())
                .set(ERASURE_RECORD.REQUESTED_BY, e.requestedBy()).set(ERASURE_RECORD.REASON, e.reason())
                .set(ERASURE_RECORD.SUMMARY_JSON, e.summaryJson()).set(ERASURE_RECORD.ERASED_AT, e.erasedAt())
                .execute();
    }

    List<Erasure> of(UUID customerId) {
        return db.selectFrom(ERASURE_RECORD).where(ERASURE_RECORD.CUSTOMER_ID.eq(customerId))
                .orderBy(ERASURE_RECORD.ERASED_AT).fetch(r -> new Erasure(r.getId(), r.getCustomerId(),
                        r.getRequestedBy(), r.getReason(), r.getSummaryJson(), r.getErasedAt()));
    }
}
