package org.comptoir.returns.internal;

import static org.comptoir.returns.internal.db.tables.NonReturnable.NON_RETURNABLE;
import static org.comptoir.returns.internal.db.tables.Quarantine.QUARANTINE;
import static org.comptoir.returns.internal.db.tables.ReturnLine.RETURN_LINE;
import static org.comptoir.returns.internal.db.tables.ReturnRequest.RETURN_REQUEST;
import static org.comptoir.returns.internal.db.tables.StoreCredit.STORE_CREDIT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.returns.internal.db.tables.records.ReturnRequestRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ReturnRepository {

    record NonReturnable(String sku, String reason, Instant createdAt) {}

    record Quarantined(String locationCode, String sku, int quantity) {}

    private final DSLContext db;

    ReturnRepository(DSLContext db) {
        this.db = db;
    }

    void insert(ReturnRequest r) {
        db.insertInto(RETURN_REQUEST)
                .set(RETURN_REQUEST.ID, r.id())
                .set(RETURN_REQUEST.CODE, r.code())
                .set(RETURN_REQUEST.ORDER_ID, r.orderId())
                .set(RETURN_REQUEST.ORDER_NUMBER, r.orderNumber())
                .set(RETURN_REQUEST.ORDER_CHANNEL, r.orderChannel())
                .set(RETURN_REQUEST.OPENED_ON_CHANNEL, r.openedOnChannel())
                .set(RETURN_REQUEST.CUSTOMER_REF, r.customerRef())
                .set(RETURN_REQUEST.METHOD, r.method().name())
                .set(RETURN_REQUEST.LOCATION_CODE, r.locationCode())
                .set(RETURN_REQUEST.REFUND_TO, r.refundTo().name())
                .set(RETURN_REQUEST.STATUS, r.status().name())
                .set(RETURN_REQUEST.CURRENCY, r.currency())
                .set(RETURN_REQUEST.REFUND_AMOUNT, r.refundAmount())
                .set(RETURN_REQUEST.REFUNDED, 0L)
                .set(RETURN_REQUEST.OPENED_BY, r.openedBy())
                .set(RETURN_REQUEST.OPENED_AT, r.openedAt())
                .set(RETURN_REQUEST.VERSION, 1)
                .execute();
        var lines = db.insertInto(RETURN_LINE, RETURN_LINE.RETURN_ID, RETURN_LINE.LINE_NO, RETURN_LINE.SKU,
                RETURN_LINE.QUANTITY, RETURN_LINE.REASON, RETURN_LINE.COMMENT, RETURN_LINE.UNIT_REFUND);
        for (ReturnRequest.Line l : r.lines()) {
            lines = lines.values(r.id(), l.lineNo(), l.sku(), l.quantity(), l.reason().name(), l.comment(),
                    l.unitRefund());
        }
        lines.execute();
    }

    Optional<ReturnRequest> find(UUID id) {
        return withLines(db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(id)).fetch()).stream().findFirst();
    }

    Optional<ReturnRequest> lock(UUID id) {
        return withLines(db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.ID.eq(id)).forUpdate().fetch()).stream()
                .findFirst();
    }

    Optional<ReturnRequest> byCode(String code) {
        return withLines(db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.CODE.eq(code)).fetch()).stream()
                .findFirst();
    }

    /** Newest first, for an order or a customer. */
    List<ReturnRequest> list(UUID orderId, String customerRef, int limit) {
        Condition where = DSL.noCondition();
        if (orderId != null) {
            where = where.and(RETURN_REQUEST.ORDER_ID.eq(orderId));
        }
        if (customerRef != null) {
            where = where.and(RETURN_REQUEST.CUSTOMER_REF.eq(customerRef));
        }
        return withLines(db.selectFrom(RETURN_REQUEST).where(where)
                .orderBy(RETURN_REQUEST.OPENED_AT.desc(), RETURN_REQUEST.ID.desc()).limit(limit).fetch());
    }

    /** Units of each order line already in returns that are open or received. */
    Map<Integer, Integer> returnedUnits(UUID orderId) {
        return db.select(RETURN_LINE.LINE_NO, DSL.sum(RETURN_LINE.QUANTITY).cast(Integer.class))
                .from(RETURN_LINE).join(RETURN_REQUEST).on(RETURN_REQUEST.ID.eq(RETURN_LINE.RETURN_ID))
                .where(RETURN_REQUEST.ORDER_ID.eq(orderId),
                        RETURN_REQUEST.STATUS.ne(ReturnRequest.Status.CANCELLED.name()))
                .groupBy(RETURN_LINE.LINE_NO)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    boolean received(UUID id, String location, long refunded, String creditCode, Map<Integer,
            ReturnRequest.Condition> conditions, Instant now) {
        boolean moved = db.update(RETURN_REQUEST)
                .set(RETURN_REQUEST.STATUS, ReturnRequest.Status.RECEIVED.name())
                .set(RETURN_REQUEST.RECEIVED_AT_LOCATION, location)
                .set(RETURN_REQUEST.REFUNDED, refunded)
                .set(RETURN_REQUEST.CREDIT_CODE, creditCode)
                .set(RETURN_REQUEST.RECEIVED_AT, now)
                .set(RETURN_REQUEST.VERSION, RETURN_REQUEST.VERSION.plus(1))
                .where(RETURN_REQUEST.ID.eq(id), RETURN_REQUEST.STATUS.eq(ReturnRequest.Status.OPEN.name()))
                .execute() == 1;
        conditions.forEach((line, condition) -> db.update(RETURN_LINE).set(RETURN_LINE.CONDITION, condition.name())
                .where(RETURN_LINE.RETURN_ID.eq(id), RETURN_LINE.LINE_NO.eq(line)).execute());
        return moved;
    }

    void exchangedFor(UUID id, UUID orderId, String orderNumber) {
        db.update(RETURN_REQUEST).set(RETURN_REQUEST.EXCHANGE_ORDER_ID, orderId)
                .set(RETURN_REQUEST.EXCHANGE_ORDER_NUMBER, orderNumber).where(RETURN_REQUEST.ID.eq(id)).execute();
    }

    boolean cancel(UUID id) {
        return db.update(RETURN_REQUEST)
                .set(RETURN_REQUEST.STATUS, ReturnRequest.Status.CANCELLED.name())
                .set(RETURN_REQUEST.VERSION, RETURN_REQUEST.VERSION.plus(1))
                .where(RETURN_REQUEST.ID.eq(id), RETURN_REQUEST.STATUS.eq(ReturnRequest.Status.OPEN.name()))
                .execute() == 1;
    }

    void quarantine(String location, String sku, int quantity, UUID returnId, Instant now) {
        db.insertInto(QUARANTINE)
                .set(QUARANTINE.ID, Ids.newId())
                .set(QUARANTINE.LOCATION_CODE, location)
                .set(QUARANTINE.SKU, sku)
                .set(QUARANTINE.QUANTITY, quantity)
                .set(QUARANTINE.RETURN_ID, returnId)
                .set(QUARANTINE.RECORDED_AT, now)
                .execute();
    }

    List<Quarantined> quarantined(String location) {
        return db.select(QUARANTINE.LOCATION_CODE, QUARANTINE.SKU, DSL.sum(QUARANTINE.QUANTITY).cast(Integer.class))
                .from(QUARANTINE)
                .where(location == null ? DSL.noCondition() : QUARANTINE.LOCATION_CODE.eq(location))
                .groupBy(QUARANTINE.LOCATION_CODE, QUARANTINE.SKU)
                .orderBy(QUARANTINE.LOCATION_CODE, QUARANTINE.SKU)
                .fetch(r -> new Quarantined(r.value1(), r.value2(), r.value3()));
    }

    void credit(String code, String customerRef, String currency, long amount, UUID returnId, Instant now) {
        db.insertInto(STORE_CREDIT)
                .set(STORE_CREDIT.CODE, code)
                .set(STORE_CREDIT.CUSTOMER_REF, customerRef)
                .set(STORE_CREDIT.CURRENCY, currency)
                .set(STORE_CREDIT.AMOUNT, amount)
                .set(STORE_CREDIT.BALANCE, amount)
                .set(STORE_CREDIT.RETURN_ID, returnId)
                .set(STORE_CREDIT.CREATED_AT, now)
                .execute();
    }


    Map<String, String> nonReturnable(Collection<String> skus) {
        return db.select(NON_RETURNABLE.SKU, NON_RETURNABLE.REASON).from(NON_RETURNABLE)
                .where(NON_RETURNABLE.SKU.in(skus)).fetchMap(NON_RETURNABLE.SKU, NON_RETURNABLE.REASON);
    }

    List<NonReturnable> nonReturnables() {
        return db.selectFrom(NON_RETURNABLE).orderBy(NON_RETURNABLE.SKU)
                .fetch(r -> new NonReturnable(r.getSku(), r.getReason(), r.getCreatedAt()));
    }

    void setNonReturnable(String sku, String reason, Instant now) {
        db.insertInto(NON_RETURNABLE).set(NON_RETURNABLE.SKU, sku).set(NON_RETURNABLE.REASON, reason)
                .set(NON_RETURNABLE.CREATED_AT, now)
                .onConflict(NON_RETURNABLE.SKU).doUpdate().set(NON_RETURNABLE.REASON, reason)
                .execute();
    }

    boolean removeNonReturnable(String sku) {
        return db.deleteFrom(NON_RETURNABLE).where(NON_RETURNABLE.SKU.eq(sku)).execute() == 1;
    }

    /** Returns of the given orders or opened under the given customer references. */
    List<ReturnRequest> ofPerson(Collection<String> refs, Collection<UUID> orderIds) {
        return withLines(db.selectFrom(RETURN_REQUEST).where(RETURN_REQUEST.CUSTOMER_REF.in(refs)
                .or(RETURN_REQUEST.ORDER_ID.in(orderIds))).orderBy(RETURN_REQUEST.ID).fetch());
    }

    /** Store credit given to the given customer references. */
    List<Map<String, Object>> creditsOf(Collection<String> refs) {
        return db.select(STORE_CREDIT.CODE, STORE_CREDIT.CURRENCY, STORE_CREDIT.AMOUNT, STORE_CREDIT.BALANCE,
                STORE_CREDIT.CREATED_AT).from(STORE_CREDIT).where(STORE_CREDIT.CUSTOMER_REF.in(refs)).fetchMaps();
    }

    /** The person's returns and credit pointed at the pseudonym, their comments removed. */
    int pseudonymise(Collection<String> refs, Collection<UUID> orderIds, String pseudonym) {
        var theirs = RETURN_REQUEST.CUSTOMER_REF.in(refs).or(RETURN_REQUEST.ORDER_ID.in(orderIds));
        int changed = db.update(RETURN_LINE).setNull(RETURN_LINE.COMMENT).where(RETURN_LINE.RETURN_ID.in(
                db.select(RETURN_REQUEST.ID).from(RETURN_REQUEST).where(theirs)), RETURN_LINE.COMMENT.isNotNull())
                .execute();
        changed += db.update(RETURN_REQUEST).set(RETURN_REQUEST.CUSTOMER_REF, pseudonym).where(theirs).execute();
        changed += db.update(STORE_CREDIT).set(STORE_CREDIT.CUSTOMER_REF, pseudonym)
                .where(STORE_CREDIT.CUSTOMER_REF.in(refs)).execute();
        return changed;
    }

    private List<ReturnRequest> withLines(List<ReturnRequestRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReturnRequest.Line>> lines = new HashMap<>();
        db.selectFrom(RETURN_LINE).where(RETURN_LINE.RETURN_ID.in(records.stream().map(ReturnRequestRecord::getId)
                        .toList()))
                .orderBy(RETURN_LINE.RETURN_ID, RETURN_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.getReturnId(), k -> new ArrayList<>()).add(new ReturnRequest.Line(
                        r.getLineNo(), r.getSku(), r.getQuantity(), ReturnRequest.Reason.valueOf(r.getReason()),
                        r.getComment(), r.getUnitRefund(), r.getCondition() == null ? null
                                : ReturnRequest.Condition.valueOf(r.getCondition()))));
        Map<UUID, ReturnRequest> byId = new LinkedHashMap<>();
        for (ReturnRequestRecord r : records) {
            byId.put(r.getId(), new ReturnRequest(r.getId(), r.getCode(), r.getOrderId(), r.getOrderNumber(),
                    r.getOrderChannel(), r.getOpenedOnChannel(), r.getCustomerRef(),
                    ReturnRequest.Method.valueOf(r.getMethod()), r.getLocationCode(),
                    ReturnRequest.RefundTo.valueOf(r.getRefundTo()), ReturnRequest.Status.valueOf(r.getStatus()),
                    r.getCurrency(), r.getRefundAmount(), r.getRefunded(), r.getCreditCode(),
                    r.getExchangeOrderId(), r.getExchangeOrderNumber(), r.getReceivedAtLocation(), r.getOpenedBy(), r.getOpenedAt(), r.getReceivedAt(), r.getVersion(),
                    lines.getOrDefault(r.getId(), List.of())));
        }
        return List.copyOf(byId.values());
    }
}
