package org.comptoir.platform.web;

import java.util.List;

/**
 * POST endpoints a module runs in transactions of its own, rather than in the one transaction the
 * platform wraps every API write in: those that call another system (a payment provider) between two
 * transactions, so that no database transaction is open while the other system is asked. Their
 * Idempotency-Key is claimed before they run and answered after. A module declares them as a bean.
 *
 * @param patterns path patterns such as {@code /api/v1/orders/*}{@code /payments}
 */
public record SelfManagedTransactions(List<String> patterns) {

    public SelfManagedTransactions {
        patterns = List.copyOf(patterns);
    }
}
