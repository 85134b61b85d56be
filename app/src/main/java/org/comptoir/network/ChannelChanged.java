package org.comptoir.network;

import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.events.DomainEvent;

/** A sales channel was created or changed (its locations, activation). */
public record ChannelChanged(UUID eventId, Instant occurredAt, String channelCode, boolean created)
        implements DomainEvent {

    @Override
    public String eventType() {
        return created ? "network.channel.created" : "network.channel.updated";
    }

    @Override
    public String subject() {
        return channelCode;
    }
}
