package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A SKU is out of stock at a location, or in the whole network when {@code locationCode} is null. */
public record StockDepleted(UUID eventId, Instant occurredAt, String sku, String locationCode)
        implements DomainEvent {

    @Override
    public String eventType() {
        return locationCode == null ? "inventory.network.out_of_stock" : "inventory.stock.out_of_stock";
    }

    @Override
    public String subject() {
        return sku;
    }
}
