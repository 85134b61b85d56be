package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.Movement.MOVEMENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.inventory.internal.db.tables.records.MovementRecord;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class MovementRepository {

    /** History filters; absent means any. */
    record Filter(Optional<String> sku, Optional<String> locationCode, Optional<Instant> from,
            Optional<Instant> to) {}

    private final DSLContext db;

    MovementRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Movement> byReference(String locationCode, String reference) {
        return db.selectFrom(MOVEMENT)
                .where(MOVEMENT.LOCATION_CODE.eq(locationCode), MOVEMENT.REFERENCE.eq(reference))
                .fetchOptional(MovementRepository::toMovement);
    }

    void insert(Movement m) {
        db.insertInto(MOVEMENT)
                .set(MOVEMENT.ID, m.id())
                .set(MOVEMENT.LOCATION_CODE, m.locationCode())
                .set(MOVEMENT.SKU, m.sku())
                .set(MOVEMENT.KIND, m.kind().name())
                .set(MOVEMENT.QUANTITY, m.quantity())
                .set(MOVEMENT.ON_HAND_AFTER, m.onHandAfter())
                .set(MOVEMENT.REFERENCE, m.reference())
                .set(MOVEMENT.REASON, m.reason())
                .set(MOVEMENT.RECORDED_BY, m.recordedBy())
                .set(MOVEMENT.RECORDED_AT, m.recordedAt())
                .execute();
    }

    void insertAll(List<Movement> all) {
        var insert = db.insertInto(MOVEMENT, MOVEMENT.ID, MOVEMENT.LOCATION_CODE, MOVEMENT.SKU, MOVEMENT.KIND,
                MOVEMENT.QUANTITY, MOVEMENT.ON_HAND_AFTER, MOVEMENT.REFERENCE, MOVEMENT.REASON, MOVEMENT.RECORDED_BY,
                MOVEMENT.RECORDED_AT);
        for (Movement m : all) {
            insert = insert.values(m.id(), m.locationCode(), m.sku(), m.kind().name(), m.quantity(), m.onHandAfter(),
                    m.reference(), m.reason(), m.recordedBy(), m.recordedAt());
        }
        insert.execute();
    }

    List<Movement> history(Filter filter, PageRequest page) {
        List<Condition> where = new ArrayList<>();
        filter.sku().ifPresent(sku -> where.add(MOVEMENT.SKU.eq(sku)));
        filter.locationCode().ifPresent(code -> where.add(MOVEMENT.LOCATION_CODE.eq(code)));
        filter.from().ifPresent(from -> where.add(MOVEMENT.RECORDED_AT.ge(from)));
        filter.to().ifPresent(to -> where.add(MOVEMENT.RECORDED_AT.lt(to)));
        page.afterId().ifPresent(after -> where.add(MOVEMENT.ID.gt(after)));
        return db.selectFrom(MOVEMENT).where(where).orderBy(MOVEMENT.ID).limit(page.limit() + 1)
                .fetch(MovementRepository::toMovement);
    }

    private static Movement toMovement(MovementRecord r) {
        return new Movement(r.getId(), r.getLocationCode(), r.getSku(), Movement.Kind.valueOf(r.getKind()),
                r.getQuantity(), r.getOnHandAfter(), r.getReference(), r.getReason(), r.getRecordedBy(),
                r.getRecordedAt());
    }

}
