package org.comptoir.platform.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database gone for a moment (restarted, failed over, its connections cut): a 503 with
 * {@code Retry-After}, never a 500, since the client should simply try again. Read from the failure's
 * causes: Spring's resource failures, a connection that could not be had, or an SQLSTATE of class 08
 * (connection exception), 53 (insufficient resources) or 57 (operator intervention: 57P01, 57P02,
 * 57P03 when PostgreSQL shuts down or restarts).
 */
final class DatabaseUnavailable {

    /** Seconds a client waits before trying again. */
    static final String RETRY_AFTER = "2";

    private DatabaseUnavailable() {}

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true; // the rollback of a failed read failed too: what failed first tells
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
                            || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    /** Nothing was done: the request never reached the database, or its transaction was rolled back. */
    static ApiProblem nothingDone() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The database could not be reached; nothing was changed. Retry in a moment");
    }

    /**
     * The commit was sent but not confirmed: the change may or may not have been made. A retry with the
     * same Idempotency-Key replays the first answer if it was made, and makes it once if it was not.
     */
    static ApiProblem outcomeUnknown() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "Outcome unknown",
                "The database did not confirm the change, which may or may not have been made. Retry with the "
                        + "same Idempotency-Key: if it was made, its first answer is replayed");
    }
}
