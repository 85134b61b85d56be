package org.comptoir.shoppers.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.customers.Customers;
import org.comptoir.customers.Shopper;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.CallerCache;
import org.comptoir.platform.security.CredentialResolver;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs shoppers in and resolves their customer tokens ({@code ct_…}) into callers: a storefront of
 * the channel they signed in on, acting for their customer profile, with the references that profile's
 * orders and carts name it by and its price group. A wrong code or password is counted in a
 * transaction of its own (the refusal rolls the rest back): five wrong guesses spend a code, five
 * wrong passwords lock the account for a while. Unknown addresses and wrong passwords are refused
 * alike, in the same time.
 */
@Service
class ShopperSignIn implements CredentialResolver {

    static final String PREFIX = "ct_";

    /** A session just opened: its token, shown once. */
    record Opened(String token, Instant expiresAt, UUID customerId) {}

    private final AccountRepository accounts;
    private final Customers customers;
    private final ShoppersSettings settings;
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked against when there is no password to check, so that refusals take the same time. */
    private final String decoy;
    private final TransactionTemplate ownTransaction;
    private final CallerCache cache;
    private final Clock clock;

    ShopperSignIn(AccountRepository accounts, Customers customers, ShoppersSettings settings,
            PlatformTransactionManager transactions, Clock clock, CacheTopics topics) {
        this.accounts = accounts;
        this.customers = customers;
        this.settings = settings;
        this.decoy = passwords.encode(UUID.randomUUID().toString());
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cache = new CallerCache(topics, "shoppers.sessions", Duration.ofSeconds(5), clock);
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        return cache.get(SecretTokens.hash(token), hash -> accounts.session(hash, clock.instant()).flatMap(this::caller));
    }

    private Optional<Caller> caller(AccountRepository.SessionOf session) {
        return customers.resolve(session.account().profileId().toString()).map(customer -> {
            String group = customers.shopper(customer).map(Shopper::customerGroup).orElse(null);
            return new Caller("shopper:" + session.account().id(), "shopper", Set.of(Role.STOREFRONT),
                    Optional.empty(), Optional.of(session.channelCode()), Optional.of(customer),
                    customers.references(customer), Optional.ofNullable(group), Set.of());
        });
    }

    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String codeHash(String email, String code) {
        return SecretTokens.sha256Hex((email + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in with the code last sent to the address: the account (and profile) made on first use. */
    @Transactional
    Opened withCode(String email, String code, Caller storefront) {
        String address = normalised(email);
        String channel = storefront.channelCode().orElseThrow();
        Instant now = clock.instant();
        var sent = accounts.usableCode(address, channel, settings.codeAttempts(), now).orElseThrow(this::refused);
        if (!MessageDigest.isEqual(sent.codeHash().getBytes(StandardCharsets.US_ASCII),
                codeHash(address, code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            ownTransaction.executeWithoutResult(status -> accounts.wrongCode(sent.id()));
            throw refused();
        }
        if (!accounts.useCode(sent.id(), now)) {
            throw refused();
        }
        UUID profile = customers.signIn(address, channel);
        Account account = accounts.byEmail(address).map(existing -> {
            if (!existing.profileId().equals(profile)) {
                accounts.profile(existing.id(), profile, now);
            }
            return existing;
        }).orElseGet(() -> {
            Account fresh = new Account(Ids.newId(), address, profile, null, 0, null);
            accounts.insert(fresh, now);
            return fresh;
        });
        accounts.signedIn(account.id(), now);
        return open(account, channel, now);
    }

    /** Signs in with the password the shopper set. */
    @Transactional
    Opened withPassword(String email, String password, Caller storefront) {
        String channel = storefront.channelCode().orElseThrow();
        Instant now = clock.instant();
        Optional<Account> found = accounts.byEmail(normalised(email)).filter(a -> a.passwordHash() != null);
        if (found.isEmpty()) {
            passwords.matches(password, decoy);
            throw refused();
        }
        Account account = found.get();
        if (account.locked(now)) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "account-locked", "Account locked",
                    "Too many wrong passwords: sign in with a code sent by email, or try again later")
                    .with("retryAfter", account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            ownTransaction.executeWithoutResult(status -> accounts.failedPassword(account.id(),
                    settings.passwordAttempts(), now.plus(settings.lockout()), now));
            throw refused();
        }
        accounts.signedIn(account.id(), now);
        return open(account, channel, now);
    }

    private Opened open(Account account, String channel, Instant now) {
        String token = SecretTokens.generate(PREFIX);
        Instant expiresAt = now.plus(settings.sessionTtl());
        accounts.openSession(Ids.newId(), SecretTokens.hash(token), account.id(), channel, now, expiresAt);
        return new Opened(token, expiresAt, customers.resolve(account.profileId().toString())
                .orElse(account.profileId()));
    }

    /** Ends the session of the token the request presented. */
    @Transactional
    void signOut(String token) {
        accounts.session(SecretTokens.hash(token), clock.instant())
                .ifPresent(session -> accounts.revoke(session.sessionId(), clock.instant()));
        cache.clear();
    }

    /** Sets the signed-in shopper's password (they proved their address to sign in). */
    @Transactional
    void setPassword(Caller shopper, String password) {
        UUID accountId = accountOf(shopper);
        if (password.length() < 10 || password.isBlank()) {
            throw ApiProblem.invalid("password", "must have at least 10 characters");
        }
        accounts.password(accountId, passwords.encode(password), clock.instant());
    }

    static UUID accountOf(Caller shopper) {
        if (shopper.customerId().isEmpty() || !shopper.id().startsWith("shopper:")) {
            throw ApiProblem.forbidden("Sign in first: this needs a customer token");
        }
        return UUID.fromString(shopper.id().substring("shopper:".length()));
    }

    private ApiProblem refused() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Not signed in",
                "The address and code or password do not match");
    }
}
