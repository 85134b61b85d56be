package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Payment.PAYMENT;
import static org.comptoir.ordering.internal.db.tables.PaymentOperation.PAYMENT_OPERATION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.internal.db.tables.records.PaymentOperationRecord;
import org.comptoir.ordering.internal.db.tables.records.PaymentRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Payments and the operations sent to their providers. Every amount an operation moves is reserved
 * on its payment by one conditional update, so that two requests racing for the same money cannot
 * both get it; the operation's outcome then settles what was reserved.
 */
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

    List<Payment> ofOrder(UUID orderId) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ORDER_ID.eq(orderId)).orderBy(PAYMENT.CREATED_AT, PAYMENT.ID)
                .fetch(PaymentRepository::toPayment);
    }

    Optional<Payment> find(UUID orderId, UUID id) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ID.eq(id), PAYMENT.ORDER_ID.eq(orderId))
                .fetchOptional(PaymentRepository::toPayment);
    }

    Optional<Payment> find(UUID id) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ID.eq(id)).fetchOptional(PaymentRepository::toPayment);
    }

    /** The provider's answer to an authorisation in flight. */
    void authorised(UUID id, Payment.Status status, long captured, String providerRef, String detail, Instant now) {
        db.update(PAYMENT).set(PAYMENT.STATUS, status.name()).set(PAYMENT.CAPTURED, captured)
                .set(PAYMENT.PROVIDER_REF, providerRef).set(PAYMENT.DETAIL, detail).set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.PROCESSING.name())).execute();
    }

    /** Reserves a capture of {@code amount}: false when the authorisation does not cover it any more. */
    boolean reserveCapture(UUID id, long amount, Instant now) {
        return db.update(PAYMENT).set(PAYMENT.CAPTURE_PENDING, PAYMENT.CAPTURE_PENDING.plus(amount))
                .set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.AUTHORIZED.name()),
                        PAYMENT.CAPTURE_PENDING.eq(0L), PAYMENT.AMOUNT.minus(PAYMENT.VOIDED)
                                .minus(PAYMENT.VOID_PENDING).ge(amount))
                .execute() == 1;
    }

    /** Reserves a refund of {@code amount}: false when what was taken and not refunded is less. */
    boolean reserveRefund(UUID id, long amount, Instant now) {
        return db.update(PAYMENT).set(PAYMENT.REFUND_PENDING, PAYMENT.REFUND_PENDING.plus(amount))
                .set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.CAPTURED.minus(PAYMENT.REFUNDED).minus(PAYMENT.REFUND_PENDING)
                        .ge(amount))
                .execute() == 1;
    }

    /** Reserves letting go {@code amount} of an authorisation: false when less of it is left. */
    boolean reserveVoid(UUID id, long amount, Instant now) {
        return db.update(PAYMENT).set(PAYMENT.VOID_PENDING, PAYMENT.VOID_PENDING.plus(amount))
                .set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.AUTHORIZED.name()),
                        PAYMENT.AMOUNT.minus(PAYMENT.VOIDED).minus(PAYMENT.VOID_PENDING).minus(PAYMENT.CAPTURE_PENDING)
                                .ge(amount))
                .execute() == 1;
    }

    /** A capture settled: taken, and the rest of the authorisation let go (approved), or given back. */
    void settleCapture(UUID id, long amount, boolean approved, Instant now) {
        var update = db.update(PAYMENT).set(PAYMENT.CAPTURE_PENDING, PAYMENT.CAPTURE_PENDING.minus(amount));
        if (approved) {
            update = update.set(PAYMENT.CAPTURED, DSL.val(amount))
                    .set(PAYMENT.VOIDED, PAYMENT.AMOUNT.minus(amount).minus(PAYMENT.VOID_PENDING))
                    .set(PAYMENT.STATUS, Payment.Status.CAPTURED.name());
        }
        update.set(PAYMENT.UPDATED_AT, now).where(PAYMENT.ID.eq(id)).execute();
    }

    void settleRefund(UUID id, long amount, boolean approved, Instant now) {
        var update = db.update(PAYMENT).set(PAYMENT.REFUND_PENDING, PAYMENT.REFUND_PENDING.minus(amount));
        if (approved) {
            update = update.set(PAYMENT.REFUNDED, PAYMENT.REFUNDED.plus(amount))
                    .set(PAYMENT.STATUS, DSL.when(PAYMENT.REFUNDED.plus(amount).ge(PAYMENT.CAPTURED),
                            DSL.val(Payment.Status.REFUNDED.name())).otherwise(PAYMENT.STATUS));
        }
        update.set(PAYMENT.UPDATED_AT, now).where(PAYMENT.ID.eq(id)).execute();
    }

    void settleVoid(UUID id, long amount, boolean approved, Instant now) {
        var update = db.update(PAYMENT).set(PAYMENT.VOID_PENDING, PAYMENT.VOID_PENDING.minus(amount));
        if (approved) {
            update = update.set(PAYMENT.VOIDED, PAYMENT.VOIDED.plus(amount))
                    .set(PAYMENT.STATUS, DSL.when(PAYMENT.VOIDED.plus(amount).ge(PAYMENT.AMOUNT),
                            DSL.val(Payment.Status.VOIDED.name())).otherwise(PAYMENT.STATUS));
        }
        update.set(PAYMENT.UPDATED_AT, now).where(PAYMENT.ID.eq(id)).execute();
    }

    /** A payment with no remote party to tell (a bank transfer not arrived) let go at once. */
    void cancelWaiting(UUID id, String detail, Instant now) {
        db.update(PAYMENT).set(PAYMENT.STATUS, Payment.Status.VOIDED.name()).set(PAYMENT.VOIDED, PAYMENT.AMOUNT)
                .set(PAYMENT.DETAIL, detail).set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.PENDING.name())).execute();
    }

    /** A bank transfer that arrived: all of it taken. */
    boolean confirmArrived(UUID id, Instant now) {
        return db.update(PAYMENT).set(PAYMENT.STATUS, Payment.Status.CAPTURED.name()).set(PAYMENT.CAPTURED,
                        PAYMENT.AMOUNT).set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.PENDING.name())).execute() == 1;
    }

    /** An authorisation no answer ever came for, after every retry. */
    void failed(UUID id, String detail, Instant now) {
        db.update(PAYMENT).set(PAYMENT.STATUS, Payment.Status.FAILED.name()).set(PAYMENT.DETAIL, detail)
                .set(PAYMENT.UPDATED_AT, now)
                .where(PAYMENT.ID.eq(id), PAYMENT.STATUS.eq(Payment.Status.PROCESSING.name())).execute();
    }

    // ----- operations -----

    void insert(PaymentOperation op, Instant now) {
        db.insertInto(PAYMENT_OPERATION).set(PAYMENT_OPERATION.ID, op.id())
                .set(PAYMENT_OPERATION.PAYMENT_ID, op.paymentId()).set(PAYMENT_OPERATION.ORDER_ID, op.orderId())
                .set(PAYMENT_OPERATION.KIND, op.kind().name()).set(PAYMENT_OPERATION.AMOUNT, op.amount())
                .set(PAYMENT_OPERATION.STATUS, op.status().name()).set(PAYMENT_OPERATION.TOKEN, op.token())
                .set(PAYMENT_OPERATION.REASON, op.reason()).set(PAYMENT_OPERATION.ATTEMPTS, op.attempts())
                .set(PAYMENT_OPERATION.NEXT_ATTEMPT_AT, op.nextAttemptAt())
                .set(PAYMENT_OPERATION.REQUESTED_BY, op.requestedBy()).set(PAYMENT_OPERATION.CREATED_AT, now)
                .set(PAYMENT_OPERATION.UPDATED_AT, now).execute();
    }

    /**
     * Claims the next attempt of a pending operation, if nobody else did: one conditional update on
     * its attempt count, so that of two nodes (or a request and the reconciler) one makes the call.
     */
    Optional<PaymentOperation> claim(UUID id, int attempts, Instant leaseUntil, Instant now) {
        int claimed = db.update(PAYMENT_OPERATION).set(PAYMENT_OPERATION.ATTEMPTS, attempts + 1)
                .set(PAYMENT_OPERATION.NEXT_ATTEMPT_AT, leaseUntil).set(PAYMENT_OPERATION.UPDATED_AT, now)
                .where(PAYMENT_OPERATION.ID.eq(id), PAYMENT_OPERATION.ATTEMPTS.eq(attempts),
                        PAYMENT_OPERATION.STATUS.eq(PaymentOperation.Status.PENDING.name()))
                .execute();
        return claimed == 1 ? operation(id) : Optional.empty();
    }

    Optional<PaymentOperation> operation(UUID id) {
        return db.selectFrom(PAYMENT_OPERATION).where(PAYMENT_OPERATION.ID.eq(id))
                .fetchOptional(PaymentRepository::toOperation);
    }

    /** Pending operations due for another attempt. */
    List<PaymentOperation> due(Instant now, int limit) {
        return db.selectFrom(PAYMENT_OPERATION)
                .where(PAYMENT_OPERATION.STATUS.eq(PaymentOperation.Status.PENDING.name()),
                        PAYMENT_OPERATION.NEXT_ATTEMPT_AT.le(now))
                .orderBy(PAYMENT_OPERATION.NEXT_ATTEMPT_AT).limit(limit).fetch(PaymentRepository::toOperation);
    }

    List<PaymentOperation> pendingOf(UUID paymentId) {
        return db.selectFrom(PAYMENT_OPERATION).where(PAYMENT_OPERATION.PAYMENT_ID.eq(paymentId),
                        PAYMENT_OPERATION.STATUS.eq(PaymentOperation.Status.PENDING.name()))
                .fetch(PaymentRepository::toOperation);
    }

    /** Settles an operation once: false when it was settled already. */
    boolean finish(UUID id, PaymentOperation.Status status, String providerRef, String detail, Instant now) {
        return db.update(PAYMENT_OPERATION).set(PAYMENT_OPERATION.STATUS, status.name())
                .set(PAYMENT_OPERATION.PROVIDER_REF, providerRef).set(PAYMENT_OPERATION.DETAIL, detail)
                .set(PAYMENT_OPERATION.TOKEN, (String) null).set(PAYMENT_OPERATION.UPDATED_AT, now)
                .where(PAYMENT_OPERATION.ID.eq(id), PAYMENT_OPERATION.STATUS.eq(PaymentOperation.Status.PENDING.name()))
                .execute() == 1;
    }

    /** No answer this time: tried again at {@code next}. */
    void retryLater(UUID id, Instant next, String detail, Instant now) {
        db.update(PAYMENT_OPERATION).set(PAYMENT_OPERATION.NEXT_ATTEMPT_AT, next)
                .set(PAYMENT_OPERATION.DETAIL, detail).set(PAYMENT_OPERATION.UPDATED_AT, now)
                .where(PAYMENT_OPERATION.ID.eq(id), PAYMENT_OPERATION.STATUS.eq(PaymentOperation.Status.PENDING.name()))
                .execute();
    }

    private static Payment toPayment(PaymentRecord r) {
        return new Payment(r.getId(), r.getOrderId(), r.getProvider(), Payment.Status.valueOf(r.getStatus()),
                r.getAmount(), r.getCaptured(), r.getRefunded(), r.getVoided(), r.getCapturePending(),
                r.getRefundPending(), r.getVoidPending(), r.getProviderRef(), r.getDetail(), r.getCreatedAt());
    }

    private static PaymentOperation toOperation(PaymentOperationRecord r) {
        return new PaymentOperation(r.getId(), r.getPaymentId(), r.getOrderId(),
                PaymentOperation.Kind.valueOf(r.getKind()), r.getAmount(),
                PaymentOperation.Status.valueOf(r.getStatus()), r.getToken(), r.getReason(), r.getAttempts(),
                r.getNextAttemptAt(), r.getRequestedBy());
    }
}
