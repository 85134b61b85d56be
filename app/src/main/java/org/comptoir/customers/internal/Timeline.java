package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.network.Network;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Touchpoints from every channel, one at a time or in batches of store and web traffic. Every event
 * of a batch is checked before anything is written, so a bad one refuses the batch. An event names
 * its person by profile id, by an identity (a new one makes a new profile) or by an anonymous device
 * id, whose events join the profile once the person is identified with that device.
 */
@Service
class Timeline {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.customers.sweep-interval:60s}";

    static final int MAX_BATCH = 1000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_PROPERTIES = 8000;

    /** An event as sent. */
    record Event(TouchpointType type, String channel, Instant occurredAt, UUID customerId, IdentityKind identityKind,
            String identityValue, String anonymousId, String locationCode, String subject, String category,
            Map<String, Object> properties) {}

    /** What was recorded: the touchpoint ids, in the order sent, and whom they were attached to. */
    record Recorded(List<UUID> ids, List<UUID> customerIds) {}

    private final TimelineRepository timeline;
    private final CustomerRepository customers;
    private final Resolution resolution;
    private final Identities identities;
    private final Network network;
    private final CustomersSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClusterJobs jobs;

    Timeline(TimelineRepository timeline, CustomerRepository customers, Resolution resolution, Identities identities,
            Network network, CustomersSettings settings, ApplicationEventPublisher events, ObjectMapper json,
            Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.timeline = timeline;
        this.customers = customers;
        this.resolution = resolution;
        this.identities = identities;
        this.network = network;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Recorded ingest(List<Event> batch, Caller caller) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw ApiProblem.invalid("events", "must hold 1 to " + MAX_BATCH + " events");
        }
        if (caller.storefront()) {
            batch = asStorefront(batch, caller);
        }
        Instant now = clock.instant();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        Map<UUID, UUID> roots = customers.roots(batch.stream().filter(java.util.Objects::nonNull)
                .map(Event::customerId).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        for (int i = 0; i < batch.size(); i++) {
            normalised.add(check(batch.get(i), "events[" + i + "]", now, roots, errors));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Map<String, UUID> resolved = new HashMap<>();
        List<TimelineRepository.Touchpoint> rows = new ArrayList<>();
        Map<UUID, Set<TouchpointType>> touched = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i);
            UUID customerId = e.customerId() != null ? roots.get(e.customerId())
                    : whose(e, normalised.get(i), resolved, caller);
            rows.add(new TimelineRepository.Touchpoint(Ids.newId(), customerId, e.anonymousId(), e.type(), e.channel(),
                    e.occurredAt(), now, e.locationCode(), e.subject(), e.category(),
                    e.properties() == null ? Map.of() : e.properties()));
            if (customerId != null) {
                touched.computeIfAbsent(customerId, id -> new LinkedHashSet<>()).add(e.type());
            }
        }
        timeline.insert(rows);
        if (!touched.isEmpty()) {
            customers.seen(touched.keySet(), now);
            touched.forEach((id, types) -> events.publishEvent(new CustomerChanged(id, Set.copyOf(types))));
        }
        return new Recorded(rows.stream().map(TimelineRepository.Touchpoint::id).toList(),
                rows.stream().map(TimelineRepository.Touchpoint::customerId).toList());
    }

    /**
     * A storefront's events are its own channel's, and whose they are it does not say: its signed-in
     * shopper's when it has one, else an anonymous visitor's (a device id). An identity it would claim
     * (an email typed in a form) would put its events on anyone's timeline.
     */
    private static List<Event> asStorefront(List<Event> batch, Caller caller) {
        List<Event> own = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i);
            if (e == null) {
                own.add(null);
                continue;
            }
            if (!caller.channelCode().map(c -> c.equals(e.channel())).orElse(false)) {
                throw ApiProblem.forbidden("this key sends events of channel " + caller.channelCode().orElse("?")
                        + " only (events[" + i + "])");
            }
            if (e.customerId() != null || e.identityKind() != null || e.identityValue() != null) {
                throw ApiProblem.forbidden("a storefront says whose events are by the shopper's token or an anonymous "
                        + "id, never by a profile or an identity (events[" + i + "])");
            }
            own.add(new Event(e.type(), e.channel(), e.occurredAt(), caller.customerId().orElse(null), null, null,
                    e.anonymousId(), e.locationCode(), e.subject(), e.category(), e.properties()));
        }
        return own;
    }

    /** Records what the platform itself saw (a purchase, a return) on the profile's timeline. */
    void record(UUID customerId, TouchpointType type, String channel, Instant at, String locationCode, String subject,
            Map<String, Object> properties) {
        Instant now = clock.instant();
        timeline.insert(List.of(new TimelineRepository.Touchpoint(Ids.newId(), customerId, null, type, channel, at, now,
                locationCode, subject, null, properties)));
        events.publishEvent(new CustomerChanged(customerId, Set.of(type)));
    }

    /**
     * Records what another module's event tells (a purchase, a return) once, however many times the
     * event is delivered: a publication resubmitted after a crash finds the touchpoint there, by an id
     * made from what it is about ({@code once}: the order's or the return's identity).
     */
    void recordOnce(String once, UUID customerId, TouchpointType type, String channel, Instant at,
            String locationCode, String subject, Map<String, Object> properties) {
        UUID id = UUID.nameUUIDFromBytes((type.name() + "|" + once).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (timeline.insertIfAbsent(new TimelineRepository.Touchpoint(id, customerId, null, type, channel, at,
                clock.instant(), locationCode, subject, null, properties))) {
            events.publishEvent(new CustomerChanged(customerId, Set.of(type)));
        }
    }

    private String check(Event e, String at, Instant now, Map<UUID, UUID> roots, List<ApiProblem.FieldError> errors) {
        if (e == null) {
            errors.add(new ApiProblem.FieldError(at, "is required"));
            return null;
        }
        if (e.type() == null) {
            errors.add(new ApiProblem.FieldError(at + ".type", "is required"));
        }
        if (e.channel() == null || network.channel(e.channel()).isEmpty()) {
            errors.add(new ApiProblem.FieldError(at + ".channel", "must be the code of a channel"));
        }
        if (e.occurredAt() == null) {
            errors.add(new ApiProblem.FieldError(at + ".occurredAt", "is required"));
        } else if (e.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new ApiProblem.FieldError(at + ".occurredAt", "is in the future"));
        } else if (e.occurredAt().isBefore(now.minus(settings.maxEventAge()))) {
            errors.add(new ApiProblem.FieldError(at + ".occurredAt", "is older than " + settings.maxEventAge().toDays()
                    + " days"));
        }
        if (e.locationCode() != null && network.location(e.locationCode()).isEmpty()) {
            errors.add(new ApiProblem.FieldError(at + ".locationCode", "no location has this code"));
        }
        if (e.subject() != null && (e.subject().isBlank() || e.subject().length() > 200)) {
            errors.add(new ApiProblem.FieldError(at + ".subject", "must be 1 to 200 characters"));
        }
        if (e.category() != null && (e.category().isBlank() || e.category().length() > 100)) {
            errors.add(new ApiProblem.FieldError(at + ".category", "must be 1 to 100 characters"));
        }
        if (e.properties() != null && json.writeValueAsString(e.properties()).length() > MAX_PROPERTIES) {
            errors.add(new ApiProblem.FieldError(at + ".properties", "must be at most " + MAX_PROPERTIES
                    + " characters of JSON"));
        }
        if (e.anonymousId() != null && (e.anonymousId().length() < 4 || e.anonymousId().length() > 200)) {
            errors.add(new ApiProblem.FieldError(at + ".anonymousId", "must be 4 to 200 characters"));
        }
        String value = null;
        if (e.identityKind() != null || e.identityValue() != null) {
            if (e.identityKind() == null) {
                errors.add(new ApiProblem.FieldError(at + ".identity.kind", "is required"));
            } else {
                try {
                    value = identities.normalise(e.identityKind(), e.identityValue(), at + ".identity.value");
                } catch (ApiProblem p) {
                    errors.addAll(p.errors());
                }
            }
        }
        if (e.customerId() == null && e.identityKind() == null && e.anonymousId() == null) {
            errors.add(new ApiProblem.FieldError(at, "name the person: customerId, identity or anonymousId"));
        } else if (e.customerId() != null && !roots.containsKey(e.customerId())) {
            errors.add(new ApiProblem.FieldError(at + ".customerId", "no customer has this id"));
        }
        return value;
    }

    private UUID whose(Event e, String identityValue, Map<String, UUID> resolved, Caller caller) {
        if (e.identityKind() != null) {
            String key = e.identityKind().ref(identityValue) + "|" + e.anonymousId();
            return resolved.computeIfAbsent(key, k -> {
                List<Identities.Given> given = new ArrayList<>();
                given.add(new Identities.Given(e.identityKind(), identityValue, false));
                if (e.anonymousId() != null) {
                    given.add(new Identities.Given(IdentityKind.DEVICE, e.anonymousId(), false));
                }
                var known = customers.identity(e.identityKind(), identityValue);
                if (known.isPresent() && e.anonymousId() == null) {
                    return customers.root(known.get().customerId()).filter(p -> p.status() == Profile.Status.ACTIVE)
                            .map(Profile::id).orElse(null);
                }
                return resolution.identify(given, e.channel(), Fields.NONE, caller).profile().id();
            });
        }
        return resolved.computeIfAbsent("device:" + e.anonymousId(), k -> customers.identity(IdentityKind.DEVICE,
                e.anonymousId()).flatMap(i -> customers.root(i.customerId()))
                .filter(p -> p.status() == Profile.Status.ACTIVE).map(Profile::id).orElse(null));
    }

    /** A page of the profile's merged timeline (its own and its aliases'), newest first. */
    @Transactional(readOnly = true)
    List<TimelineRepository.Touchpoint> page(UUID customerId, Set<TouchpointType> types, Instant beforeAt,
            UUID beforeId, int limit) {
        Profile root = customers.root(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        return timeline.page(customers.subtree(root.id()), types, beforeAt, beforeId, limit);
    }

    /** Retention: touchpoints older than the configured period are deleted, oldest first. */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void prune() {
        jobs.runOnce("customers.timeline-retention", SWEEP_JOB_PERIOD, this::pruneNow);
    }

    private void pruneNow() {
        Instant before = clock.instant().minus(settings.timelineRetention());
        while (timeline.deleteBefore(before, 5_000) == 5_000) {
            // another batch: each delete is its own short statement
        }
    }
}
