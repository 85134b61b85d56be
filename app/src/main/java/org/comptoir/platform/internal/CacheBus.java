package org.comptoir.platform.internal;

import static org.comptoir.platform.internal.db.tables.CacheChange.CACHE_CHANGE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.platform.cluster.CacheTopic;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.cluster.ClusterJobs;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CacheTopics} through the database every node shares: a change writes one row per topic in
 * the changing transaction (so it is told exactly when it commits, and never when it rolls back), and
 * each node reads the rows of the last minute every 250 ms, forgetting the topics other nodes changed.
 * Reading a window rather than "after the last id" keeps a change whose id was taken before a later
 * one's but committed after it. It works alike on H2 and PostgreSQL and loses nothing when a node was
 * briefly away, which LISTEN/NOTIFY would.
 */
@Component
class CacheBus implements CacheTopics {

    private static final Logger log = LoggerFactory.getLogger(CacheBus.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final String POLL = "${comptoir.platform.cache-poll-interval:250ms}";
    private static final String PURGE = "${comptoir.platform.cache-purge-interval:5m}";
    private static final Object PENDING = new Object();

    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Runnable>> caches = new ConcurrentHashMap<>();
    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();
    private final DSLContext db;
    private final ClusterJobs jobs;
    private final Clock clock;
    private volatile Instant warned = Instant.EPOCH;

    CacheBus(DSLContext db, ClusterJobs jobs, Clock clock) {
        this.db = db;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public CacheTopic register(String name, Runnable forget) {
        caches.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(forget);
        return () -> changed(name);
    }

    private void changed(String name) {
        CacheTopic.forgetNowAndAfterTransaction(() -> forgetHere(name));
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            tell(Set.of(name));
            return;
        }
        pendingInThisTransaction().add(name);
    }

    /** The topics changed in the current transaction, told once, just before it commits. */
    @SuppressWarnings("unchecked")
    private Set<String> pendingInThisTransaction() {
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<String> topics = new HashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, topics);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    tell(topics);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = topics;
        }
        return pending;
    }

    private void tell(Set<String> topics) {
        Instant now = clock.instant();
        var insert = db.insertInto(CACHE_CHANGE, CACHE_CHANGE.TOPIC, CACHE_CHANGE.NODE, CACHE_CHANGE.CHANGED_AT);
        for (String topic : topics) {
            insert = insert.values(topic, node, now);
        }
        insert.execute();
    }

    private void forgetHere(String name) {
        caches.getOrDefault(name, List.of()).forEach(Runnable::run);
    }

    /** Forgets what the other nodes changed since the last look. */
    @Scheduled(fixedDelayString = POLL)
    void follow() {
        Instant now = clock.instant();
        try {
            db.select(CACHE_CHANGE.ID, CACHE_CHANGE.TOPIC, CACHE_CHANGE.NODE).from(CACHE_CHANGE)
                    .where(CACHE_CHANGE.CHANGED_AT.gt(now.minus(WINDOW)))
                    .fetch()
                    .forEach(row -> {
                        if (seen.putIfAbsent(row.value1(), now) == null && !node.equals(row.value3())) {
                            forgetHere(row.value2());
                        }
                    });
            seen.values().removeIf(at -> at.isBefore(now.minus(WINDOW.multipliedBy(2))));
        } catch (RuntimeException e) {
            if (warned.isBefore(now.minus(WINDOW))) {
                warned = now;
                log.warn("Could not read the cache changes of the other nodes: {}", e.getMessage());
            }
        }
    }

    @Scheduled(fixedDelayString = PURGE, initialDelay = 60_000)
    void purge() {
        jobs.runOnce("platform.cache-change-purge", PURGE,
                () -> db.deleteFrom(CACHE_CHANGE).where(CACHE_CHANGE.CHANGED_AT.lt(clock.instant().minus(KEPT)))
                        .execute());
    }
}
