package org.comptoir.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;
import org.comptoir.platform.cluster.CacheTopic;
import org.comptoir.platform.cluster.CacheTopics;

/**
 * Reference data a hot path reads on every request (VAT rates, automatic promotions, webhook
 * subscriptions), kept in memory for at most {@link #MAX_AGE}: a change made on this node is seen at
 * once, one made on another node as soon as its topic reaches this node (within a second), and at the
 * latest within that age. Whatever must be exact is checked by the database where it matters.
 */
public final class Snapshot<T> {

    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Loaded<T>(T value, long atNanos) {}

    private final Supplier<T> loader;
    private final CacheTopic topic;
    private volatile Loaded<T> loaded;

    /** @param name the cache topic its changes are told to the other nodes under */
    public Snapshot(CacheTopics topics, String name, Supplier<T> loader) {
        this.loader = loader;
        this.topic = topics.register(name, () -> loaded = null);
    }

    public T get() {
        Loaded<T> current = loaded;
        if (current == null || System.nanoTime() - current.atNanos() > MAX_AGE.toNanos()) {
            current = new Loaded<>(loader.get(), System.nanoTime());
            loaded = current;
        }
        return current.value();
    }

    /** Forgets the data on every node: here now and once the changing transaction ends, elsewhere on commit. */
    public void changed() {
        topic.changed();
    }
}
