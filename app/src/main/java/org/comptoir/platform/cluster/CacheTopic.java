package org.comptoir.platform.cluster;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What a cache holds, as registered with {@link CacheTopics}. */
@FunctionalInterface
public interface CacheTopic {

    /**
     * The data changed: every node forgets it. This node forgets now and again when the changing
     * transaction ends (a read in between saw the old rows); the others once it commits.
     */
    void changed();

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
