package org.comptoir.fulfilment.internal;

import static org.comptoir.fulfilment.internal.db.tables.FulfilmentHistory.FULFILMENT_HISTORY;
import static org.comptoir.fulfilment.internal.db.tables.FulfilmentLine.FULFILMENT_LINE;
import static org.comptoir.fulfilment.internal.db.tables.FulfilmentOrder.FULFILMENT_ORDER;
import static org.comptoir.fulfilment.internal.db.tables.Refusal.REFUSAL;
import static org.comptoir.fulfilment.internal.db.tables.RoutedOrder.ROUTED_ORDER;
import static org.comptoir.fulfilment.internal.db.tables.SourcingDecision.SOURCING_DECISION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.fulfilment.internal.db.tables.records.FulfilmentOrderRecord;
import org.comptoir.fulfilment.internal.db.tables.records.RoutedOrderRecord;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Fulfilment orders with their lines and history, routed orders, decisions and refusals. */
@Repository
class FulfilmentRepository {

    /** What fulfilment keeps of an order: its hold, whether it is paid for and whether it is routed. */
    record Routed(UUID orderId, String number, String channelCode, UUID holdId, boolean released, boolean routed,
            int attempts, Instant nextAttemptAt, Instant flaggedAt, String groupsJson, String linesJson,
            Instant createdAt) {}

    record Decision(UUID id, UUID orderId, String trigger, boolean routed, String reason, String explanationJson,
            Instant decidedAt) {}

    record Change(String from, String to, String actor, String detail, Instant at) {}

    record Refused(int lineNo, String locationCode, String reason, Instant at) {}

    private final DSLContext db;

    /** The inserts of every placed order, rendered once (see {@link RenderedSql}). */
    private final RenderedSql insertRouted;
    private final RenderedSql insertDecision;
    private final RenderedSql insertOrder;
    private final RenderedSql insertLine;
    private final RenderedSql insertChange;

    FulfilmentRepository(DSLContext db) {
        this.db = db;
        this.insertRouted = RenderedSql.insert(db, ROUTED_ORDER, ROUTED_ORDER.ORDER_ID, ROUTED_ORDER.ORDER_NUMBER,
                ROUTED_ORDER.CHANNEL_CODE, ROUTED_ORDER.CREATED_AT, ROUTED_ORDER.HOLD_ID, ROUTED_ORDER.RELEASED,
                ROUTED_ORDER.ROUTED, ROUTED_ORDER.ATTEMPTS, ROUTED_ORDER.NEXT_ATTEMPT_AT, ROUTED_ORDER.FLAGGED_AT,
                ROUTED_ORDER.GROUPS_JSON, ROUTED_ORDER.LINES_JSON, ROUTED_ORDER.UPDATED_AT);
        this.insertDecision = RenderedSql.insert(db, SOURCING_DECISION, SOURCING_DECISION.ID,
                SOURCING_DECISION.ORDER_ID, SOURCING_DECISION.TRIGGER, SOURCING_DECISION.ROUTED,
                SOURCING_DECISION.REASON, SOURCING_DECISION.EXPLANATION_JSON, SOURCING_DECISION.DECIDED_AT);
        this.insertOrder = RenderedSql.insert(db, FULFILMENT_ORDER, FULFILMENT_ORDER.ID, FULFILMENT_ORDER.ORDER_ID,
                FULFILMENT_ORDER.ORDER_NUMBER, FULFILMENT_ORDER.CHANNEL_CODE, FULFILMENT_ORDER.GROUP_CODE,
                FULFILMENT_ORDER.METHOD, FULFILMENT_ORDER.KIND, FULFILMENT_ORDER.LOCATION_CODE,
                FULFILMENT_ORDER.DESTINATION_CODE, FULFILMENT_ORDER.STATUS, FULFILMENT_ORDER.DUE_BY,
                FULFILMENT_ORDER.PICKUP_ATTEMPTS, FULFILMENT_ORDER.VERSION, FULFILMENT_ORDER.CREATED_AT,
                FULFILMENT_ORDER.UPDATED_AT);
        this.insertLine = RenderedSql.insert(db, FULFILMENT_LINE, FULFILMENT_LINE.FULFILMENT_ORDER_ID,
                FULFILMENT_LINE.LINE_NO, FULFILMENT_LINE.SKU, FULFILMENT_LINE.QUANTITY, FULFILMENT_LINE.SOURCE_CODE);
        this.insertChange = RenderedSql.insert(db, FULFILMENT_HISTORY, FULFILMENT_HISTORY.ID,
                FULFILMENT_HISTORY.FULFILMENT_ORDER_ID, FULFILMENT_HISTORY.FROM_STATUS, FULFILMENT_HISTORY.TO_STATUS,
                FULFILMENT_HISTORY.ACTOR, FULFILMENT_HISTORY.DETAIL, FULFILMENT_HISTORY.AT);
    }

    // Routed orders

    Optional<Routed> routed(UUID orderId) {
        return db.selectFrom(ROUTED_ORDER).where(ROUTED_ORDER.ORDER_ID.eq(orderId))
                .fetchOptional(FulfilmentRepository::toRouted);
    }

    /** Locks the order's fulfilment state: every change to its fulfilment orders happens under it. */
    Optional<Routed> lockRouted(UUID orderId) {
        return db.selectFrom(ROUTED_ORDER).where(ROUTED_ORDER.ORDER_ID.eq(orderId)).forUpdate()
                .fetchOptional(FulfilmentRepository::toRouted);
    }

    /**
     * A new order: its routing, the decision taken and the fulfilment orders opened, added to the
     * statements that write the order (one round trip).
     */
    void insertPlaced(RenderedSql.Together together, Routed r, Decision d,
            Collection<FulfilmentOrder> opened, String detail, Instant now) {
        together.add(insertRouted, r.orderId(), r.number(), r.channelCode(), now, r.holdId(), r.released(),
                        r.routed(), r.attempts(), r.nextAttemptAt(), r.flaggedAt(), r.groupsJson(), r.linesJson(), now)
                .add(insertDecision, decisionValues(d));
        opening(together, opened, detail, now);
    }

    void updateRouted(Routed r, Instant now) {
        db.update(ROUTED_ORDER).set(changeable(r, now)).where(ROUTED_ORDER.ORDER_ID.eq(r.orderId())).execute();
    }

    /** What routing changes on a routed order after it is opened. */
    private static Map<org.jooq.Field<?>, Object> changeable(Routed r, Instant now) {
        Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>();
        values.put(ROUTED_ORDER.HOLD_ID, r.holdId());
        values.put(ROUTED_ORDER.RELEASED, r.released());
        values.put(ROUTED_ORDER.ROUTED, r.routed());
        values.put(ROUTED_ORDER.ATTEMPTS, r.attempts());
        values.put(ROUTED_ORDER.NEXT_ATTEMPT_AT, r.nextAttemptAt());
        values.put(ROUTED_ORDER.FLAGGED_AT, r.flaggedAt());
        values.put(ROUTED_ORDER.GROUPS_JSON, r.groupsJson());
        values.put(ROUTED_ORDER.LINES_JSON, r.linesJson());
        values.put(ROUTED_ORDER.UPDATED_AT, now);
        return values;
    }

    /** Orders the rules could not route whose next attempt is due (not yet handed to a person). */
    List<UUID> retryDue(Instant now, int limit) {
        return db.select(ROUTED_ORDER.ORDER_ID).from(ROUTED_ORDER)
                .where(ROUTED_ORDER.ROUTED.isFalse(), ROUTED_ORDER.FLAGGED_AT.isNull(),
                        ROUTED_ORDER.NEXT_ATTEMPT_AT.le(now))
                .orderBy(ROUTED_ORDER.NEXT_ATTEMPT_AT).limit(limit).fetch(ROUTED_ORDER.ORDER_ID);
    }

    /** Orders waiting for a person, oldest first. */
    List<Routed> flagged(int limit) {
        return db.selectFrom(ROUTED_ORDER).where(ROUTED_ORDER.FLAGGED_AT.isNotNull(), ROUTED_ORDER.ROUTED.isFalse())
                .orderBy(ROUTED_ORDER.FLAGGED_AT).limit(limit).fetch(FulfilmentRepository::toRouted);
    }

    // Decisions and refusals

    void insertDecision(Decision d) {
        insertDecision.execute(decisionValues(d));
    }

    private static Object[] decisionValues(Decision d) {
        return new Object[] {d.id(), d.orderId(), d.trigger(), d.routed(),
                d.reason().length() > 2000 ? d.reason().substring(0, 2000) : d.reason(), d.explanationJson(),
                d.decidedAt()};
    }

    List<Decision> decisions(UUID orderId) {
        return db.selectFrom(SOURCING_DECISION).where(SOURCING_DECISION.ORDER_ID.eq(orderId))
                .orderBy(SOURCING_DECISION.DECIDED_AT, SOURCING_DECISION.ID)
                .fetch(r -> new Decision(r.getId(), r.getOrderId(), r.getTrigger(), r.getRouted(), r.getReason(),
                        r.getExplanationJson(), r.getDecidedAt()));
    }

    void insertRefusal(UUID orderId, int lineNo, String locationCode, String reason, Instant now) {
        db.insertInto(REFUSAL)
                .set(REFUSAL.ORDER_ID, orderId)
                .set(REFUSAL.LINE_NO, lineNo)
                .set(REFUSAL.LOCATION_CODE, locationCode)
                .set(REFUSAL.REASON, reason)
                .set(REFUSAL.REFUSED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    List<Refused> refusals(UUID orderId) {
        return db.selectFrom(REFUSAL).where(REFUSAL.ORDER_ID.eq(orderId)).orderBy(REFUSAL.REFUSED_AT)
                .fetch(r -> new Refused(r.getLineNo(), r.getLocationCode(), r.getReason(), r.getRefusedAt()));
    }

    // Fulfilment orders

    /** Fulfilment orders opened, with their lines and first change, in one round trip. */
    void insert(Collection<FulfilmentOrder> opened, String detail, Instant now) {
        opening(RenderedSql.together(db), opened, detail, now).execute();
    }

    private RenderedSql.Together opening(RenderedSql.Together together, Collection<FulfilmentOrder> opened,
            String detail, Instant now) {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (FulfilmentOrder f : opened) {
            together.add(insertOrder, f.id(), f.orderId(), f.orderNumber(), f.channelCode(), f.groupCode(),
                    f.method(), f.kind().name(), f.locationCode(), f.destinationCode(), f.status().name(), f.dueBy(),
                    0, 1, f.createdAt(), f.createdAt());
            f.lines().forEach(line -> lines.add(new Object[] {f.id(), line.lineNo(), line.sku(), line.quantity(),
                    line.sourceCode()}));
            changes.add(changeValues(f.id(), new Change(null, f.status().name(), "system", detail, now)));
        }
        return together.addRows(insertLine, lines).addRows(insertChange, changes);
    }

    Optional<FulfilmentOrder> find(UUID id) {
        return withLines(db.selectFrom(FULFILMENT_ORDER).where(FULFILMENT_ORDER.ID.eq(id)).fetch()).stream()
                .findFirst();
    }

    List<FulfilmentOrder> ofOrder(UUID orderId) {
        return withLines(db.selectFrom(FULFILMENT_ORDER).where(FULFILMENT_ORDER.ORDER_ID.eq(orderId))
                .orderBy(FULFILMENT_ORDER.CREATED_AT, FULFILMENT_ORDER.ID).fetch());
    }

    /** A location's work, soonest due first; {@code after} is the last (due, id) of the previous page. */
    List<FulfilmentOrder> work(Collection<String> locations, Set<FulfilmentOrder.Status> statuses,
            Instant afterDue, UUID afterId, int limit) {
        Condition page = afterDue == null ? DSL.noCondition()
                : DSL.row(FULFILMENT_ORDER.DUE_BY, FULFILMENT_ORDER.ID).gt(afterDue, afterId);
        return withLines(db.selectFrom(FULFILMENT_ORDER)
                .where(locations == null ? DSL.noCondition() : FULFILMENT_ORDER.LOCATION_CODE.in(locations),
                        FULFILMENT_ORDER.STATUS.in(statuses.stream().map(Enum::name).toList()), page)
                .orderBy(FULFILMENT_ORDER.DUE_BY, FULFILMENT_ORDER.ID).limit(limit).fetch());
    }

    /** Fulfilment orders each location took on since {@code since} (cancelled and refused ones do not count). */
    Map<String, Integer> takenSince(Collection<String> locations, Instant since) {
        return db.select(FULFILMENT_ORDER.LOCATION_CODE, DSL.count()).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.LOCATION_CODE.in(locations), FULFILMENT_ORDER.CREATED_AT.ge(since),
                        FULFILMENT_ORDER.STATUS.notIn(FulfilmentOrder.Status.CANCELLED.name(),
                                FulfilmentOrder.Status.REFUSED.name()))
                .groupBy(FULFILMENT_ORDER.LOCATION_CODE)
                .fetchMap(FULFILMENT_ORDER.LOCATION_CODE, DSL.count());
    }

    /** Moves a fulfilment order if it is still in {@code from}; false when it changed meanwhile. */
    boolean move(UUID id, FulfilmentOrder.Status from, FulfilmentOrder.Status to, Instant now) {
        return db.update(FULFILMENT_ORDER)
                .set(FULFILMENT_ORDER.STATUS, to.name())
                // The code is for the shelf: once the order leaves it (collected, cancelled, refused), it is gone.
                .set(FULFILMENT_ORDER.PICKUP_CODE, to == FulfilmentOrder.Status.READY_FOR_PICKUP
                        ? FULFILMENT_ORDER.PICKUP_CODE : DSL.inline(null, FULFILMENT_ORDER.PICKUP_CODE))
                .set(FULFILMENT_ORDER.VERSION, FULFILMENT_ORDER.VERSION.plus(1))
                .set(FULFILMENT_ORDER.UPDATED_AT, now)
                .where(FULFILMENT_ORDER.ID.eq(id), FULFILMENT_ORDER.STATUS.eq(from.name()))
                .execute() == 1;
    }

    void pickupCode(UUID id, String hash, String code, Instant readyAt) {
        db.update(FULFILMENT_ORDER)
                .set(FULFILMENT_ORDER.PICKUP_CODE_HASH, hash)
                .set(FULFILMENT_ORDER.PICKUP_CODE, code)
                .set(FULFILMENT_ORDER.PICKUP_ATTEMPTS, 0)
                .set(FULFILMENT_ORDER.READY_AT, readyAt)
                .where(FULFILMENT_ORDER.ID.eq(id))
                .execute();
    }

    Optional<String> pickupCodeHash(UUID id) {
        return db.select(FULFILMENT_ORDER.PICKUP_CODE_HASH).from(FULFILMENT_ORDER).where(FULFILMENT_ORDER.ID.eq(id))
                .fetchOptional(FULFILMENT_ORDER.PICKUP_CODE_HASH);
    }

    /** The code a notification sender tells the customer, while the order waits on the shelf. */
    Optional<String> pickupCodeToSend(UUID id) {
        return db.select(FULFILMENT_ORDER.PICKUP_CODE).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.ID.eq(id), FULFILMENT_ORDER.STATUS.eq(FulfilmentOrder.Status.READY_FOR_PICKUP
                        .name()))
                .fetchOptional(FULFILMENT_ORDER.PICKUP_CODE).filter(java.util.Objects::nonNull);
    }

    void pickupFailed(UUID id) {
        db.update(FULFILMENT_ORDER).set(FULFILMENT_ORDER.PICKUP_ATTEMPTS, FULFILMENT_ORDER.PICKUP_ATTEMPTS.plus(1))
                .where(FULFILMENT_ORDER.ID.eq(id)).execute();
    }

    void tracking(UUID id, String trackingNumber) {
        db.update(FULFILMENT_ORDER).set(FULFILMENT_ORDER.TRACKING_NUMBER, trackingNumber)
                .where(FULFILMENT_ORDER.ID.eq(id)).execute();
    }

    void reminded(UUID id, Instant now) {
        db.update(FULFILMENT_ORDER).set(FULFILMENT_ORDER.REMINDED_AT, now).where(FULFILMENT_ORDER.ID.eq(id)).execute();
    }

    /** Ready pickups waiting since before {@code readyBefore}, not reminded yet. */
    List<UUID> toRemind(Instant readyBefore, int limit) {
        return db.select(FULFILMENT_ORDER.ID).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.STATUS.eq(FulfilmentOrder.Status.READY_FOR_PICKUP.name()),
                        FULFILMENT_ORDER.READY_AT.le(readyBefore), FULFILMENT_ORDER.REMINDED_AT.isNull())
                .orderBy(FULFILMENT_ORDER.READY_AT).limit(limit).fetch(FULFILMENT_ORDER.ID);
    }

    /** Ready pickups waiting since before {@code readyBefore}: their time is up. */
    List<UUID> expired(Instant readyBefore, int limit) {
        return db.select(FULFILMENT_ORDER.ID).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.STATUS.eq(FulfilmentOrder.Status.READY_FOR_PICKUP.name()),
                        FULFILMENT_ORDER.READY_AT.le(readyBefore))
                .orderBy(FULFILMENT_ORDER.READY_AT).limit(limit).fetch(FULFILMENT_ORDER.ID);
    }

    /** Removes fulfilment orders nobody started, to open them again from the order as it now is. */
    void deleteNotStarted(UUID orderId) {
        var ids = db.select(FULFILMENT_ORDER.ID).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.ORDER_ID.eq(orderId), FULFILMENT_ORDER.STATUS.in(
                        FulfilmentOrder.Status.ON_HOLD.name(), FulfilmentOrder.Status.TO_PICK.name()))
                .fetch(FULFILMENT_ORDER.ID);
        if (ids.isEmpty()) {
            return;
        }
        db.deleteFrom(FULFILMENT_LINE).where(FULFILMENT_LINE.FULFILMENT_ORDER_ID.in(ids)).execute();
        db.deleteFrom(FULFILMENT_HISTORY).where(FULFILMENT_HISTORY.FULFILMENT_ORDER_ID.in(ids)).execute();
        db.deleteFrom(FULFILMENT_ORDER).where(FULFILMENT_ORDER.ID.in(ids)).execute();
    }

    void record(UUID fulfilmentOrderId, Change change) {
        insertChange.execute(changeValues(fulfilmentOrderId, change));
    }

    private static Object[] changeValues(UUID fulfilmentOrderId, Change change) {
        return new Object[] {Ids.newId(), fulfilmentOrderId, change.from(), change.to(), change.actor(),
                change.detail(), change.at()};
    }

    List<Change> history(UUID fulfilmentOrderId) {
        return db.selectFrom(FULFILMENT_HISTORY).where(FULFILMENT_HISTORY.FULFILMENT_ORDER_ID.eq(fulfilmentOrderId))
                .orderBy(FULFILMENT_HISTORY.AT, FULFILMENT_HISTORY.ID)
                .fetch(r -> new Change(r.getFromStatus(), r.getToStatus(), r.getActor(), r.getDetail(), r.getAt()));
    }

    private List<FulfilmentOrder> withLines(List<FulfilmentOrderRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FulfilmentOrder.Line>> lines = new LinkedHashMap<>();
        db.selectFrom(FULFILMENT_LINE)
                .where(FULFILMENT_LINE.FULFILMENT_ORDER_ID.in(records.stream().map(FulfilmentOrderRecord::getId)
                        .toList()))
                .orderBy(FULFILMENT_LINE.FULFILMENT_ORDER_ID, FULFILMENT_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.getFulfilmentOrderId(), k -> new ArrayList<>())
                        .add(new FulfilmentOrder.Line(r.getLineNo(), r.getSku(), r.getQuantity(), r.getSourceCode())));
        return records.stream().map(r -> new FulfilmentOrder(r.getId(), r.getOrderId(), r.getOrderNumber(),
                r.getChannelCode(), r.getGroupCode(), r.getMethod(), FulfilmentOrder.Kind.valueOf(r.getKind()),
                r.getLocationCode(), r.getDestinationCode(), FulfilmentOrder.Status.valueOf(r.getStatus()),
                r.getDueBy(), r.getPickupCodeHash() != null, r.getPickupAttempts(), r.getReadyAt(),
                r.getRemindedAt(), r.getTrackingNumber(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt(),
                lines.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static Routed toRouted(RoutedOrderRecord r) {
        return new Routed(r.getOrderId(), r.getOrderNumber(), r.getChannelCode(), r.getHoldId(), r.getReleased(),
                r.getRouted(), r.getAttempts(), r.getNextAttemptAt(), r.getFlaggedAt(), r.getGroupsJson(),
                r.getLinesJson(), r.getCreatedAt());
    }
}
