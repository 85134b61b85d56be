package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.Segment.SEGMENT;
import static org.comptoir.customers.internal.db.tables.SegmentMember.SEGMENT_MEMBER;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.customers.internal.db.tables.records.SegmentRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Segments and their members. */
@Repository
class SegmentRepository {

    record Segment(UUID id, String code, String name, String conditionJson, boolean timed, Instant createdAt,
            Instant evaluatedAt) {}

    private final DSLContext db;

    SegmentRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Segment s) {
        db.insertInto(SEGMENT).set(SEGMENT.ID, s.id()).set(SEGMENT.CODE, s.code()).set(SEGMENT.NAME, s.name())
                .set(SEGMENT.CONDITION_JSON, s.conditionJson()).set(SEGMENT.TIMED, s.timed())
                .set(SEGMENT.CREATED_AT, s.createdAt()).execute();
    }

    List<Segment> all() {
        return db.selectFrom(SEGMENT).orderBy(SEGMENT.CODE).fetch(SegmentRepository::segment);
    }

    Optional<Segment> byCode(String code) {
        return db.selectFrom(SEGMENT).where(SEGMENT.CODE.eq(code)).fetchOptional(SegmentRepository::segment);
    }

    Optional<Segment> lockByCode(String code) {
        return db.selectFrom(SEGMENT).where(SEGMENT.CODE.eq(code)).forUpdate().fetchOptional(SegmentRepository::segment);
    }

    void evaluated(UUID id, Instant at) {
        db.update(SEGMENT).set(SEGMENT.EVALUATED_AT, at).where(SEGMENT.ID.eq(id)).execute();
    }

    void delete(UUID id) {
        db.deleteFrom(SEGMENT_MEMBER).where(SEGMENT_MEMBER.SEGMENT_ID.eq(id)).execute();
        db.deleteFrom(SEGMENT).where(SEGMENT.ID.eq(id)).execute();
    }

    /** The segments the customer belongs to. */
    Set<UUID> membershipsOf(UUID customerId) {
        return Set.copyOf(db.select(SEGMENT_MEMBER.SEGMENT_ID).from(SEGMENT_MEMBER)
                .where(SEGMENT_MEMBER.CUSTOMER_ID.eq(customerId)).fetch(SEGMENT_MEMBER.SEGMENT_ID));
    }

    /** True when the row was added (not a member before). */
    boolean join(UUID segmentId, UUID customerId, Instant at) {
        return db.insertInto(SEGMENT_MEMBER).set(SEGMENT_MEMBER.SEGMENT_ID, segmentId)
                .set(SEGMENT_MEMBER.CUSTOMER_ID, customerId).set(SEGMENT_MEMBER.SINCE, at).onConflictDoNothing()
                .execute() == 1;
    }

    boolean leave(UUID segmentId, UUID customerId) {
        return db.deleteFrom(SEGMENT_MEMBER).where(SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId),
                SEGMENT_MEMBER.CUSTOMER_ID.eq(customerId)).execute() == 1;
    }

    void leaveAll(Collection<UUID> customerIds) {
        db.deleteFrom(SEGMENT_MEMBER).where(SEGMENT_MEMBER.CUSTOMER_ID.in(customerIds)).execute();
    }

    /** Members in id order after a cursor. */
    List<UUID> members(UUID segmentId, UUID after, int limit) {
        var where = SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId);
        if (after != null) {
            where = where.and(SEGMENT_MEMBER.CUSTOMER_ID.gt(after));
        }
        return db.select(SEGMENT_MEMBER.CUSTOMER_ID).from(SEGMENT_MEMBER).where(where)
                .orderBy(SEGMENT_MEMBER.CUSTOMER_ID).limit(limit).fetch(SEGMENT_MEMBER.CUSTOMER_ID);
    }

    int count(UUID segmentId) {
        return db.fetchCount(SEGMENT_MEMBER, SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId));
    }

    private static Segment segment(SegmentRecord r) {
        return new Segment(r.getId(), r.getCode(), r.getName(), r.getConditionJson(), r.getTimed(), r.getCreatedAt(),
                r.getEvaluatedAt());
    }
}
