package org.comptoir.search.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.ProductArchived;
import org.comptoir.catalog.ProductCreated;
import org.comptoir.catalog.ProductDocument;
import org.comptoir.catalog.ProductUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's index on the catalogue: every quarter of a second (at once when this node changed a
 * product) it reads which products changed since the last change it saw, less an overlap for
 * transactions that committed late, and re-indexes those whose version moved. Every node does the
 * same from the database, so each index is right whichever node changed the catalogue. A rebuild reads
 * the whole catalogue into a new index and swaps it in.
 */
@Component
class CatalogFollower {

    private static final Logger log = LoggerFactory.getLogger(CatalogFollower.class);
    private static final int PAGE = 1_000;
    private static final int LOAD = 500;
    private static final Duration TICK = Duration.ofMillis(250);
    /** A catalogue transaction committing this long after it stamped its rows is still seen. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final Duration MERCHANDISING_EVERY = Duration.ofSeconds(1);

    private final Catalog catalog;
    private final CatalogIndex index;
    private final Merchandising merchandising;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-follower");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch built = new CountDownLatch(1);
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Local changes asked for, and those the index has followed: a search on this node waits for them. */
    private final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
    private volatile long followed;
    private volatile Instant seenUpTo = Instant.EPOCH;
    private volatile Instant lastFollowed;
    private volatile Instant lastRebuilt;
    private long merchandisingCheckedAt;
    /** Products written by this follower, and when it last compacted: a bulk change is compacted after. */
    private long written;
    private long compactedAt;
    private static final int COMPACT_AFTER = 5_000;

    CatalogFollower(Catalog catalog, CatalogIndex index, Merchandising merchandising) {
        this.catalog = catalog;
        this.index = index;
        this.merchandising = merchandising;
    }

    /** Before the application's runners: a demo or a seed that searches finds what it created. */
    @EventListener(ContextRefreshedEvent.class)
    void start() {
        if (started.getAndSet(true)) {
            return;
        }
        thread.execute(this::rebuildNow);
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /** A product changed on this node: follow now rather than at the next tick. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ProductCreated event) {
        soon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProductUpdated event) {
        soon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProductArchived event) {
        soon();
    }

    /** One extra tick however many changes ask for it meanwhile (an import announces thousands). */
    private void soon() {
        asked.incrementAndGet();
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                tick();
            });
        }
    }

    /**
     * Waits until the index has followed the changes made on this node so far (read your writes: a
     * product archived here is gone from the next search here); false past the timeout.
     */
    boolean awaitLocalChanges(Duration timeout) {
        long target = asked.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (followed < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits for the first build of the index; false when it did not finish in time. */
    boolean awaitBuilt(Duration timeout) {
        try {
            return built.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks for a rebuild on the follower's thread; false when one is already under way. */
    boolean requestRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        thread.execute(this::rebuildNow);
        return true;
    }

    boolean rebuilding() {
        return rebuilding.get() || built.getCount() > 0;
    }

    Instant lastFollowed() {
        return lastFollowed;
    }

    Instant lastRebuilt() {
        return lastRebuilt;
    }

    private void rebuildNow() {
        rebuilding.set(true);
        long target = asked.get();
        try {
            long started = System.nanoTime();
            merchandising.reload();
            CatalogIndex.Generation fresh = index.fresh();
            Instant upTo = follow(fresh, Instant.EPOCH);
            index.compact(fresh);
            compactedAt = written;
            index.refresh(fresh);
            index.swap(fresh);
            seenUpTo = upTo;
            followed = Math.max(followed, target);
            lastRebuilt = Instant.now();
            lastFollowed = lastRebuilt;
            built.countDown();
            log.info("Search index built: {} products in {} ms", fresh.documents(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Search index rebuild failed; the follower keeps the index it has", e);
        } finally {
            rebuilding.set(false);
        }
    }

    private void tick() {
        if (built.getCount() > 0) {
            return;
        }
        long target = asked.get();
        try {
            CatalogIndex.Generation g = index.current();
            Instant from = seenUpTo.minus(OVERLAP);
            Instant upTo = follow(g, from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from);
            if (written - compactedAt >= COMPACT_AFTER) {
                compactedAt = written;
                index.compact(g);
            }
            index.refresh(g);
            if (upTo.isAfter(seenUpTo)) {
                seenUpTo = upTo;
            }
            lastFollowed = Instant.now();
            followed = target;
            if (System.nanoTime() - merchandisingCheckedAt > MERCHANDISING_EVERY.toNanos()) {
                merchandisingCheckedAt = System.nanoTime();
                merchandising.refreshIfChanged();
            }
        } catch (RuntimeException e) {
            log.warn("Following the catalogue failed; next tick retries", e);
        }
    }

    /** Indexes what changed from {@code from} on; answers the latest change seen. */
    private Instant follow(CatalogIndex.Generation g, Instant from) {
        Instant since = from;
        UUID after = null;
        Instant latest = from;
        while (true) {
            List<ProductDocument.Change> changes = catalog.changes(since, after, PAGE);
            List<UUID> moved = new ArrayList<>();
            for (ProductDocument.Change c : changes) {
                Integer known = g.versions.get(c.id());
                if (known == null || known != c.version()) {
                    moved.add(c.id());
                }
            }
            for (int i = 0; i < moved.size(); i += LOAD) {
                written += index.put(g, catalog.documents(moved.subList(i, Math.min(moved.size(), i + LOAD))));
            }
            if (!changes.isEmpty()) {
                ProductDocument.Change last = changes.getLast();
                since = last.updatedAt();
                after = last.id();
                latest = last.updatedAt().isAfter(latest) ? last.updatedAt() : latest;
            }
            if (changes.size() < PAGE) {
                return latest;
            }
        }
    }
}
