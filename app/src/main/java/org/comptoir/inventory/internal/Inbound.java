package org.comptoir.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Stock on its way to a location: a purchase order line, or a transfer in transit from another. */
record Inbound(UUID id, Kind kind, String locationCode, String sku, int quantity, LocalDate expectedOn,
        String reference, String fromLocation, Status status, Instant createdAt, Instant closedAt) {

    enum Kind {
        PURCHASE_ORDER,
        TRANSFER
    }

    enum Status {
        EXPECTED,
        RECEIVED,
        CANCELLED
    }
}
