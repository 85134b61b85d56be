package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.customers.LoyaltyTierChanged;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.LoyaltyPoints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loyalty programme: members known by their card, points earned on purchases from every channel,
 * spent as a discount through the pricing engine (first to expire, first spent), given back when an
 * order is cancelled, expired, adjusted by an agent; tiers reached by the points earned over a year.
 */
@Service
class Loyalty implements LoyaltyPoints {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.customers.sweep-interval:60s}";

    /** A tier and the points earned over the last 365 days that reach it. */
    record Tier(String name, long threshold) {}

    /** A member's account with the start of their ledger. */
    record Membership(LoyaltyRepository.Account account, List<LoyaltyRepository.Entry> ledger,
            String nextTier, long pointsToNextTier) {}

    private static final Duration QUALIFYING = Duration.ofDays(365);

    private final LoyaltyRepository loyalty;
    private final CustomerRepository customers;
    private final Resolution resolution;
    private final Identities identities;
    private final CustomersSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ClusterJobs jobs;
    private final Clock clock;

    Loyalty(LoyaltyRepository loyalty, CustomerRepository customers, Resolution resolution, Identities identities,
            CustomersSettings settings, ApplicationEventPublisher events, TransactionTemplate transaction,
            Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.resolution = resolution;
        this.loyalty = loyalty;
        this.customers = customers;
        this.identities = identities;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    static List<Tier> tiers(CustomersSettings settings) {
        List<Tier> tiers = new ArrayList<>();
        for (String t : settings.loyalty().tiers()) {
            String[] parts = t.split(":");
            tiers.add(new Tier(parts[0], Long.parseLong(parts[1])));
        }
        tiers.sort(java.util.Comparator.comparingLong(Tier::threshold));
        return tiers;
    }

    static String lowestTier(CustomersSettings settings) {
        return tiers(settings).getFirst().name();
    }

    List<Tier> tiers() {
        return tiers(settings);
    }

    /** Enrols a customer with a card (a new number when none is given); the card becomes an identity. */
    @Transactional
    Membership enrol(UUID customerId, String cardNumber) {
        Profile profile = customers.root(customerId).filter(p -> p.status() == Profile.Status.ACTIVE)
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        if (loyalty.account(profile.id(), false).isPresent()) {
            throw ApiProblem.conflict("already-member", "Customer " + profile.id() + " is already a member");
        }
        String card = cardNumber == null ? newCardNumber()
                : identities.normalise(IdentityKind.LOYALTY_CARD, cardNumber, "cardNumber");
        resolution.addIdentity(profile.id(), new Identities.Given(IdentityKind.LOYALTY_CARD, card, true), "loyalty");
        return membership(profile.id());
    }

    private String newCardNumber() {
        String card;
        do {
            card = "2900" + String.format("%012d", java.util.concurrent.ThreadLocalRandom.current()
                    .nextLong(1_000_000_000_000L));
        } while (loyalty.byCard(card).isPresent());
        return card;
    }

    @Transactional(readOnly = true)
    Membership membership(UUID customerId) {
        UUID root = customers.root(customerId).map(Profile::id)
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        var account = loyalty.account(root, false)
                .orElseThrow(() -> ApiProblem.notFound("loyalty member", customerId));
        long earned = loyalty.earnedSince(root, clock.instant().minus(QUALIFYING));
        Tier next = tiers().stream().filter(t -> t.threshold() > earned).findFirst().orElse(null);
        return new Membership(account, loyalty.ledger(root, 100), next == null ? null : next.name(),
                next == null ? 0 : next.threshold() - earned);
    }

    Optional<LoyaltyRepository.Account> account(UUID customerId) {
        return loyalty.account(customerId, false);
    }

    /** Points for a purchase (once per order), on any channel. */
    void earn(UUID customerId, String orderNumber, long amount, String currency) {
        if (loyalty.account(customerId, true).isEmpty() || amount <= 0) {
            return;
        }
        long points = amount / 100 * settings.loyalty().pointsPerUnit();
        if (points <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), customerId, LoyaltyRepository.Kind.EARN, points,
                points, now.plus(settings.loyalty().expireAfter()), orderNumber,
                "purchase " + orderNumber + " (" + amount / 100 + " " + currency + ")", "system", now))) {
            settle(customerId);
        }
    }

    /** A cancelled order's points go, as far as they are still there (what was spent meanwhile stays spent). */
    void reverse(String orderNumber) {
        var found = loyalty.entry(LoyaltyRepository.Kind.EARN, orderNumber);
        if (found.isEmpty() || loyalty.entry(LoyaltyRepository.Kind.REVERSE, orderNumber).isPresent()) {
            return;
        }
        // Read again under the account's lock: a spend running meanwhile may have used some of it.
        loyalty.account(found.get().customerId(), true);
        var earned = loyalty.entry(LoyaltyRepository.Kind.EARN, orderNumber).orElseThrow();
        loyalty.remaining(earned.id(), 0);
        loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), earned.customerId(), LoyaltyRepository.Kind.REVERSE,
                -earned.points(), 0, null, orderNumber, "order " + orderNumber + " cancelled (" + earned.remaining()
                        + " of " + earned.points() + " points left)", "system", clock.instant()));
        settle(earned.customerId());
    }

    @Override
    public long value(String customerRef, long points, String currency) {
        var account = memberOf(customerRef);
        if (account.balance() < points) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-points", "Not enough points",
                    "The member has " + account.balance() + " points, fewer than " + points)
                    .with("balance", account.balance());
        }
        return Math.multiplyExact(points, (long) settings.loyalty().pointValue());
    }

    @Override
    public void spend(String customerRef, long points, String orderReference) {
        var account = memberOf(customerRef);
        if (loyalty.entry(LoyaltyRepository.Kind.REDEEM, orderReference).isPresent()) {
            return;
        }
        loyalty.account(account.customerId(), true);
        long left = points;
        for (LoyaltyRepository.Entry entry : loyalty.spendable(account.customerId())) {
            long take = Math.min(left, entry.remaining());
            loyalty.remaining(entry.id(), entry.remaining() - take);
            left -= take;
            if (left == 0) {
                break;
            }
        }
        if (left > 0) {
            throw ApiProblem.conflict("not-enough-points", "The member's points were spent meanwhile; quote again");
        }
        Instant now = clock.instant();
        loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), account.customerId(), LoyaltyRepository.Kind.REDEEM,
                -points, 0, null, orderReference, "spent on order " + orderReference, "system", now));
        settle(account.customerId());
    }

    @Override
    public void giveBack(String orderReference) {
        var spent = loyalty.entry(LoyaltyRepository.Kind.REDEEM, orderReference);
        if (spent.isEmpty()) {
            return;
        }
        loyalty.account(spent.get().customerId(), true);
        Instant now = clock.instant();
        long points = -spent.get().points();
        if (loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), spent.get().customerId(),
                LoyaltyRepository.Kind.GIVEBACK, points, points, now.plus(settings.loyalty().expireAfter()),
                orderReference, "order " + orderReference + " cancelled", "system", now))) {
            settle(spent.get().customerId());
        }
    }

    /** An agent's adjustment, up or down, with its reason. */
    @Transactional
    Membership adjust(UUID customerId, long points, String reason, Caller caller) {
        UUID root = customers.root(customerId).map(Profile::id)
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        var account = loyalty.account(root, true).orElseThrow(() -> ApiProblem.notFound("loyalty member", customerId));
        Instant now = clock.instant();
        if (points < 0) {
            if (account.balance() < -points) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-points", "Not enough points",
                        "The member has " + account.balance() + " points");
            }
            long left = -points;
            for (LoyaltyRepository.Entry entry : loyalty.spendable(root)) {
                long take = Math.min(left, entry.remaining());
                loyalty.remaining(entry.id(), entry.remaining() - take);
                left -= take;
                if (left == 0) {
                    break;
                }
            }
        }
        loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), root, LoyaltyRepository.Kind.ADJUST, points,
                Math.max(points, 0), points > 0 ? now.plus(settings.loyalty().expireAfter()) : null, null, reason,
                caller.name(), now));
        settle(root);
        return membership(root);
    }

    /** Points past their date expire, each entry in its own transaction (safe on several nodes: rows are locked). */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void expire() {
        jobs.runOnce("customers.points-expiry", SWEEP_JOB_PERIOD, this::expireNow);
    }

    private void expireNow() {
        for (LoyaltyRepository.Entry due : loyalty.expired(clock.instant(), 500)) {
            transaction.executeWithoutResult(status -> {
                loyalty.account(due.customerId(), true);
                var fresh = loyalty.spendable(due.customerId()).stream().filter(e -> e.id().equals(due.id()))
                        .findFirst();
                if (fresh.isEmpty() || fresh.get().remaining() == 0) {
                    return;
                }
                Instant now = clock.instant();
                loyalty.remaining(due.id(), 0);
                loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), due.customerId(),
                        LoyaltyRepository.Kind.EXPIRE, -fresh.get().remaining(), 0, null, due.id().toString(),
                        "points of " + due.recordedAt().toString().substring(0, 10) + " expired", "system", now));
                settle(due.customerId());
            });
        }
    }

    /** Balance from the ledger, tier from the points earned over the last year. */
    private void settle(UUID customerId) {
        var account = loyalty.account(customerId, false).orElseThrow();
        long earned = loyalty.earnedSince(customerId, clock.instant().minus(QUALIFYING));
        String tier = lowestTier(settings);
        for (Tier t : tiers()) {
            if (earned >= t.threshold()) {
                tier = t.name();
            }
        }
        loyalty.settle(customerId, tier);
        if (!tier.equals(account.tier())) {
            events.publishEvent(new LoyaltyTierChanged(Ids.newId(), clock.instant(), customerId, account.cardNumber(),
                    account.tier(), tier));
        }
    }

    private LoyaltyRepository.Account memberOf(String customerRef) {
        UUID root = identities.read(customerRef).flatMap(ref -> ref.profileId() != null ? customers.root(ref.profileId())
                        : customers.identity(ref.kind(), ref.value()).flatMap(i -> customers.root(i.customerId())))
                .map(Profile::id).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                        "not-a-member", "Not a loyalty member", "No loyalty member is known as " + customerRef));
        return loyalty.account(root, false).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "not-a-member", "Not a loyalty member", "Customer " + customerRef + " has no loyalty card"));
    }
}
