package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.ChannelBuffer.CHANNEL_BUFFER;

import java.util.Map;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units each channel is shown below the real availability, per location (show the marketplace
 * 2 fewer than there are). Read on every availability request, so kept in a {@link Snapshot}.
 */
@Component
class ChannelBuffers {

    private final DSLContext db;
    private final Snapshot<Map<String, Integer>> buffers;

    ChannelBuffers(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.buffers = new Snapshot<>(topics, "inventory.channel-buffers",
                () -> Map.copyOf(db.selectFrom(CHANNEL_BUFFER)
                        .fetchMap(CHANNEL_BUFFER.CHANNEL_CODE, CHANNEL_BUFFER.QUANTITY)));
    }

    int of(String channelCode) {
        return channelCode == null ? 0 : buffers.get().getOrDefault(channelCode, 0);
    }

    @Transactional
    void set(String channelCode, int quantity) {
        buffers.changed();
        db.insertInto(CHANNEL_BUFFER).set(CHANNEL_BUFFER.CHANNEL_CODE, channelCode)
                .set(CHANNEL_BUFFER.QUANTITY, quantity)
                .onConflict(CHANNEL_BUFFER.CHANNEL_CODE).doUpdate().set(CHANNEL_BUFFER.QUANTITY, quantity)
                .execute();
    }
}
