package org.comptoir.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A product was created (through the API or an import). */
public record ProductCreated(UUID eventId, Instant occurredAt, UUID productId, String handle, List<String> skus)
        implements DomainEvent {

    @Override
    public String eventType() {
        return "catalog.product.created";
    }

    @Override
    public String subject() {
        return productId.toString();
    }
}
