package org.comptoir.returns.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A return and its lines; {@code refundDue} is what is still owed to the customer. */
record ReturnRequest(UUID id, String code, UUID orderId, String orderNumber, String orderChannel,
        String openedOnChannel, String customerRef, Method method, String locationCode, RefundTo refundTo,
        Status status, String currency, long refundAmount, long refunded, String creditCode,
        UUID exchangeOrderId, String exchangeOrderNumber, String receivedAtLocation, String openedBy, Instant openedAt, Instant receivedAt, int version,
        List<Line> lines) {

    enum Method {
        /** Brought to a store's counter. */
        IN_STORE,
        /** Dropped at a self-service kiosk with the return code. */
        KIOSK,
        /** Sent by parcel to a warehouse. */
        PARCEL
    }

    enum RefundTo {
        ORIGINAL_PAYMENT,
        STORE_CREDIT,
        /** Spent on a replacement; what it does not cover goes back to the original payment. */
        EXCHANGE
    }

    enum Status {
        OPEN,
        RECEIVED,
        CANCELLED
    }

    enum Reason {
        WRONG_SIZE,
        DAMAGED,
        NOT_AS_DESCRIBED,
        CHANGED_MIND,
        ARRIVED_LATE,
        OTHER
    }

    enum Condition {
        RESELLABLE,
        DAMAGED
    }

    record Line(int lineNo, String sku, int quantity, Reason reason, String comment, long unitRefund,
            Condition condition) {}

    long refundDue() {
        return status == Status.RECEIVED ? refundAmount - refunded : 0;
    }
}
