package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.OrderLink.ORDER_LINK;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which profile each order belongs to, and the reference the order named its customer by. */
@Repository
class OrderLinkRepository implements OwnedRows {

    private final DSLContext db;

    OrderLinkRepository(DSLContext db) {
        this.db = db;
    }

    void link(UUID orderId, UUID customerId, String customerRef, Instant at) {
        db.insertInto(ORDER_LINK).set(ORDER_LINK.ORDER_ID, orderId).set(ORDER_LINK.CUSTOMER_ID, customerId)
                .set(ORDER_LINK.ORIGIN_CUSTOMER_ID, customerId).set(ORDER_LINK.CUSTOMER_REF, customerRef)
                .set(ORDER_LINK.LINKED_AT, at).onConflictDoNothing().execute();
    }

    /** The references the profiles' orders were placed under. */
    List<String> refsOf(Collection<UUID> customerIds) {
        return db.selectDistinct(ORDER_LINK.CUSTOMER_REF).from(ORDER_LINK).where(ORDER_LINK.CUSTOMER_ID.in(customerIds))
                .fetch(ORDER_LINK.CUSTOMER_REF);
    }

    void forget(Collection<UUID> customerIds, String pseudonym) {
        db.update(ORDER_LINK).set(ORDER_LINK.CUSTOMER_REF, pseudonym).where(ORDER_LINK.CUSTOMER_ID.in(customerIds))
                .execute();
    }

    @Override
    public void move(UUID from, UUID to) {
        db.update(ORDER_LINK).set(ORDER_LINK.CUSTOMER_ID, to).where(ORDER_LINK.CUSTOMER_ID.eq(from)).execute();
    }

    @Override
    public void giveBack(Collection<UUID> origins, UUID to) {
        db.update(ORDER_LINK).set(ORDER_LINK.CUSTOMER_ID, to).where(ORDER_LINK.ORIGIN_CUSTOMER_ID.in(origins)).execute();
    }
}
