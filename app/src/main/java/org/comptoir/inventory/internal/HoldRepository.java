package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.Hold.HOLD;
import static org.comptoir.inventory.internal.db.tables.HoldLine.HOLD_LINE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.comptoir.inventory.internal.db.tables.records.HoldRecord;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class HoldRepository {

    private final DSLContext db;
    /** Every order and cart holds stock: these two inserts are rendered once. */
    private final RenderedSql insertHold;
    private final RenderedSql insertLine;

    HoldRepository(DSLContext db) {
        this.db = db;
        this.insertHold = RenderedSql.insert(db, HOLD, HOLD.ID, HOLD.KIND, HOLD.REFERENCE, HOLD.CHANNEL_CODE,
                HOLD.STATUS, HOLD.EXPIRES_AT, HOLD.NOTE, HOLD.CREATED_BY, HOLD.CREATED_AT);
        this.insertLine = RenderedSql.insert(db, HOLD_LINE, HOLD_LINE.HOLD_ID, HOLD_LINE.LOCATION_CODE,
                HOLD_LINE.SKU, HOLD_LINE.QUANTITY, HOLD_LINE.FENCED, HOLD_LINE.NETWORK_FENCED);
    }

    /** Inserts the hold, with the caller's statements in the same round trip. */
    void insert(Hold hold, Consumer<RenderedSql.Together> alsoSend) {
        var together = insertWith(RenderedSql.together(db), hold);
        alsoSend.accept(together);
        together.execute();
    }

    /** Adds the hold's inserts to statements sent together (see {@link BalanceRepository#reserve}). */
    RenderedSql.Together insertWith(RenderedSql.Together together, Hold hold) {
        return together
                .add(insertHold, hold.id(), hold.kind().name(), hold.reference(), hold.channelCode(),
                        hold.status().name(), hold.expiresAt(), hold.note(), hold.createdBy(), hold.createdAt())
                .addRows(insertLine, hold.lines().stream().map(line -> new Object[] {hold.id(), line.locationCode(),
                        line.sku(), line.quantity(), line.fenced(), line.networkFenced()}).toList());
    }

    Optional<Hold> find(UUID id) {
        return db.selectFrom(HOLD).where(HOLD.ID.eq(id)).fetchOptional().map(this::withLines);
    }

    /**
     * Moves an active hold to its final status; false when it was no longer active (another request
     * or node closed it first), which makes closing a hold happen exactly once.
     */
    boolean close(UUID id, Hold.Status status, Instant now) {
        return db.update(HOLD).set(HOLD.STATUS, status.name()).set(HOLD.CLOSED_AT, now)
                .where(HOLD.ID.eq(id), HOLD.STATUS.eq(Hold.Status.ACTIVE.name()))
                .execute() == 1;
    }

    /** Locks an active hold's row; false when the hold is not active (or does not exist). */
    boolean lockActive(UUID id) {
        return db.select(HOLD.ID).from(HOLD).where(HOLD.ID.eq(id), HOLD.STATUS.eq(Hold.Status.ACTIVE.name()))
                .forUpdate().fetchOptional().isPresent();
    }

    /** Takes part of a line back; the caller holds the hold's row lock. */
    void reduceLine(UUID id, Hold.Line line, int quantity, int fenced, int networkFenced) {
        db.update(HOLD_LINE).set(HOLD_LINE.QUANTITY, HOLD_LINE.QUANTITY.minus(quantity))
                .set(HOLD_LINE.FENCED, HOLD_LINE.FENCED.minus(fenced))
                .set(HOLD_LINE.NETWORK_FENCED, HOLD_LINE.NETWORK_FENCED.minus(networkFenced))
                .where(HOLD_LINE.HOLD_ID.eq(id), HOLD_LINE.LOCATION_CODE.eq(line.locationCode()),
                        HOLD_LINE.SKU.eq(line.sku()))
                .execute();
    }

    List<UUID> expiredActive(Instant now, int limit) {
        return db.select(HOLD.ID).from(HOLD)
                .where(HOLD.STATUS.eq(Hold.Status.ACTIVE.name()), HOLD.EXPIRES_AT.le(now))
                .orderBy(HOLD.EXPIRES_AT).limit(limit).fetch(HOLD.ID);
    }

    private Hold withLines(HoldRecord r) {
        List<Hold.Line> lines = db.selectFrom(HOLD_LINE).where(HOLD_LINE.HOLD_ID.eq(r.getId()))
                .orderBy(HOLD_LINE.LOCATION_CODE, HOLD_LINE.SKU)
                .fetch(l -> new Hold.Line(l.getLocationCode(), l.getSku(), l.getQuantity(), l.getFenced(),
                        l.getNetworkFenced()));
        return new Hold(r.getId(), Hold.Kind.valueOf(r.getKind()), r.getReference(), r.getChannelCode(),
                Hold.Status.valueOf(r.getStatus()), r.getExpiresAt(), r.getNote(), r.getCreatedBy(), r.getCreatedAt(),
                r.getClosedAt(), lines, r.getHolder());
    }

    void holder(UUID id, String holder, String address) {
        db.update(HOLD).set(HOLD.HOLDER, holder).set(HOLD.HOLDER_ADDRESS, address).where(HOLD.ID.eq(id)).execute();
    }

    /** Active holds a storefront placed from one address, or for one reference (a cart) on a channel. */
    int activeFrom(String address) {
        return db.fetchCount(HOLD, HOLD.HOLDER_ADDRESS.eq(address), HOLD.STATUS.eq(Hold.Status.ACTIVE.name()));
    }

    int activeOfReference(String channelCode, String reference) {
        return db.fetchCount(HOLD, HOLD.CHANNEL_CODE.eq(channelCode), HOLD.REFERENCE.eq(reference),
                HOLD.HOLDER.isNotNull(), HOLD.STATUS.eq(Hold.Status.ACTIVE.name()));
    }
}
