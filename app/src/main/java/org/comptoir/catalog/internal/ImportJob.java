package org.comptoir.catalog.internal;

import java.time.Instant;
import java.util.UUID;

/** A bulk import and how far it got. */
record ImportJob(UUID id, Format format, Status status, String spoolFile, Long rowsTotal, long rowsDone,
        long rowsFailed, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        String message) {

    enum Format {
        CSV,
        JSON
    }

    enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }
}
