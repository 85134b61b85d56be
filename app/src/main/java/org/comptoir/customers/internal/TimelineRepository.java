package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.Touchpoint.TOUCHPOINT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.customers.internal.db.tables.records.TouchpointRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Touchpoints: inserted in batches, read by profile and time, stitched, pruned by time. */
@Repository
class TimelineRepository implements OwnedRows {

    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};

    /** A touchpoint of the timeline. */
    record Touchpoint(UUID id, UUID customerId, String anonymousId, TouchpointType type, String channel,
            Instant occurredAt, Instant receivedAt, String locationCode, String subject, String category,
            Map<String, Object> properties) {}

    private final DSLContext db;
    private final ObjectMapper json;

    TimelineRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts the touchpoints in one batch; each belongs to its profile from the start (its origin). */
    void insert(List<Touchpoint> touchpoints) {
        if (touchpoints.isEmpty()) {
            return;
        }
        var insert = db.insertInto(TOUCHPOINT, TOUCHPOINT.ID, TOUCHPOINT.CUSTOMER_ID, TOUCHPOINT.ORIGIN_CUSTOMER_ID,
                TOUCHPOINT.ANONYMOUS_ID, TOUCHPOINT.TYPE, TOUCHPOINT.CHANNEL, TOUCHPOINT.OCCURRED_AT,
                TOUCHPOINT.RECEIVED_AT, TOUCHPOINT.LOCATION_CODE, TOUCHPOINT.SUBJECT, TOUCHPOINT.CATEGORY,
                TOUCHPOINT.PROPERTIES_JSON);
        for (Touchpoint t : touchpoints) {
            insert = insert.values(t.id(), t.customerId(), t.customerId(), t.anonymousId(), t.type().name(),
                    t.channel(), t.occurredAt(), t.receivedAt(), t.locationCode(), t.subject(), t.category(),
                    json.writeValueAsString(t.properties()));
        }
        insert.execute();
    }

    /** Inserts the touchpoint unless one has its id; true when inserted. */
    boolean insertIfAbsent(Touchpoint t) {
        return db.insertInto(TOUCHPOINT, TOUCHPOINT.ID, TOUCHPOINT.CUSTOMER_ID, TOUCHPOINT.ORIGIN_CUSTOMER_ID,
                TOUCHPOINT.ANONYMOUS_ID, TOUCHPOINT.TYPE, TOUCHPOINT.CHANNEL, TOUCHPOINT.OCCURRED_AT,
                TOUCHPOINT.RECEIVED_AT, TOUCHPOINT.LOCATION_CODE, TOUCHPOINT.SUBJECT, TOUCHPOINT.CATEGORY,
                TOUCHPOINT.PROPERTIES_JSON)
                .values(t.id(), t.customerId(), t.customerId(), t.anonymousId(), t.type().name(), t.channel(),
                        t.occurredAt(), t.receivedAt(), t.locationCode(), t.subject(), t.category(),
                        json.writeValueAsString(t.properties()))
                .onConflictDoNothing().execute() == 1;
    }

    /** A page of a timeline, newest first, optionally of some types and before a touchpoint. */
    List<Touchpoint> page(Collection<UUID> customerIds, Collection<TouchpointType> types, Instant beforeAt,
            UUID beforeId, int limit) {
        Condition where = TOUCHPOINT.CUSTOMER_ID.in(customerIds);
        if (!types.isEmpty()) {
            where = where.and(TOUCHPOINT.TYPE.in(types.stream().map(Enum::name).toList()));
        }
        if (beforeAt != null) {
            where = where.and(DSL.row(TOUCHPOINT.OCCURRED_AT, TOUCHPOINT.ID).lt(beforeAt, beforeId));
        }
        return db.selectFrom(TOUCHPOINT).where(where).orderBy(TOUCHPOINT.OCCURRED_AT.desc(), TOUCHPOINT.ID.desc())
                .limit(limit).fetch(this::touchpoint);
    }

    /** How many touchpoints of a profile match (a segment's event condition). */
    int count(UUID customerId, TouchpointType type, String channel, String subject, String category,
            String locationCode, Instant since) {
        Condition where = TOUCHPOINT.CUSTOMER_ID.eq(customerId);
        if (type != null) {
            where = where.and(TOUCHPOINT.TYPE.eq(type.name()));
        }
        if (channel != null) {
            where = where.and(TOUCHPOINT.CHANNEL.eq(channel));
        }
        if (subject != null) {
            where = where.and(TOUCHPOINT.SUBJECT.eq(subject));
        }
        if (category != null) {
            where = where.and(TOUCHPOINT.CATEGORY.eq(category));
        }
        if (locationCode != null) {
            where = where.and(TOUCHPOINT.LOCATION_CODE.eq(locationCode));
        }
        if (since != null) {
            where = where.and(TOUCHPOINT.OCCURRED_AT.ge(since));
        }
        return db.fetchCount(TOUCHPOINT, where);
    }

    /** The channels a profile was seen on. */
    List<String> channels(Collection<UUID> customerIds) {
        return db.selectDistinct(TOUCHPOINT.CHANNEL).from(TOUCHPOINT).where(TOUCHPOINT.CUSTOMER_ID.in(customerIds))
                .orderBy(TOUCHPOINT.CHANNEL).fetch(TOUCHPOINT.CHANNEL);
    }

    /** Anonymous touchpoints of a device become the profile's once the person is identified. */
    int stitch(String anonymousId, UUID customerId) {
        return db.update(TOUCHPOINT).set(TOUCHPOINT.CUSTOMER_ID, customerId)
                .set(TOUCHPOINT.ORIGIN_CUSTOMER_ID, customerId)
                .where(TOUCHPOINT.ANONYMOUS_ID.eq(anonymousId), TOUCHPOINT.CUSTOMER_ID.isNull()).execute();
    }

    /** The profiles' touchpoints, and those their devices left before anyone knew whose they were. */
    int deleteOf(Collection<UUID> customerIds, Collection<String> anonymousIds) {
        return db.deleteFrom(TOUCHPOINT).where(TOUCHPOINT.CUSTOMER_ID.in(customerIds)
                .or(anonymousIds.isEmpty() ? org.jooq.impl.DSL.noCondition().not()
                        : TOUCHPOINT.ANONYMOUS_ID.in(anonymousIds))).execute();
    }

    /** Retention: the oldest touchpoints go, a bounded batch at a time, through the time index. */
    int deleteBefore(Instant before, int limit) {
        List<UUID> ids = db.select(TOUCHPOINT.ID).from(TOUCHPOINT).where(TOUCHPOINT.OCCURRED_AT.lt(before))
                .orderBy(TOUCHPOINT.OCCURRED_AT).limit(limit).fetch(TOUCHPOINT.ID);
        return ids.isEmpty() ? 0 : db.deleteFrom(TOUCHPOINT).where(TOUCHPOINT.ID.in(ids)).execute();
    }

    @Override
    public void move(UUID from, UUID to) {
        db.update(TOUCHPOINT).set(TOUCHPOINT.CUSTOMER_ID, to).where(TOUCHPOINT.CUSTOMER_ID.eq(from)).execute();
    }

    @Override
    public void giveBack(Collection<UUID> origins, UUID to) {
        db.update(TOUCHPOINT).set(TOUCHPOINT.CUSTOMER_ID, to).where(TOUCHPOINT.ORIGIN_CUSTOMER_ID.in(origins))
                .execute();
    }

    private Touchpoint touchpoint(TouchpointRecord r) {
        return new Touchpoint(r.getId(), r.getCustomerId(), r.getAnonymousId(), TouchpointType.valueOf(r.getType()),
                r.getChannel(), r.getOccurredAt(), r.getReceivedAt(), r.getLocationCode(), r.getSubject(),
                r.getCategory(), json.readValue(r.getPropertiesJson(), PROPERTIES));
    }
}
