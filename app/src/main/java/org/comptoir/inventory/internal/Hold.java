package org.comptoir.inventory.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock promised to a cart, an order or a person, line by line, until confirmed, released or expired.
 * {@code holder}: the shopper a storefront placed it for (none for the back office's holds).
 */
record Hold(UUID id, Kind kind, String reference, String channelCode, Status status, Instant expiresAt,
        String note, String createdBy, Instant createdAt, Instant closedAt, List<Line> lines, String holder) {

    Hold(UUID id, Kind kind, String reference, String channelCode, Status status, Instant expiresAt, String note,
            String createdBy, Instant createdAt, Instant closedAt, List<Line> lines) {
        this(id, kind, reference, channelCode, status, expiresAt, note, createdBy, createdAt, closedAt, lines, null);
    }

    enum Kind {
        CART,
        ORDER,
        PERSON
    }

    enum Status {
        ACTIVE,
        CONFIRMED,
        RELEASED,
        EXPIRED
    }

    /**
     * A held quantity; {@code fenced} of it came out of the channel's ring-fence at the location and
     * {@code networkFenced} out of its network-wide one.
     */
    record Line(String locationCode, String sku, int quantity, int fenced, int networkFenced) {

        Line(String locationCode, String sku, int quantity) {
            this(locationCode, sku, quantity, 0, 0);
        }
    }
}
