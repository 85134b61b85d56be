package org.comptoir.network.internal;

import static org.comptoir.network.internal.db.tables.ChannelLocation.CHANNEL_LOCATION;
import static org.comptoir.network.internal.db.tables.Location.LOCATION;
import static org.comptoir.network.internal.db.tables.PublishableKey.PUBLISHABLE_KEY;
import static org.comptoir.network.internal.db.tables.SalesChannel.SALES_CHANNEL;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.network.ChannelType;
import org.comptoir.network.internal.db.tables.records.SalesChannelRecord;
import org.comptoir.platform.web.PageRequest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository {

    /** A publishable key as listed (never its secret). */
    record KeyInfo(UUID id, String prefix, Instant createdAt, Instant revokedAt) {}

    /** The active key a storefront presented, and the channel it acts for. */
    record KeyOwner(UUID keyId, String channelCode) {}

    private final DSLContext db;

    ChannelRepository(DSLContext db) {
        this.db = db;
    }

    boolean exists(String code) {
        return db.fetchExists(SALES_CHANNEL, SALES_CHANNEL.CODE.eq(code));
    }

    Optional<Channel> find(String code) {
        return db.selectFrom(SALES_CHANNEL).where(SALES_CHANNEL.CODE.eq(code)).fetchOptional()
                .map(r -> withLocations(List.of(r)).getFirst());
    }

    List<Channel> list(PageRequest page) {
        return withLocations(db.selectFrom(SALES_CHANNEL)
                .where(page.after().map(SALES_CHANNEL.CODE::gt).orElse(DSL.noCondition()))
                .orderBy(SALES_CHANNEL.CODE).limit(page.limit() + 1).fetch());
    }

    /** Every channel (a retailer has a handful). */
    List<Channel> all() {
        return withLocations(db.selectFrom(SALES_CHANNEL).orderBy(SALES_CHANNEL.CODE).fetch());
    }

    /** The location ids of the given codes; codes that do not exist are absent from the map. */
    Map<String, UUID> locationIds(Collection<String> codes) {
        return db.select(LOCATION.CODE, LOCATION.ID).from(LOCATION).where(LOCATION.CODE.in(codes))
                .fetchMap(LOCATION.CODE, LOCATION.ID);
    }

    void insert(Channel channel, Collection<UUID> locationIds, Instant now) {
        db.insertInto(SALES_CHANNEL)
                .set(SALES_CHANNEL.ID, channel.id())
                .set(SALES_CHANNEL.CODE, channel.code())
                .set(SALES_CHANNEL.NAME, channel.name())
                .set(SALES_CHANNEL.TYPE, channel.type().name())
                .set(SALES_CHANNEL.CURRENCY, channel.currency())
                .set(SALES_CHANNEL.ACTIVE, channel.active())
                .set(SALES_CHANNEL.PAYMENT_PROVIDERS, String.join(",", channel.paymentProviders()))
                .set(SALES_CHANNEL.VERSION, channel.version())
                .set(SALES_CHANNEL.CREATED_AT, now)
                .set(SALES_CHANNEL.UPDATED_AT, now)
                .execute();
        insertLocations(channel.id(), locationIds);
    }

    boolean update(Channel channel, Collection<UUID> locationIds, int expectedVersion, Instant now) {
        int updated = db.update(SALES_CHANNEL)
                .set(SALES_CHANNEL.NAME, channel.name())
                .set(SALES_CHANNEL.TYPE, channel.type().name())
                .set(SALES_CHANNEL.CURRENCY, channel.currency())
                .set(SALES_CHANNEL.ACTIVE, channel.active())
                .set(SALES_CHANNEL.PAYMENT_PROVIDERS, String.join(",", channel.paymentProviders()))
                .set(SALES_CHANNEL.VERSION, channel.version())
                .set(SALES_CHANNEL.UPDATED_AT, now)
                .where(SALES_CHANNEL.ID.eq(channel.id()), SALES_CHANNEL.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            return false;
        }
        db.deleteFrom(CHANNEL_LOCATION).where(CHANNEL_LOCATION.CHANNEL_ID.eq(channel.id())).execute();
        insertLocations(channel.id(), locationIds);
        return true;
    }

    private void insertLocations(UUID channelId, Collection<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return;
        }
        var insert = db.insertInto(CHANNEL_LOCATION, CHANNEL_LOCATION.CHANNEL_ID, CHANNEL_LOCATION.LOCATION_ID);
        for (UUID locationId : locationIds) {
            insert = insert.values(channelId, locationId);
        }
        insert.execute();
    }

    void insertKey(UUID id, UUID channelId, String prefix, String hash, Instant now) {
        db.insertInto(PUBLISHABLE_KEY)
                .set(PUBLISHABLE_KEY.ID, id)
                .set(PUBLISHABLE_KEY.CHANNEL_ID, channelId)
                .set(PUBLISHABLE_KEY.PREFIX, prefix)
                .set(PUBLISHABLE_KEY.KEY_HASH, hash)
                .set(PUBLISHABLE_KEY.CREATED_AT, now)
                .execute();
    }

    List<KeyInfo> keys(UUID channelId) {
        return db.selectFrom(PUBLISHABLE_KEY).where(PUBLISHABLE_KEY.CHANNEL_ID.eq(channelId))
                .orderBy(PUBLISHABLE_KEY.ID)
                .fetch(r -> new KeyInfo(r.getId(), r.getPrefix(), r.getCreatedAt(), r.getRevokedAt()));
    }

    boolean revokeKey(UUID channelId, UUID keyId, Instant now) {
        return db.update(PUBLISHABLE_KEY).set(PUBLISHABLE_KEY.REVOKED_AT, DSL.coalesce(PUBLISHABLE_KEY.REVOKED_AT,
                        DSL.val(now)))
                .where(PUBLISHABLE_KEY.ID.eq(keyId), PUBLISHABLE_KEY.CHANNEL_ID.eq(channelId))
                .execute() == 1;
    }

    /** The channel code of an active key of an active channel. */
    Optional<KeyOwner> channelOfKey(String hash) {
        return db.select(PUBLISHABLE_KEY.ID, SALES_CHANNEL.CODE).from(PUBLISHABLE_KEY)
                .join(SALES_CHANNEL).on(SALES_CHANNEL.ID.eq(PUBLISHABLE_KEY.CHANNEL_ID))
                .where(PUBLISHABLE_KEY.KEY_HASH.eq(hash), PUBLISHABLE_KEY.REVOKED_AT.isNull(),
                        SALES_CHANNEL.ACTIVE.isTrue())
                .fetchOptional(r -> new KeyOwner(r.value1(), r.value2()));
    }

    private List<Channel> withLocations(List<SalesChannelRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<String>> codes = new HashMap<>();
        db.select(CHANNEL_LOCATION.CHANNEL_ID, LOCATION.CODE).from(CHANNEL_LOCATION)
                .join(LOCATION).on(LOCATION.ID.eq(CHANNEL_LOCATION.LOCATION_ID))
                .where(CHANNEL_LOCATION.CHANNEL_ID.in(records.stream().map(SalesChannelRecord::getId).toList()))
                .forEach(r -> codes.computeIfAbsent(r.value1(), id -> new TreeSet<>()).add(r.value2()));
        return records.stream().map(r -> new Channel(r.getId(), r.getCode(), r.getName(),
                ChannelType.valueOf(r.getType()), r.getCurrency(), r.getActive(),
                codes.getOrDefault(r.getId(), Set.of()), providers(r.getPaymentProviders()), r.getVersion())).toList();
    }

    private static Set<String> providers(String stored) {
        return stored == null || stored.isBlank() ? Set.of() : new TreeSet<>(List.of(stored.split(",")));
    }
}
