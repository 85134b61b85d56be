package org.comptoir.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.comptoir.platform.cluster.CacheTopic;
import org.comptoir.platform.cluster.CacheTopics;

/**
 * Remembers resolved keys for a few seconds, so that a busy storefront does not cost a database
 * lookup per request. Revoking clears it on the node that revoked at once and on the other nodes when
 * the revocation commits (through its cache topic), at the latest within {@code ttl}. Unknown keys are
 * not remembered, so a new key works at once.
 */
public final class CallerCache {

    private static final int MAX_ENTRIES = 10_000;

    /** A caller whose credential stops working at {@code until}, when it has an end. */
    public record Expiring(Caller caller, Optional<Instant> until) {}

    private record Entry(Caller caller, Instant loadedAt, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final CacheTopic topic;

    /** @param name the cache topic a revocation is told to the other nodes under */
    public CallerCache(CacheTopics topics, String name, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.topic = topics.register(name, entries::clear);
    }

    public Optional<Caller> get(String tokenHash, Function<String, Optional<Caller>> load) {
        return getExpiring(tokenHash, hash -> load.apply(hash).map(caller -> new Expiring(caller, Optional.empty())));
    }

    /** The same for credentials that expire: a remembered one is not served past its end. */
    public Optional<Caller> getExpiring(String tokenHash, Function<String, Optional<Expiring>> load) {
        Instant now = clock.instant();
        Entry entry = entries.get(tokenHash);
        if (entry != null && entry.loadedAt().plus(ttl).isAfter(now)) {
            if (entry.until() == null || now.isBefore(entry.until())) {
                return Optional.of(entry.caller());
            }
            entries.remove(tokenHash);
            return Optional.empty();
        }
        Optional<Expiring> loaded = load.apply(tokenHash);
        if (loaded.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(tokenHash, new Entry(loaded.get().caller(), now, loaded.get().until().orElse(null)));
        } else {
            entries.remove(tokenHash);
        }
        return loaded.map(Expiring::caller);
    }

    /** Forgets every key on every node: here now and when the transaction ends, elsewhere on commit. */
    public void clear() {
        topic.changed();
    }
}
