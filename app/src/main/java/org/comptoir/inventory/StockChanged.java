package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * The stock of a SKU at a location changed: a movement, or a hold placed, confirmed, released or
 * expired. {@code available} is on hand minus reserved minus safety stock (never below zero).
 */
public record StockChanged(UUID eventId, Instant occurredAt, String sku, String locationCode, int onHand,
        int reserved, int available, String cause) implements DomainEvent {

    @Override
    public String eventType() {
        return "inventory.stock.changed";
    }

    @Override
    public String subject() {
        return sku;
    }
}
