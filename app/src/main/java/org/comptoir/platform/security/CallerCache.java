package org.comptoir.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers resolved keys for a few seconds, so that a busy storefront does not cost a database
 * lookup per request. Revoking clears it on the node that revoked; other nodes forget within
 * {@code ttl}. Unknown keys are not remembered, so a new key works at once.
 */
public final class CallerCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant loadedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public CallerCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<Caller> get(String tokenHash, Function<String, Optional<Caller>> load) {
        Instant now = clock.instant();
        Entry entry = entries.get(tokenHash);
        if (entry != null && entry.loadedAt().plus(ttl).isAfter(now)) {
            return Optional.of(entry.caller());
        }
        Optional<Caller> caller = load.apply(tokenHash);
        if (caller.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(tokenHash, new Entry(caller.get(), now));
        } else {
            entries.remove(tokenHash);
        }
        return caller;
    }

    /** Forgets every key now and again once the current transaction commits (no stale refill). */
    public void clear() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.clear();
                }
            });
        }
    }
}
