package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** Availability of a SKU at a location fell to or below the threshold set for it. */
public record LowStockReached(UUID eventId, Instant occurredAt, String sku, String locationCode, int available,
        int threshold) implements DomainEvent {

    @Override
    public String eventType() {
        return "inventory.stock.low";
    }

    @Override
    public String subject() {
        return sku;
    }
}
