package org.comptoir.platform.cluster;

/**
 * Where a node's in-memory copies of shared data register, so that a change made on any node makes
 * every node forget its copy within a second, not when the copy grows old.
 */
public interface CacheTopics {

    /** For caches that nothing but their age ever invalidates, and for tests without other nodes. */
    CacheTopics LOCAL = (name, forget) -> () -> CacheTopic.forgetNowAndAfterTransaction(forget);

    /**
     * Registers a cache; {@code forget} runs on this node when the returned topic is told of a change
     * here, and on every other node when that change commits.
     *
     * @param name what the cache holds, e.g. {@code pricing.price-lists}; several caches may share one
     */
    CacheTopic register(String name, Runnable forget);
}
