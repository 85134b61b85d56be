package org.comptoir.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data a hot path reads on every request (VAT rates, automatic promotions, webhook
 * subscriptions), kept in memory for at most {@link #MAX_AGE}: a change made on this node is seen at
 * once, one made on another node within that time. Only for data where that delay is acceptable;
 * whatever must be exact is checked by the database where it matters.
 */
public final class Snapshot<T> {

    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Loaded<T>(T value, long atNanos) {}

    private final Supplier<T> loader;
    private volatile Loaded<T> loaded;

    public Snapshot(Supplier<T> loader) {
        this.loader = loader;
    }

    public T get() {
        Loaded<T> current = loaded;
        if (current == null || System.nanoTime() - current.atNanos() > MAX_AGE.toNanos()) {
            current = new Loaded<>(loader.get(), System.nanoTime());
            loaded = current;
        }
        return current.value();
    }

    /** Forgets the data now and once the changing transaction ends (a read in between saw the old rows). */
    public void changed() {
        forgetNowAndAfterTransaction(() -> loaded = null);
    }

    /** Runs {@code forget} now and, inside a transaction, again once it ends. */
    static void forgetNowAndAfterTransaction(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
