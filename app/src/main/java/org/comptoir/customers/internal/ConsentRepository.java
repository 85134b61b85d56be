package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.ConsentEntry.CONSENT_ENTRY;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Purpose;
import org.comptoir.customers.internal.db.tables.records.ConsentEntryRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The consent ledger: entries are only ever added; the newest per channel and purpose is in force. */
@Repository
class ConsentRepository implements OwnedRows {

    enum Status {
        GRANTED,
        PENDING,
        WITHDRAWN
    }

    /** One entry: what was said, through which channel and form, with which wording, confirmed when. */
    record Entry(UUID id, UUID customerId, ContactChannel channel, Purpose purpose, Status status, String viaChannel,
            String form, String wordingVersion, String recordedBy, Instant recordedAt, Instant confirmedAt) {}

    private final DSLContext db;

    ConsentRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Entry e, UUID originId, String tokenHash) {
        db.insertInto(CONSENT_ENTRY).set(CONSENT_ENTRY.ID, e.id()).set(CONSENT_ENTRY.CUSTOMER_ID, e.customerId())
                .set(CONSENT_ENTRY.ORIGIN_CUSTOMER_ID, originId).set(CONSENT_ENTRY.CHANNEL, e.channel().name())
                .set(CONSENT_ENTRY.PURPOSE, e.purpose().name()).set(CONSENT_ENTRY.STATUS, e.status().name())
                .set(CONSENT_ENTRY.VIA_CHANNEL, e.viaChannel()).set(CONSENT_ENTRY.FORM, e.form())
                .set(CONSENT_ENTRY.WORDING_VERSION, e.wordingVersion()).set(CONSENT_ENTRY.TOKEN_HASH, tokenHash)
                .set(CONSENT_ENTRY.RECORDED_BY, e.recordedBy()).set(CONSENT_ENTRY.RECORDED_AT, e.recordedAt())
                .set(CONSENT_ENTRY.CONFIRMED_AT, e.confirmedAt()).execute();
    }

    /** The whole ledger of a profile, oldest first. */
    List<Entry> ledger(UUID customerId) {
        return db.selectFrom(CONSENT_ENTRY).where(CONSENT_ENTRY.CUSTOMER_ID.eq(customerId))
                .orderBy(CONSENT_ENTRY.RECORDED_AT, CONSENT_ENTRY.ID).fetch(ConsentRepository::entry);
    }

    /** The entry in force per (channel, purpose). */
    Map<String, Entry> current(UUID customerId) {
        Map<String, Entry> current = new LinkedHashMap<>();
        ledger(customerId).forEach(e -> current.put(e.channel() + "/" + e.purpose(), e));
        return current;
    }

    Optional<Entry> current(UUID customerId, ContactChannel channel, Purpose purpose) {
        return db.selectFrom(CONSENT_ENTRY).where(CONSENT_ENTRY.CUSTOMER_ID.eq(customerId),
                        CONSENT_ENTRY.CHANNEL.eq(channel.name()), CONSENT_ENTRY.PURPOSE.eq(purpose.name()))
                .orderBy(CONSENT_ENTRY.RECORDED_AT.desc(), CONSENT_ENTRY.ID.desc()).limit(1)
                .fetchOptional(ConsentRepository::entry);
    }

    Optional<Entry> byToken(String tokenHash) {
        return db.selectFrom(CONSENT_ENTRY).where(CONSENT_ENTRY.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(ConsentRepository::entry);
    }

    /** Erasure: the ledger stays (proof of what was asked) without its confirmation tokens. */
    void forgetTokens(Collection<UUID> customerIds) {
        db.update(CONSENT_ENTRY).setNull(CONSENT_ENTRY.TOKEN_HASH).where(CONSENT_ENTRY.CUSTOMER_ID.in(customerIds))
                .execute();
    }

    @Override
    public void move(UUID from, UUID to) {
        db.update(CONSENT_ENTRY).set(CONSENT_ENTRY.CUSTOMER_ID, to).where(CONSENT_ENTRY.CUSTOMER_ID.eq(from)).execute();
    }

    @Override
    public void giveBack(Collection<UUID> origins, UUID to) {
        db.update(CONSENT_ENTRY).set(CONSENT_ENTRY.CUSTOMER_ID, to).where(CONSENT_ENTRY.ORIGIN_CUSTOMER_ID.in(origins))
                .execute();
    }

    private static Entry entry(ConsentEntryRecord r) {
        return new Entry(r.getId(), r.getCustomerId(), ContactChannel.valueOf(r.getChannel()),
                Purpose.valueOf(r.getPurpose()), Status.valueOf(r.getStatus()), r.getViaChannel(), r.getForm(),
                r.getWordingVersion(), r.getRecordedBy(), r.getRecordedAt(), r.getConfirmedAt());
    }
}
