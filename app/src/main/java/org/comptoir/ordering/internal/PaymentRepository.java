package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Payment.PAYMENT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.internal.db.tables.records.PaymentRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

    private final DSLContext db;

    PaymentRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Payment p) {
        db.insertInto(PAYMENT).set(PAYMENT.ID, p.id()).set(PAYMENT.ORDER_ID, p.orderId())
                .set(PAYMENT.PROVIDER, p.provider()).set(PAYMENT.STATUS, p.status().name())
                .set(PAYMENT.AMOUNT, p.amount()).set(PAYMENT.CAPTURED, p.captured()).set(PAYMENT.REFUNDED, p.refunded())
                .set(PAYMENT.PROVIDER_REF, p.providerRef()).set(PAYMENT.DETAIL, p.detail())
                .set(PAYMENT.CREATED_AT, p.createdAt()).set(PAYMENT.UPDATED_AT, p.createdAt())
                .execute();
    }

    void update(Payment p, Instant now) {
        db.update(PAYMENT).set(PAYMENT.STATUS, p.status().name()).set(PAYMENT.CAPTURED, p.captured())
                .set(PAYMENT.REFUNDED, p.refunded()).set(PAYMENT.DETAIL, p.detail()).set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(p.id())).execute();
    }

    List<Payment> ofOrder(UUID orderId) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ORDER_ID.eq(orderId)).orderBy(PAYMENT.CREATED_AT, PAYMENT.ID)
                .fetch(PaymentRepository::toPayment);
    }

    Optional<Payment> find(UUID orderId, UUID id) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ID.eq(id), PAYMENT.ORDER_ID.eq(orderId))
                .fetchOptional(PaymentRepository::toPayment);
    }

    private static Payment toPayment(PaymentRecord r) {
        return new Payment(r.getId(), r.getOrderId(), r.getProvider(), Payment.Status.valueOf(r.getStatus()),
                r.getAmount(), r.getCaptured(), r.getRefunded(), r.getProviderRef(), r.getDetail(), r.getCreatedAt());
    }
}
