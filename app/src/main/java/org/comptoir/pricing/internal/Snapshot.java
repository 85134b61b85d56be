package org.comptoir.pricing.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data every quote reads (VAT rates, delivery fees, automatic promotions), kept in memory for
 * at most {@link #MAX_AGE}: a change made on this node is seen at once, one made on another node within
 * that time. What must be exact (coupon limits, budgets) is enforced by the database when an order is
 * placed, never from here.
 */
final class Snapshot<T> {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Loaded<T>(T value, long atNanos) {}

    private final Supplier<T> loader;
    private volatile Loaded<T> loaded;

    Snapshot(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        Loaded<T> current = loaded;
        if (current == null || System.nanoTime() - current.atNanos() > MAX_AGE.toNanos()) {
            current = new Loaded<>(loader.get(), System.nanoTime());
            loaded = current;
        }
        return current.value();
    }

    /** Forgets the data now and once the changing transaction ends (a read in between saw the old rows). */
    void changed() {
        loaded = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    loaded = null;
                }
            });
        }
    }
}
