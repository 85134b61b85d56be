package org.comptoir.fulfilment;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A carrier told where a parcel is: IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED or FAILED. */
public record ShipmentTracked(UUID eventId, Instant occurredAt, UUID shipmentId, UUID orderId, String orderNumber,
        String trackingNumber, String carrier, String status, String description) implements DomainEvent {

    @Override
    public String eventType() {
        return "fulfilment.shipment.tracked";
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
