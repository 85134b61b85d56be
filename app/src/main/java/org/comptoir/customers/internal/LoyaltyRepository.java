package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.LoyaltyAccount.LOYALTY_ACCOUNT;
import static org.comptoir.customers.internal.db.tables.LoyaltyEntry.LOYALTY_ENTRY;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.customers.internal.db.tables.records.LoyaltyEntryRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Loyalty accounts and the points ledger. */
@Repository
class LoyaltyRepository implements OwnedRows {

    enum Kind {
        EARN,
        REDEEM,
        GIVEBACK,
        REVERSE,
        EXPIRE,
        ADJUST
    }

    record Account(UUID customerId, String cardNumber, String tier, long balance, Instant enrolledAt, int version) {}

    /** A ledger entry: points earned (or given) keep what is left of them until spent or expired. */
    record Entry(UUID id, UUID customerId, Kind kind, long points, long remaining, Instant expiresAt,
            String reference, String reason, String recordedBy, Instant recordedAt) {}

    private final DSLContext db;

    LoyaltyRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Account a) {
        db.insertInto(LOYALTY_ACCOUNT).set(LOYALTY_ACCOUNT.CUSTOMER_ID, a.customerId())
                .set(LOYALTY_ACCOUNT.CARD_NUMBER, a.cardNumber()).set(LOYALTY_ACCOUNT.TIER, a.tier())
                .set(LOYALTY_ACCOUNT.BALANCE, a.balance()).set(LOYALTY_ACCOUNT.ENROLLED_AT, a.enrolledAt())
                .set(LOYALTY_ACCOUNT.VERSION, a.version()).execute();
    }

    Optional<Account> account(UUID customerId, boolean lock) {
        var query = db.selectFrom(LOYALTY_ACCOUNT).where(LOYALTY_ACCOUNT.CUSTOMER_ID.eq(customerId));
        return (lock ? query.forUpdate().fetchOptional() : query.fetchOptional()).map(r -> new Account(
                r.getCustomerId(), r.getCardNumber(), r.getTier(), r.getBalance(), r.getEnrolledAt(), r.getVersion()));
    }

    Optional<Account> byCard(String cardNumber) {
        return db.selectFrom(LOYALTY_ACCOUNT).where(LOYALTY_ACCOUNT.CARD_NUMBER.eq(cardNumber))
                .fetchOptional(r -> new Account(r.getCustomerId(), r.getCardNumber(), r.getTier(), r.getBalance(),
                        r.getEnrolledAt(), r.getVersion()));
    }

    /** Recomputes the cached balance from the ledger and sets the tier. */
    void settle(UUID customerId, String tier) {
        long balance = balanceOf(customerId);
        db.update(LOYALTY_ACCOUNT).set(LOYALTY_ACCOUNT.BALANCE, balance).set(LOYALTY_ACCOUNT.TIER, tier)
                .set(LOYALTY_ACCOUNT.VERSION, LOYALTY_ACCOUNT.VERSION.plus(1))
                .where(LOYALTY_ACCOUNT.CUSTOMER_ID.eq(customerId)).execute();
    }

    long balanceOf(UUID customerId) {
        Long sum = db.select(DSL.sum(LOYALTY_ENTRY.REMAINING).cast(Long.class)).from(LOYALTY_ENTRY)
                .where(LOYALTY_ENTRY.CUSTOMER_ID.eq(customerId), LOYALTY_ENTRY.REMAINING.gt(0L)).fetchOne().value1();
        return sum == null ? 0 : sum;
    }

    /** Points earned over a period (tiers qualify on them). */
    long earnedSince(UUID customerId, Instant since) {
        Long sum = db.select(DSL.sum(LOYALTY_ENTRY.POINTS).cast(Long.class)).from(LOYALTY_ENTRY)
                .where(LOYALTY_ENTRY.CUSTOMER_ID.eq(customerId), LOYALTY_ENTRY.KIND.in(Kind.EARN.name(),
                        Kind.REVERSE.name()), LOYALTY_ENTRY.RECORDED_AT.ge(since)).fetchOne().value1();
        return sum == null ? 0 : sum;
    }

    /** Inserts the entry unless one of its kind exists for the same reference; true when inserted. */
    boolean insert(Entry e) {
        return db.insertInto(LOYALTY_ENTRY).set(LOYALTY_ENTRY.ID, e.id()).set(LOYALTY_ENTRY.CUSTOMER_ID, e.customerId())
                .set(LOYALTY_ENTRY.ORIGIN_CUSTOMER_ID, e.customerId()).set(LOYALTY_ENTRY.KIND, e.kind().name())
                .set(LOYALTY_ENTRY.POINTS, e.points()).set(LOYALTY_ENTRY.REMAINING, e.remaining())
                .set(LOYALTY_ENTRY.EXPIRES_AT, e.expiresAt()).set(LOYALTY_ENTRY.REFERENCE, e.reference())
                .set(LOYALTY_ENTRY.REASON, e.reason()).set(LOYALTY_ENTRY.RECORDED_BY, e.recordedBy())
                .set(LOYALTY_ENTRY.RECORDED_AT, e.recordedAt()).onConflictDoNothing().execute() == 1;
    }

    Optional<Entry> entry(Kind kind, String reference) {
        return db.selectFrom(LOYALTY_ENTRY).where(LOYALTY_ENTRY.KIND.eq(kind.name()),
                LOYALTY_ENTRY.REFERENCE.eq(reference)).fetchOptional(LoyaltyRepository::entry);
    }

    /** Points still to spend, the soonest to expire first (spent first), locked. */
    List<Entry> spendable(UUID customerId) {
        return db.selectFrom(LOYALTY_ENTRY).where(LOYALTY_ENTRY.CUSTOMER_ID.eq(customerId),
                        LOYALTY_ENTRY.REMAINING.gt(0L))
                .orderBy(LOYALTY_ENTRY.EXPIRES_AT.asc().nullsLast(), LOYALTY_ENTRY.RECORDED_AT, LOYALTY_ENTRY.ID)
                .forUpdate().fetch(LoyaltyRepository::entry);
    }

    void remaining(UUID entryId, long remaining) {
        db.update(LOYALTY_ENTRY).set(LOYALTY_ENTRY.REMAINING, remaining).where(LOYALTY_ENTRY.ID.eq(entryId)).execute();
    }

    List<Entry> ledger(UUID customerId, int limit) {
        return db.selectFrom(LOYALTY_ENTRY).where(LOYALTY_ENTRY.CUSTOMER_ID.eq(customerId))
                .orderBy(LOYALTY_ENTRY.RECORDED_AT.desc(), LOYALTY_ENTRY.ID.desc()).limit(limit)
                .fetch(LoyaltyRepository::entry);
    }

    /** Earned points past their date with something left. */
    List<Entry> expired(Instant now, int limit) {
        return db.selectFrom(LOYALTY_ENTRY).where(LOYALTY_ENTRY.EXPIRES_AT.le(now), LOYALTY_ENTRY.REMAINING.gt(0L))
                .orderBy(LOYALTY_ENTRY.EXPIRES_AT).limit(limit).fetch(LoyaltyRepository::entry);
    }

    /** The account moves with a merge when the survivor has none (two cards never merge). */
    void moveAccount(UUID from, UUID to) {
        db.update(LOYALTY_ACCOUNT).set(LOYALTY_ACCOUNT.CUSTOMER_ID, to).where(LOYALTY_ACCOUNT.CUSTOMER_ID.eq(from))
                .execute();
    }

    /** Erasure: the card number is personal; the account and its amounts stay under a neutral number. */
    void forgetCard(UUID customerId) {
        db.update(LOYALTY_ACCOUNT).set(LOYALTY_ACCOUNT.CARD_NUMBER, "ERASED-" + customerId)
                .where(LOYALTY_ACCOUNT.CUSTOMER_ID.eq(customerId)).execute();
    }

    @Override
    public void move(UUID from, UUID to) {
        db.update(LOYALTY_ENTRY).set(LOYALTY_ENTRY.CUSTOMER_ID, to).where(LOYALTY_ENTRY.CUSTOMER_ID.eq(from)).execute();
    }

    @Override
    public void giveBack(Collection<UUID> origins, UUID to) {
        db.update(LOYALTY_ENTRY).set(LOYALTY_ENTRY.CUSTOMER_ID, to).where(LOYALTY_ENTRY.ORIGIN_CUSTOMER_ID.in(origins))
                .execute();
    }

    private static Entry entry(LoyaltyEntryRecord r) {
        return new Entry(r.getId(), r.getCustomerId(), Kind.valueOf(r.getKind()), r.getPoints(), r.getRemaining(),
                r.getExpiresAt(), r.getReference(), r.getReason(), r.getRecordedBy(), r.getRecordedAt());
    }
}
