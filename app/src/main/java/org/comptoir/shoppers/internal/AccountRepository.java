package org.comptoir.shoppers.internal;

import static org.comptoir.shoppers.internal.db.tables.Account.ACCOUNT;
import static org.comptoir.shoppers.internal.db.tables.Session.SESSION;
import static org.comptoir.shoppers.internal.db.tables.SignInCode.SIGN_IN_CODE;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.shoppers.internal.db.tables.records.AccountRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    /** An open session: whose it is, on which channel. */
    record SessionOf(UUID sessionId, Account account, String channelCode, Instant expiresAt) {}

    /** A sign-in code as stored: only its hash. */
    record Code(UUID id, String codeHash, int attempts, Instant expiresAt) {}

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Account> byEmail(String email) {
        return db.selectFrom(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchOptional(AccountRepository::toAccount);
    }

    Optional<Account> find(UUID id) {
        return db.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional(AccountRepository::toAccount);
    }

    void insert(Account account, Instant now) {
        db.insertInto(ACCOUNT).set(ACCOUNT.ID, account.id()).set(ACCOUNT.EMAIL, account.email())
                .set(ACCOUNT.PROFILE_ID, account.profileId()).set(ACCOUNT.PASSWORD_HASH, account.passwordHash())
                .set(ACCOUNT.CREATED_AT, now).set(ACCOUNT.UPDATED_AT, now).execute();
    }

    void profile(UUID accountId, UUID profileId, Instant now) {
        db.update(ACCOUNT).set(ACCOUNT.PROFILE_ID, profileId).set(ACCOUNT.UPDATED_AT, now)
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    void password(UUID accountId, String hash, Instant now) {
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, hash).set(ACCOUNT.UPDATED_AT, now)
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /** A wrong password: counted, and the account locked until {@code lockUntil} when it is one too many. */
    void failedPassword(UUID accountId, int maxAttempts, Instant lockUntil, Instant now) {
        db.update(ACCOUNT).set(ACCOUNT.FAILED_ATTEMPTS, ACCOUNT.FAILED_ATTEMPTS.plus(1))
                .set(ACCOUNT.LOCKED_UNTIL, org.jooq.impl.DSL.when(ACCOUNT.FAILED_ATTEMPTS.plus(1).ge(maxAttempts),
                        org.jooq.impl.DSL.val(lockUntil)).otherwise(ACCOUNT.LOCKED_UNTIL))
                .set(ACCOUNT.UPDATED_AT, now).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    void signedIn(UUID accountId, Instant now) {
        db.update(ACCOUNT).set(ACCOUNT.FAILED_ATTEMPTS, 0).set(ACCOUNT.LOCKED_UNTIL, (Instant) null)
                .set(ACCOUNT.UPDATED_AT, now).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    void openSession(UUID id, String tokenHash, UUID accountId, String channelCode, Instant now, Instant expiresAt) {
        db.insertInto(SESSION).set(SESSION.ID, id).set(SESSION.TOKEN_HASH, tokenHash).set(SESSION.ACCOUNT_ID, accountId)
                .set(SESSION.CHANNEL_CODE, channelCode).set(SESSION.CREATED_AT, now).set(SESSION.EXPIRES_AT, expiresAt)
                .execute();
    }

    Optional<SessionOf> session(String tokenHash, Instant now) {
        return db.select(SESSION.ID, SESSION.CHANNEL_CODE, SESSION.EXPIRES_AT, ACCOUNT.ID, ACCOUNT.EMAIL,
                        ACCOUNT.PROFILE_ID, ACCOUNT.PASSWORD_HASH, ACCOUNT.FAILED_ATTEMPTS, ACCOUNT.LOCKED_UNTIL)
                .from(SESSION).join(ACCOUNT).on(ACCOUNT.ID.eq(SESSION.ACCOUNT_ID))
                .where(SESSION.TOKEN_HASH.eq(tokenHash), SESSION.REVOKED_AT.isNull(), SESSION.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new SessionOf(r.value1(), new Account(r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()), r.value2(), r.value3()));
    }

    boolean revoke(UUID sessionId, Instant now) {
        return db.update(SESSION).set(SESSION.REVOKED_AT, now)
                .where(SESSION.ID.eq(sessionId), SESSION.REVOKED_AT.isNull()).execute() == 1;
    }

    void insertCode(UUID id, String email, String codeHash, String channelCode, Instant now, Instant expiresAt) {
        db.insertInto(SIGN_IN_CODE).set(SIGN_IN_CODE.ID, id).set(SIGN_IN_CODE.EMAIL, email)
                .set(SIGN_IN_CODE.CODE_HASH, codeHash).set(SIGN_IN_CODE.CHANNEL_CODE, channelCode)
                .set(SIGN_IN_CODE.CREATED_AT, now).set(SIGN_IN_CODE.EXPIRES_AT, expiresAt).execute();
    }

    int codesSince(String email, Instant since) {
        return db.fetchCount(SIGN_IN_CODE, SIGN_IN_CODE.EMAIL.eq(email), SIGN_IN_CODE.CREATED_AT.gt(since));
    }

    /** The last code sent to the address on the channel, if still usable. */
    Optional<Code> usableCode(String email, String channelCode, int maxAttempts, Instant now) {
        return db.selectFrom(SIGN_IN_CODE)
                .where(SIGN_IN_CODE.EMAIL.eq(email), SIGN_IN_CODE.CHANNEL_CODE.eq(channelCode),
                        SIGN_IN_CODE.USED_AT.isNull(), SIGN_IN_CODE.EXPIRES_AT.gt(now),
                        SIGN_IN_CODE.ATTEMPTS.lt(maxAttempts))
                .orderBy(SIGN_IN_CODE.CREATED_AT.desc()).limit(1)
                .fetchOptional(r -> new Code(r.getId(), r.getCodeHash(), r.getAttempts(), r.getExpiresAt()));
    }

    void wrongCode(UUID codeId) {
        db.update(SIGN_IN_CODE).set(SIGN_IN_CODE.ATTEMPTS, SIGN_IN_CODE.ATTEMPTS.plus(1))
                .where(SIGN_IN_CODE.ID.eq(codeId)).execute();
    }

    /** Spends the code once: false when another request spent it first. */
    boolean useCode(UUID codeId, Instant now) {
        return db.update(SIGN_IN_CODE).set(SIGN_IN_CODE.USED_AT, now)
                .where(SIGN_IN_CODE.ID.eq(codeId), SIGN_IN_CODE.USED_AT.isNull()).execute() == 1;
    }

    List<Account> ofProfiles(Collection<UUID> profileIds) {
        return db.selectFrom(ACCOUNT).where(ACCOUNT.PROFILE_ID.in(profileIds)).fetch(AccountRepository::toAccount);
    }

    int erase(Collection<UUID> accountIds, Collection<String> emails) {
        int erased = db.deleteFrom(SESSION).where(SESSION.ACCOUNT_ID.in(accountIds)).execute();
        erased += db.deleteFrom(SIGN_IN_CODE).where(SIGN_IN_CODE.EMAIL.in(emails)).execute();
        erased += db.deleteFrom(ACCOUNT).where(ACCOUNT.ID.in(accountIds)).execute();
        return erased;
    }

    private static Account toAccount(AccountRecord r) {
        return new Account(r.getId(), r.getEmail(), r.getProfileId(), r.getPasswordHash(), r.getFailedAttempts(),
                r.getLockedUntil());
    }
}
