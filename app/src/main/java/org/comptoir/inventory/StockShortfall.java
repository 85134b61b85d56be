package org.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/**
 * On hand fell below what is already promised (shrinkage, damage, a count): {@code missing} units of
 * held stock do not exist. Reported, never hidden: somebody must re-source those holds.
 */
public record StockShortfall(UUID eventId, Instant occurredAt, String sku, String locationCode, int onHand,
        int reserved, int missing) implements DomainEvent {

    @Override
    public String eventType() {
        return "inventory.stock.shortfall";
    }

    @Override
    public String subject() {
        return sku;
    }
}
