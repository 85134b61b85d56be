package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A basket that follows its customer from channel to channel until it becomes an order. Only the
 * SHA-256 of its secret is kept: a storefront proves with the secret that the cart is its shopper's.
 */
record Cart(UUID id, String channelCode, String customerRef, String customerGroup, String currency, String country,
        List<String> codes, Status status, UUID holdId, UUID orderId, int version, Instant createdAt,
        Instant updatedAt, List<Fulfilment.Group> groups, List<Line> lines, long loyaltyPoints, String secretHash) {

    static final String DEFAULT_GROUP = "main";

    enum Status {
        OPEN,
        ORDERED
    }

    record Line(String sku, String group, int quantity) {}

    /** The same cart with these groups and lines. */
    Cart with(List<Fulfilment.Group> groups, List<Line> lines) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints, secretHash);
    }

    Cart withCodes(List<String> codes) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, List.copyOf(codes), status,
                holdId, orderId, version, createdAt, updatedAt, groups, lines, loyaltyPoints, secretHash);
    }

    Cart withCustomer(String customerRef, String customerGroup) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints, secretHash);
    }

    Cart withPoints(long points) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, points, secretHash);
    }

    Cart onChannel(String channel) {
        return new Cart(id, channel, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints, secretHash);
    }

    Cart withHold(UUID hold) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, hold, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints, secretHash);
    }
}
