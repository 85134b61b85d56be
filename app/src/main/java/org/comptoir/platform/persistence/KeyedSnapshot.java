package org.comptoir.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.comptoir.platform.cluster.CacheTopic;
import org.comptoir.platform.cluster.CacheTopics;

/**
 * Reference data read by key on every request (a SKU's variant, its prices), each entry kept at most
 * {@link Snapshot#MAX_AGE} as a {@link Snapshot} is: a change made on any node is seen at once here
 * and within a second on the others. Keys the loader does not answer are not remembered, so what
 * is created on another node is seen at once there too.
 */
public final class KeyedSnapshot<V> {

    private record Entry<V>(V value, long atNanos) {}

    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moves on every change: a load that began before it does not store what it read. */
    private final AtomicLong generation = new AtomicLong();

    private final CacheTopic topic;

    /** Entries that only their age invalidates (nothing calls {@link #changed()}). */
    public KeyedSnapshot(int maxEntries) {
        this(CacheTopics.LOCAL, "local", maxEntries);
    }

    /**
     * @param name the cache topic its changes are told to the other nodes under
     * @param maxEntries past this many, every entry is dropped (a bound, not an eviction policy)
     */
    public KeyedSnapshot(CacheTopics topics, String name, int maxEntries) {
        this.maxEntries = maxEntries;
        this.topic = topics.register(name, this::forget);
    }

    /** The values of the keys, those not held or too old loaded in one call of {@code load}. */
    public Map<String, V> get(Collection<String> keys, Function<Collection<String>, Map<String, V>> load) {
        long now = System.nanoTime();
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Entry<V> entry = entries.get(key);
            if (entry != null && now - entry.atNanos() <= Snapshot.MAX_AGE.toNanos()) {
                found.put(key, entry.value());
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long seen = generation.get();
        Map<String, V> loaded = load.apply(missing);
        found.putAll(loaded);
        if (generation.get() == seen) {
            if (entries.size() + loaded.size() > maxEntries) {
                entries.clear();
            }
            loaded.forEach((key, value) -> entries.put(key, new Entry<>(value, now)));
        }
        return found;
    }

    /** Forgets every entry now and once the changing transaction ends (a read in between saw the old rows). */
    public void changed() {
        topic.changed();
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
