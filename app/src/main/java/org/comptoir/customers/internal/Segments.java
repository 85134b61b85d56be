package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.CustomerErased;
import org.comptoir.customers.CustomersMerged;
import org.comptoir.customers.Purpose;
import org.comptoir.customers.SegmentMembershipChanged;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Dynamic segments kept up to date as things happen: a touchpoint re-evaluates, for its customer
 * only, the segments that count its type; a profile, identity, consent, order or merge change
 * re-evaluates that customer's segments; in the same transaction as the change. A pass on a schedule
 * handles time: windows that slide, ages, scores. A new segment is filled by that pass (or at once
 * on request). Every join and leave raises {@link SegmentMembershipChanged}.
 */
@Service
class Segments {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.customers.sweep-interval:60s}";

    private static final Logger log = LoggerFactory.getLogger(Segments.class);

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
    private static final Duration CACHE = Duration.ofSeconds(2);
    private static final int PAGE = 500;

    /** A segment with its condition read. */
    record Compiled(SegmentRepository.Segment segment, Condition condition) {}

    /** A segment as answered. */
    record View(String code, String name, JsonNode condition, boolean timed, int members, Instant createdAt,
            Instant evaluatedAt) {}

    private final SegmentRepository segments;
    private final CustomerRepository customers;
    private final TimelineRepository timeline;
    private final StatsRepository stats;
    private final LoyaltyRepository loyalty;
    private final Consents consents;
    private final Resolution resolution;
    private final OrderBook orderBook;
    private final Network network;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    /**
     * A page of an evaluation, committed on its own even when an API call asks for the evaluation: as
     * one transaction, evaluating every customer held its memberships' locks until the end, while the
     * scheduled pass evaluated the same segment.
     */
    private final TransactionTemplate page;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClusterJobs jobs;
    private volatile List<Compiled> cached = List.of();
    private volatile Instant cachedAt = Instant.EPOCH;

    Segments(SegmentRepository segments, CustomerRepository customers, TimelineRepository timeline,
            StatsRepository stats, LoyaltyRepository loyalty, Consents consents, Resolution resolution,
            OrderBook orderBook, Network network, ApplicationEventPublisher events, TransactionTemplate transaction,
            ObjectMapper json, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.segments = segments;
        this.customers = customers;
        this.timeline = timeline;
        this.stats = stats;
        this.loyalty = loyalty;
        this.consents = consents;
        this.resolution = resolution;
        this.orderBook = orderBook;
        this.network = network;
        this.events = events;
        this.transaction = transaction;
        this.page = new TransactionTemplate(transaction.getTransactionManager());
        this.page.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    View create(String code, String name, JsonNode condition) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ApiProblem.invalid("code", "must be 1 to 60 lower-case letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiProblem.invalid("name", "must be 1 to 200 characters");
        }
        Condition parsed = Condition.parse(condition, "condition", 0);
        checkStores(parsed);
        if (segments.byCode(code).isPresent()) {
            throw ApiProblem.conflict("segment-exists", "Segment " + code + " already exists");
        }
        var segment = new SegmentRepository.Segment(Ids.newId(), code, name, json.writeValueAsString(condition),
                parsed.timed(), clock.instant(), null);
        segments.insert(segment);
        cachedAt = Instant.EPOCH;
        return view(segment);
    }

    private void checkStores(Condition c) {
        switch (c) {
            case Condition.All all -> all.parts().forEach(this::checkStores);
            case Condition.Any any -> any.parts().forEach(this::checkStores);
            case Condition.Not not -> checkStores(not.inner());
            case Condition.Near near -> {
                if (network.location(near.store()).isEmpty()) {
                    throw ApiProblem.invalid("condition", "no location has the code " + near.store());
                }
            }
            default -> { }
        }
    }

    @Transactional(readOnly = true)
    List<View> list() {
        return segments.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    View get(String code) {
        return view(segment(code));
    }

    @Transactional(readOnly = true)
    List<UUID> members(String code, UUID after, int limit) {
        return segments.members(segment(code).id(), after, limit);
    }

    @Transactional
    void delete(String code) {
        segments.delete(segment(code).id());
        cachedAt = Instant.EPOCH;
    }

    /** Evaluates the segment for every active customer now, a page per transaction; returns the members. */
    int evaluate(String code) {
        Compiled compiled = compile(segment(code));
        evaluateAll(compiled, false);
        return transaction.execute(status -> segments.count(compiled.segment().id()));
    }

    private void evaluateAll(Compiled compiled, boolean membersOnly) {
        UUID after = null;
        Instant started = clock.instant();
        while (true) {
            UUID from = after;
            List<UUID> ids = page.execute(status -> membersOnly
                    ? segments.members(compiled.segment().id(), from, PAGE) : customers.activeIds(from, PAGE));
            if (ids.isEmpty()) {
                break;
            }
            page.executeWithoutResult(status -> ids.forEach(id -> refresh(id, List.of(compiled))));
            after = ids.getLast();
        }
        page.executeWithoutResult(status -> segments.evaluated(compiled.segment().id(), started));
    }

    /** In the transaction of the change: the customer's segments that the change may concern. */
    @EventListener
    void on(CustomerChanged change) {
        List<Compiled> concerned = compiled().stream().filter(c -> change.touchpoints().isEmpty()
                || c.condition().anyEvent() || change.touchpoints().stream()
                        .anyMatch(t -> c.condition().eventTypes().contains(t))).toList();
        if (!concerned.isEmpty()) {
            customers.root(change.customerId()).filter(p -> p.status() == Profile.Status.ACTIVE)
                    .ifPresent(p -> refresh(p.id(), concerned));
        }
    }

    /** An absorbed profile is no member of anything; the survivor is re-evaluated by its own change. */
    @EventListener
    void on(CustomersMerged merged) {
        leaveAll(merged.absorbedId());
    }

    @EventListener
    void on(CustomerErased erased) {
        leaveAll(erased.customerId());
    }

    private void leaveAll(UUID customerId) {
        for (UUID segmentId : segments.membershipsOf(customerId)) {
            segments.leave(segmentId, customerId);
            compiled().stream().filter(c -> c.segment().id().equals(segmentId)).findFirst().ifPresent(c ->
                    events.publishEvent(new SegmentMembershipChanged(Ids.newId(), clock.instant(), c.segment().code(),
                            customerId, false)));
        }
    }

    /** Time passes: new segments are filled, windows slide. Members only, unless time can make people join. */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD, initialDelay = 10_000)
    void pass() {
        jobs.runOnce("customers.segment-windows", SWEEP_JOB_PERIOD, this::passNow);
    }

    private void passNow() {
        for (Compiled c : transaction.execute(status -> fresh())) {
            if (c.segment().evaluatedAt() == null) {
                evaluateAll(c, false);
            } else if (c.segment().timed()) {
                evaluateAll(c, !c.condition().canJoinByTime());
            }
        }
    }

    private void refresh(UUID customerId, List<Compiled> concerned) {
        Facts facts = new Facts(customerId);
        Set<UUID> current = segments.membershipsOf(customerId);
        Instant now = clock.instant();
        for (Compiled c : concerned) {
            boolean member = facts.profile() != null && facts.profile().status() == Profile.Status.ACTIVE
                    && c.condition().test(facts);
            boolean was = current.contains(c.segment().id());
            if (member && !was && segments.join(c.segment().id(), customerId, now)) {
                events.publishEvent(new SegmentMembershipChanged(Ids.newId(), now, c.segment().code(), customerId,
                        true));
            } else if (!member && was && segments.leave(c.segment().id(), customerId)) {
                events.publishEvent(new SegmentMembershipChanged(Ids.newId(), now, c.segment().code(), customerId,
                        false));
            }
        }
    }

    private List<Compiled> compiled() {
        if (Duration.between(cachedAt, clock.instant()).compareTo(CACHE) > 0) {
            cached = fresh();
            cachedAt = clock.instant();
        }
        return cached;
    }

    /**
     * Every stored segment that still reads: one stored before its rules were tightened is left out
     * (and logged) rather than failing every customer write that refreshes memberships.
     */
    private List<Compiled> fresh() {
        List<Compiled> all = new ArrayList<>();
        for (SegmentRepository.Segment s : segments.all()) {
            try {
                all.add(compile(s));
            } catch (ApiProblem e) {
                log.warn("Segment {} is not evaluated: its condition no longer reads ({})", s.code(), e.errors());
            }
        }
        return all;
    }

    private Compiled compile(SegmentRepository.Segment s) {
        return new Compiled(s, Condition.parse(json.readTree(s.conditionJson()), "condition", 0));
    }

    private SegmentRepository.Segment segment(String code) {
        return segments.byCode(code).orElseThrow(() -> ApiProblem.notFound("segment", code));
    }

    private View view(SegmentRepository.Segment s) {
        return new View(s.code(), s.name(), json.readTree(s.conditionJson()), s.timed(), segments.count(s.id()),
                s.createdAt(), s.evaluatedAt());
    }

    /** One customer's facts, each read once, when a condition asks. */
    private final class Facts implements Condition.Facts {

        private final UUID customerId;
        private final Instant now = clock.instant();
        private Profile profile;
        private List<CustomerRepository.Identity> identities;
        private List<OrderBook.Summary> orders;
        private final Map<String, Integer> counts = new HashMap<>();

        Facts(UUID customerId) {
            this.customerId = customerId;
        }

        @Override
        public Profile profile() {
            if (profile == null) {
                profile = customers.find(customerId).orElse(null);
            }
            return profile;
        }

        @Override
        public List<CustomerRepository.Identity> identities() {
            if (identities == null) {
                identities = customers.identities(customerId);
            }
            return identities;
        }

        @Override
        public boolean mayContact(ContactChannel channel, Purpose purpose) {
            return consents.allowed(customerId, channel, purpose);
        }

        @Override
        public int events(TouchpointType type, String channel, String subject, String category, String location,
                Instant since) {
            String key = type + "|" + channel + "|" + subject + "|" + category + "|" + location + "|" + since;
            return counts.computeIfAbsent(key, k -> timeline.count(customerId, type, channel, subject, category,
                    location, since));
        }

        @Override
        public long[] orders(String channel, String store, Instant since) {
            if (orders == null) {
                orders = orderBook.ofCustomer(resolution.refsOf(customerId), 1000).stream()
                        .filter(o -> !"CANCELLED".equals(o.status())).toList();
            }
            long count = 0;
            long spend = 0;
            for (OrderBook.Summary o : orders) {
                if ((channel == null || channel.equals(o.channelCode()))
                        && (store == null || o.lines().stream().anyMatch(l -> store.equals(l.locationCode())))
                        && (since == null || !o.placedAt().isBefore(since))) {
                    count++;
                    spend += o.total() - o.refunded();
                }
            }
            return new long[] {count, spend};
        }

        @Override
        public Double kmTo(String storeCode) {
            Profile.Address home = profile() == null ? null : profile().home();
            if (home == null || home.latitude() == null) {
                return null;
            }
            return network.location(storeCode).map(LocationSummary::position).filter(Objects::nonNull)
                    .map(p -> p.distanceKm(new GeoPoint(home.latitude(), home.longitude()))).orElse(null);
        }

        @Override
        public Object score(String name) {
            var s = stats.find(customerId);
            return switch (name) {
                case "recency" -> s.map(StatsRepository.Stats::recency).orElse(null);
                case "frequency" -> s.map(StatsRepository.Stats::frequency).orElse(null);
                case "monetary" -> s.map(StatsRepository.Stats::monetary).orElse(null);
                case "ltv" -> s.map(StatsRepository.Stats::spent).orElse(0L);
                case "orders" -> s.map(StatsRepository.Stats::orders).orElse(0);
                case "points" -> loyalty.account(customerId, false).map(LoyaltyRepository.Account::balance).orElse(null);
                case "tier" -> loyalty.account(customerId, false).map(LoyaltyRepository.Account::tier).orElse(null);
                default -> null;
            };
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
