package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A basket that follows its customer from channel to channel until it becomes an order. */
record Cart(UUID id, String channelCode, String customerRef, String customerGroup, String currency, String country,
        List<String> codes, Status status, UUID holdId, UUID orderId, int version, Instant createdAt,
        Instant updatedAt, List<Fulfilment.Group> groups, List<Line> lines, long loyaltyPoints) {

    static final String DEFAULT_GROUP = "main";

    enum Status {
        OPEN,
        ORDERED
    }

    record Line(String sku, String group, int quantity) {}

    /** The same cart with these groups and lines. */
    Cart with(List<Fulfilment.Group> groups, List<Line> lines) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints);
    }
}
