package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.ChannelBuffer.CHANNEL_BUFFER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units each channel is shown below the real availability, per location (show the marketplace
 * 2 fewer than there are). Read on every availability request, so kept in memory and refreshed
 * on change and every few seconds (other nodes' changes).
 */
@Component
class ChannelBuffers {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Snapshot(Map<String, Integer> buffers, Instant loadedAt) {}

    private final DSLContext db;
    private final Clock clock;
    private volatile Snapshot snapshot;

    ChannelBuffers(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    int of(String channelCode) {
        if (channelCode == null) {
            return 0;
        }
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            current = new Snapshot(Map.copyOf(db.selectFrom(CHANNEL_BUFFER)
                    .fetchMap(CHANNEL_BUFFER.CHANNEL_CODE, CHANNEL_BUFFER.QUANTITY)), clock.instant());
            snapshot = current;
        }
        return current.buffers().getOrDefault(channelCode, 0);
    }

    @Transactional
    void set(String channelCode, int quantity) {
        db.insertInto(CHANNEL_BUFFER).set(CHANNEL_BUFFER.CHANNEL_CODE, channelCode)
                .set(CHANNEL_BUFFER.QUANTITY, quantity)
                .onConflict(CHANNEL_BUFFER.CHANNEL_CODE).doUpdate().set(CHANNEL_BUFFER.QUANTITY, quantity)
                .execute();
        snapshot = null;
    }
}
