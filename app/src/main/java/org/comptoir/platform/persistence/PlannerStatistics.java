package org.comptoir.platform.persistence;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes the planner's statistics of the tables a bulk load filled (a catalogue import, a price
 * list, opening stock), once the load commits, as one does after a restore: until statistics exist
 * the planner guesses table sizes, and on a freshly loaded price table it scanned every row of it
 * for each quote rather than the three index entries wanted. Autovacuum would catch up in time, when
 * it runs at all; the platform does not wait for it.
 */
@Component
public class PlannerStatistics {

    /** Fewer rows than this do not change a table's shape enough to be worth it. */
    public static final int BULK_ROWS = 500;

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
    private static final Object PENDING = new Object();

    private final DSLContext db;
    private final TransactionTemplate separately;

    PlannerStatistics(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Says that {@code rows} were just written to these tables; a bulk load analyzes them after commit. */
    public void written(int rows, Table<?>... tables) {
        if (rows < BULK_ROWS) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            analyze(List.of(tables));
            return;
        }
        // One pass per transaction, whatever the number of batches it wrote.
        @SuppressWarnings("unchecked")
        Set<Table<?>> pending = (Set<Table<?>>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<Table<?>> tablesOfTransaction = ConcurrentHashMap.newKeySet();
            TransactionSynchronizationManager.bindResource(PENDING, tablesOfTransaction);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    analyze(List.copyOf(tablesOfTransaction));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = tablesOfTransaction;
        }
        pending.addAll(List.of(tables));
    }

    private void analyze(List<Table<?>> tables) {
        String command = db.dialect().family() == SQLDialect.H2 ? "analyze table " : "analyze ";
        for (Table<?> table : tables) {
            try {
                separately.executeWithoutResult(status -> db.execute(command + db.render(table)));
            } catch (DataAccessException e) {
                // Statistics are an optimisation: the load itself has committed.
                log.warn("could not analyze {}: {}", table, e.getMessage());
            }
        }
    }
}
