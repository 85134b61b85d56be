package org.comptoir.network.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.ChannelChanged;
import org.comptoir.network.LocationChanged;
import org.comptoir.platform.cluster.CacheTopic;
import org.comptoir.platform.cluster.CacheTopics;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * The whole network in memory: a retailer has hundreds of locations and a handful of channels, read
 * on every availability request and changed a few times a day. A change on this node refreshes it at
 * once; a change made on another node within a second (its cache topic), at the latest within
 * {@link #MAX_AGE}.
 */
@Component
class NetworkSnapshot {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Snapshot(Map<String, Location> locations, Set<String> active,
            Map<String, Optional<Channel>> channels, Map<String, TimedStatus> statuses, Instant loadedAt) {}

    /**
     * A location's status stays true from when it was worked out until its next opening or closing:
     * availability reads of many locations reuse it instead of walking the calendar every time.
     */
    private record TimedStatus(LocationStatus status, Instant from, Instant until) {
        boolean holdsAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    private final LocationRepository locations;
    private final ChannelRepository channels;
    private final Clock clock;
    private final CacheTopic topic;
    private volatile Snapshot current;

    NetworkSnapshot(LocationRepository locations, ChannelRepository channels, Clock clock, CacheTopics topics) {
        this.locations = locations;
        this.channels = channels;
        this.clock = clock;
        this.topic = topics.register("network.snapshot", () -> current = null);
    }

    Map<String, Location> locations() {
        return fresh().locations();
    }

    /** The codes of the active locations. */
    Set<String> active() {
        return fresh().active();
    }

    /** The location's status at an instant, or empty when no location has that code. */
    Optional<LocationStatus> status(String code, Instant at) {
        Snapshot snapshot = fresh();
        TimedStatus cached = snapshot.statuses().get(code);
        if (cached != null && cached.holdsAt(at)) {
            return Optional.of(cached.status());
        }
        Location location = snapshot.locations().get(code);
        if (location == null) {
            return Optional.empty();
        }
        OpeningSchedule.Status status = location.statusAt(at);
        var answer = new LocationStatus(location.summary(), status.openNow(),
                status.nextOpening().map(ZonedDateTime::toOffsetDateTime).orElse(null));
        Instant until = Stream.of(status.closesAt(), status.nextOpening()).flatMap(Optional::stream)
                .map(ZonedDateTime::toInstant).min(Instant::compareTo).orElse(Instant.MAX);
        snapshot.statuses().put(code, new TimedStatus(answer, at, until));
        return Optional.of(answer);
    }

    Optional<Channel> channel(String code) {
        return fresh().channels().computeIfAbsent(code, channels::find);
    }

    private Snapshot fresh() {
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (snapshot == null || snapshot.loadedAt().plus(MAX_AGE).isBefore(now)) {
            Map<String, Location> all = locations.findAll().stream()
                    .collect(Collectors.toMap(Location::code, Function.identity()));
            Set<String> active = all.values().stream().filter(Location::active).map(Location::code)
                    .collect(Collectors.toUnmodifiableSet());
            snapshot = new Snapshot(Map.copyOf(all), active, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    now);
            current = snapshot;
        }
        return snapshot;
    }

    /** In the changing transaction, so that the other nodes are told when it commits. */
    @EventListener
    void on(LocationChanged changed) {
        topic.changed();
    }

    @EventListener
    void on(ChannelChanged changed) {
        topic.changed();
    }

}
