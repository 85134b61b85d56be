package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.Inbound.INBOUND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.inventory.internal.db.tables.records.InboundRecord;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class InboundRepository {

    /** What is expected of a SKU at a location: how much in all, and the earliest date. */
    record Expected(String locationCode, int quantity, LocalDate firstOn) {}

    private final DSLContext db;

    InboundRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Inbound i) {
        db.insertInto(INBOUND)
                .set(INBOUND.ID, i.id())
                .set(INBOUND.KIND, i.kind().name())
                .set(INBOUND.LOCATION_CODE, i.locationCode())
                .set(INBOUND.SKU, i.sku())
                .set(INBOUND.QUANTITY, i.quantity())
                .set(INBOUND.EXPECTED_ON, i.expectedOn())
                .set(INBOUND.REFERENCE, i.reference())
                .set(INBOUND.FROM_LOCATION, i.fromLocation())
                .set(INBOUND.STATUS, i.status().name())
                .set(INBOUND.CREATED_AT, i.createdAt())
                .execute();
    }

    Optional<Inbound> find(UUID id) {
        return db.selectFrom(INBOUND).where(INBOUND.ID.eq(id)).fetchOptional(InboundRepository::toInbound);
    }

    Optional<Inbound> byReference(String locationCode, String reference, String sku) {
        return db.selectFrom(INBOUND).where(INBOUND.LOCATION_CODE.eq(locationCode), INBOUND.REFERENCE.eq(reference),
                INBOUND.SKU.eq(sku)).fetchOptional(InboundRepository::toInbound);
    }

    /** Closes an expected inbound; false when it was closed already (received or cancelled). */
    boolean close(UUID id, Inbound.Status status, Instant now) {
        return db.update(INBOUND).set(INBOUND.STATUS, status.name()).set(INBOUND.CLOSED_AT, now)
                .where(INBOUND.ID.eq(id), INBOUND.STATUS.eq(Inbound.Status.EXPECTED.name())).execute() == 1;
    }

    /** Expected quantities per SKU and location, with the first expected date. */
    Map<String, List<Expected>> expected(Collection<String> skus) {
        Map<String, List<Expected>> bySku = new java.util.HashMap<>();
        db.select(INBOUND.SKU, INBOUND.LOCATION_CODE, DSL.sum(INBOUND.QUANTITY), DSL.min(INBOUND.EXPECTED_ON))
                .from(INBOUND)
                .where(INBOUND.SKU.in(skus), INBOUND.STATUS.eq(Inbound.Status.EXPECTED.name()))
                .groupBy(INBOUND.SKU, INBOUND.LOCATION_CODE)
                .forEach(r -> bySku.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Expected(r.value2(), r.value3().intValue(), r.value4())));
        return bySku;
    }

    List<Inbound> list(Optional<String> sku, Optional<String> locationCode, Optional<Inbound.Status> status,
            PageRequest page) {
        List<Condition> where = new ArrayList<>();
        sku.ifPresent(s -> where.add(INBOUND.SKU.eq(s)));
        locationCode.ifPresent(l -> where.add(INBOUND.LOCATION_CODE.eq(l)));
        status.ifPresent(s -> where.add(INBOUND.STATUS.eq(s.name())));
        page.afterId().ifPresent(after -> where.add(INBOUND.ID.gt(after)));
        return db.selectFrom(INBOUND).where(where).orderBy(INBOUND.ID).limit(page.limit() + 1)
                .fetch(InboundRepository::toInbound);
    }

    private static Inbound toInbound(InboundRecord r) {
        return new Inbound(r.getId(), Inbound.Kind.valueOf(r.getKind()), r.getLocationCode(), r.getSku(),
                r.getQuantity(), r.getExpectedOn(), r.getReference(), r.getFromLocation(),
                Inbound.Status.valueOf(r.getStatus()), r.getCreatedAt(), r.getClosedAt());
    }
}
