package org.comptoir.fulfilment.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The work of one location for one order: a SHIPMENT to the customer, a TRANSFER (a parcel sent to
 * the pickup store) or a PICKUP (prepared and handed over at the pickup store; its lines say where
 * each comes from, the store's shelf or a transfer).
 */
record FulfilmentOrder(UUID id, UUID orderId, String orderNumber, String channelCode, String groupCode,
        String method, Kind kind, String locationCode, String destinationCode, Status status, Instant dueBy,
        boolean pickupCodeIssued, int pickupAttempts, Instant readyAt, Instant remindedAt, String trackingNumber,
        int version, Instant createdAt, Instant updatedAt, List<Line> lines) {

    enum Kind {
        SHIPMENT,
        TRANSFER,
        PICKUP
    }

    enum Status {
        /** Waiting for the order to be paid. */
        ON_HOLD,
        TO_PICK,
        PICKING,
        PACKED,
        SHIPPED,
        /** A transfer received at the pickup store. */
        ARRIVED,
        READY_FOR_PICKUP,
        DELIVERED,
        COLLECTED,
        /** The location could not fulfil it; its lines went elsewhere. */
        REFUSED,
        CANCELLED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                ON_HOLD, EnumSet.of(TO_PICK, CANCELLED),
                TO_PICK, EnumSet.of(PICKING, REFUSED, CANCELLED),
                PICKING, EnumSet.of(PACKED, READY_FOR_PICKUP, REFUSED, CANCELLED),
                PACKED, EnumSet.of(SHIPPED, CANCELLED),
                SHIPPED, EnumSet.of(DELIVERED, ARRIVED),
                READY_FOR_PICKUP, EnumSet.of(COLLECTED, CANCELLED));

        boolean canMoveTo(Status next, Kind kind) {
            if (!NEXT.getOrDefault(this, Set.of()).contains(next)) {
                return false;
            }
            return switch (next) {
                case PACKED, SHIPPED -> kind != Kind.PICKUP;
                case DELIVERED -> kind == Kind.SHIPMENT;
                case ARRIVED -> kind == Kind.TRANSFER;
                case READY_FOR_PICKUP, COLLECTED -> kind == Kind.PICKUP;
                default -> true;
            };
        }

        /** Nothing was done on it yet: it may be rebuilt when the order changes. */
        boolean notStarted() {
            return this == ON_HOLD || this == TO_PICK;
        }
    }

    record Line(int lineNo, String sku, int quantity, String sourceCode) {}
}
