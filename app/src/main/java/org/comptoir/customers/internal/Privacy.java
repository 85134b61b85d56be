package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.customers.CustomerErased;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.privacy.PersonalData;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * GDPR: the right of access (everything held about a person, from every module, as one JSON
 * document) and the right to erasure (personal data anonymised everywhere in one transaction; orders
 * stay, under the profile's id, for accounting; a record says it was done). Profiles not seen for
 * the retention period are erased the same way.
 */
@Service
class Privacy {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.customers.sweep-interval:60s}";

    private static final Logger log = LoggerFactory.getLogger(Privacy.class);
    private static final Set<String> FINISHED = Set.of("DELIVERED", "COLLECTED", "CANCELLED", "CLOSED");

    private final CustomerRepository customers;
    private final ConsentRepository consents;
    private final TimelineRepository timeline;
    private final LoyaltyRepository loyalty;
    private final StatsRepository stats;
    private final SegmentRepository segments;
    private final ErasureRepository erasures;
    private final OrderLinkRepository orderLinks;
    private final Resolution resolution;
    private final OrderBook orderBook;
    private final List<PersonalData> elsewhere;
    private final CustomersSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ClusterJobs jobs;
    private final Clock clock;

    Privacy(CustomerRepository customers, ConsentRepository consents, TimelineRepository timeline,
            LoyaltyRepository loyalty, StatsRepository stats, SegmentRepository segments, ErasureRepository erasures,
            OrderLinkRepository orderLinks,
            Resolution resolution, OrderBook orderBook, List<PersonalData> elsewhere, CustomersSettings settings,
            ApplicationEventPublisher events, TransactionTemplate transaction, ObjectMapper json, Clock clock,
            ClusterJobs jobs) {
        this.jobs = jobs;
        this.customers = customers;
        this.consents = consents;
        this.timeline = timeline;
        this.loyalty = loyalty;
        this.stats = stats;
        this.segments = segments;
        this.erasures = erasures;
        this.orderLinks = orderLinks;
        this.resolution = resolution;
        this.orderBook = orderBook;
        this.elsewhere = elsewhere;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** Everything held about the person, from every module. */
    @Transactional(readOnly = true)
    Map<String, Object> export(UUID customerId) {
        Profile root = customers.root(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        Set<UUID> ids = customers.subtree(root.id());
        PersonalData.Subject subject = subject(root.id());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("exportedAt", clock.instant());
        all.put("profile", root);
        all.put("aliases", ids.stream().filter(id -> !id.equals(root.id())).sorted().toList());
        all.put("identities", customers.identitiesOf(ids));
        all.put("consents", consents.ledger(root.id()));
        all.put("touchpoints", timeline.page(ids, List.of(), null, null, 100_000));
        all.put("loyalty", Map.of("account", loyalty.account(root.id(), false).map(Object.class::cast).orElse(Map.of()),
                "ledger", loyalty.ledger(root.id(), 100_000)));
        all.put("statistics", stats.find(root.id()).map(Object.class::cast).orElse(Map.of()));
        all.put("segments", segments.membershipsOf(root.id()));
        all.put("merges", customers.merges(ids));
        all.put("erasures", erasures.of(root.id()));
        for (PersonalData data : elsewhere) {
            all.put(data.category(), data.export(subject));
        }
        return all;
    }

    /**
     * Erases the person: every module anonymises what it holds, then the profile, identities,
     * touchpoints and card number go; orders, amounts, consent history and points stay, anonymous.
     * Refused while an order of theirs is still on its way (its address is needed).
     */
    @Transactional
    ErasureRepository.Erasure erase(UUID customerId, String reason, Caller caller) {
        Profile root = customers.root(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        if (root.status() == Profile.Status.ERASED) {
            throw ApiProblem.conflict("customer-erased", "Customer " + customerId + " was already erased");
        }
        Set<UUID> ids = customers.subtree(root.id());
        customers.lock(ids);
        PersonalData.Subject subject = subject(root.id());
        List<String> open = orderBook.ofCustomer(subject.refs(), 1000).stream()
                .filter(o -> !FINISHED.contains(o.status())).map(OrderBook.Summary::number).toList();
        if (!open.isEmpty()) {
            throw ApiProblem.conflict("orders-in-progress", "The customer's orders " + open + " are still in "
                    + "progress: they need the address until they are handed over or cancelled").with("orders", open);
        }
        Instant now = clock.instant();
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (PersonalData data : elsewhere) {
            summary.put(data.category(), data.erase(subject));
        }
        List<String> devices = customers.identitiesOf(ids).stream().filter(i -> i.kind() == IdentityKind.DEVICE)
                .map(CustomerRepository.Identity::value).toList();
        summary.put("identities", customers.deleteIdentities(ids));
        summary.put("touchpoints", timeline.deleteOf(ids, devices));
        customers.deleteAttributes(ids);
        orderLinks.forget(ids, subject.pseudonym());
        consents.forgetTokens(ids);
        customers.forgetMerges(ids);
        segments.leaveAll(ids);
        loyalty.account(root.id(), false).ifPresent(a -> loyalty.forgetCard(root.id()));
        for (UUID id : ids) {
            Profile p = customers.find(id).orElseThrow();
            if (!customers.update(new Profile(p.id(), Profile.Status.ERASED, p.id().equals(root.id()) ? null
                    : p.mergedInto(), null, null, null, null, null, null, List.of(), Map.of(), p.createdAt(), now,
                    p.lastSeenAt(), p.version() + 1))) {
                throw ApiProblem.conflict("concurrent-update", "The profile changed meanwhile; try again");
            }
        }
        summary.put("profiles", ids.size());
        var erasure = new ErasureRepository.Erasure(Ids.newId(), root.id(), caller.name(), reason,
                json.writeValueAsString(summary), now);
        erasures.insert(erasure);
        events.publishEvent(new CustomerErased(Ids.newId(), now, root.id()));
        return erasure;
    }

    /** The person as other modules know them; the profile id replaces every other reference. */
    private PersonalData.Subject subject(UUID root) {
        Set<String> refs = resolution.refsOf(root);
        Set<UUID> orderIds = orderBook.ofCustomer(refs, 10_000).stream().map(OrderBook.Summary::id)
                .collect(Collectors.toSet());
        Set<UUID> ids = customers.subtree(root);
        Set<String> values = new java.util.TreeSet<>();
        for (CustomerRepository.Identity i : customers.identitiesOf(ids)) {
            values.add(i.value());
            if (i.kind() == IdentityKind.PHONE && i.value().startsWith("+33") && i.value().length() == 12) {
                values.add("0" + i.value().substring(3));
            }
        }
        return new PersonalData.Subject(ids, refs, orderIds, values, root.toString());
    }

    /** Retention: profiles not seen for the configured period are erased, one transaction each. */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD, initialDelay = 30_000)
    void purgeInactive() {
        jobs.runOnce("customers.inactive-purge", SWEEP_JOB_PERIOD, this::purgeInactiveNow);
    }

    private void purgeInactiveNow() {
        Instant before = clock.instant().minus(settings.inactiveAfter());
        List<UUID> due = transaction.execute(status -> customers.inactiveSince(before, 100));
        for (UUID id : due) {
            try {
                transaction.executeWithoutResult(status -> erase(id, "inactive since before " + before
                        + " (retention)", Caller.SYSTEM));
            } catch (ApiProblem e) {
                log.info("Inactive customer {} kept: {}", id, e.getMessage());
            }
        }
    }
}
