package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * A SKU is back in stock at a location, or in the whole network when {@code locationCode} is null:
 * what back-in-stock alerts and marketplace feeds listen to.
 */
public record StockReplenished(UUID eventId, Instant occurredAt, String sku, String locationCode, int available)
        implements DomainEvent {

    @Override
    public String eventType() {
        return locationCode == null ? "inventory.network.back_in_stock" : "inventory.stock.back_in_stock";
    }

    @Override
    public String subject() {
        return sku;
    }
}
