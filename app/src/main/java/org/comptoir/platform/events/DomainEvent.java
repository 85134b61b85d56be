package org.comptoir.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event other systems may hear of: it is delivered to webhook subscribers and, when switched on,
 * externalised to Kafka. Implementations are small records of ids and values.
 */
public interface DomainEvent {

    /** Unique per occurrence, so that receivers can drop duplicates of an at-least-once delivery. */
    UUID eventId();

    Instant occurredAt();

    /** Stable dotted name such as {@code catalog.product.created}; part of the public contract. */
    String eventType();

    /** The id of what the event is about (a product id, a location code): the ordering key downstream. */
    String subject();
}
