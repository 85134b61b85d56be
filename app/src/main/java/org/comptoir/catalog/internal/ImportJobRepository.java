package org.comptoir.catalog.internal;

import static org.comptoir.catalog.internal.db.tables.ImportError.IMPORT_ERROR;
import static org.comptoir.catalog.internal.db.tables.ImportJob.IMPORT_JOB;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.catalog.internal.db.tables.records.ImportJobRecord;
import org.comptoir.platform.web.PageRequest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ImportJobRepository {

    /** A refused row: its line in the file, its SKU when known, and why. */
    record RowError(long line, String sku, String reason) {}

    private final DSLContext db;

    ImportJobRepository(DSLContext db) {
        this.db = db;
    }

    void insert(ImportJob job) {
        db.insertInto(IMPORT_JOB)
                .set(IMPORT_JOB.ID, job.id())
                .set(IMPORT_JOB.FORMAT, job.format().name())
                .set(IMPORT_JOB.STATUS, job.status().name())
                .set(IMPORT_JOB.SPOOL_FILE, job.spoolFile())
                .set(IMPORT_JOB.ROWS_DONE, 0L)
                .set(IMPORT_JOB.ROWS_FAILED, 0L)
                .set(IMPORT_JOB.CREATED_BY, job.createdBy())
                .set(IMPORT_JOB.CREATED_AT, job.createdAt())
                .execute();
    }

    Optional<ImportJob> find(UUID id) {
        return db.selectFrom(IMPORT_JOB).where(IMPORT_JOB.ID.eq(id)).fetchOptional(ImportJobRepository::toJob);
    }

    List<ImportJob> list(PageRequest page) {
        return db.selectFrom(IMPORT_JOB)
                .where(page.afterId().map(id -> IMPORT_JOB.ID.lt(id)).orElse(DSL.noCondition()))
                .orderBy(IMPORT_JOB.ID.desc()).limit(page.limit() + 1).fetch(ImportJobRepository::toJob);
    }

    /** Queued jobs, and running ones whose node stopped beating: candidates to (re)start. */
    List<UUID> claimable(Instant staleBefore) {
        return db.select(IMPORT_JOB.ID).from(IMPORT_JOB)
                .where(IMPORT_JOB.STATUS.eq(ImportJob.Status.QUEUED.name())
                        .or(IMPORT_JOB.STATUS.eq(ImportJob.Status.RUNNING.name())
                                .and(IMPORT_JOB.HEARTBEAT_AT.lt(staleBefore))))
                .orderBy(IMPORT_JOB.ID).fetch(IMPORT_JOB.ID);
    }

    /** Takes a job for this node; false when another node took it first. */
    boolean claim(UUID id, Instant now, Instant staleBefore) {
        return db.update(IMPORT_JOB)
                .set(IMPORT_JOB.STATUS, ImportJob.Status.RUNNING.name())
                .set(IMPORT_JOB.STARTED_AT, DSL.coalesce(IMPORT_JOB.STARTED_AT, DSL.val(now)))
                .set(IMPORT_JOB.HEARTBEAT_AT, now)
                .where(IMPORT_JOB.ID.eq(id))
                .and(IMPORT_JOB.STATUS.eq(ImportJob.Status.QUEUED.name())
                        .or(IMPORT_JOB.STATUS.eq(ImportJob.Status.RUNNING.name())
                                .and(IMPORT_JOB.HEARTBEAT_AT.lt(staleBefore))))
                .execute() == 1;
    }

    void setTotal(UUID id, long total) {
        db.update(IMPORT_JOB).set(IMPORT_JOB.ROWS_TOTAL, total).where(IMPORT_JOB.ID.eq(id)).execute();
    }

    void progress(UUID id, long rows, long failed, Instant now) {
        db.update(IMPORT_JOB)
                .set(IMPORT_JOB.ROWS_DONE, IMPORT_JOB.ROWS_DONE.plus(rows))
                .set(IMPORT_JOB.ROWS_FAILED, IMPORT_JOB.ROWS_FAILED.plus(failed))
                .set(IMPORT_JOB.HEARTBEAT_AT, now)
                .where(IMPORT_JOB.ID.eq(id))
                .execute();
    }

    void finish(UUID id, ImportJob.Status status, String message, Instant now) {
        db.update(IMPORT_JOB)
                .set(IMPORT_JOB.STATUS, status.name())
                .set(IMPORT_JOB.MESSAGE, message)
                .set(IMPORT_JOB.FINISHED_AT, now)
                .where(IMPORT_JOB.ID.eq(id))
                .execute();
    }

    void insertErrors(UUID jobId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        var insert = db.insertInto(IMPORT_ERROR, IMPORT_ERROR.JOB_ID, IMPORT_ERROR.LINE, IMPORT_ERROR.SKU,
                IMPORT_ERROR.REASON);
        for (RowError error : errors) {
            String reason = error.reason().length() > 1000 ? error.reason().substring(0, 997) + "..." : error.reason();
            insert = insert.values(jobId, error.line(), error.sku() == null || error.sku().length() > 64 ? null
                    : error.sku(), reason);
        }
        insert.execute();
    }

    List<RowError> errors(UUID jobId, PageRequest page) {
        long after = page.after().map(ImportJobRepository::lineOf).orElse(0L);
        return db.selectFrom(IMPORT_ERROR)
                .where(IMPORT_ERROR.JOB_ID.eq(jobId), IMPORT_ERROR.LINE.gt(after))
                .orderBy(IMPORT_ERROR.LINE).limit(page.limit() + 1)
                .fetch(r -> new RowError(r.getLine(), r.getSku(), r.getReason()));
    }

    private static long lineOf(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw org.comptoir.platform.web.ApiProblem.invalid("cursor", "is not a cursor returned by this API");
        }
    }

    private static ImportJob toJob(ImportJobRecord r) {
        return new ImportJob(r.getId(), ImportJob.Format.valueOf(r.getFormat()),
                ImportJob.Status.valueOf(r.getStatus()), r.getSpoolFile(), r.getRowsTotal(), r.getRowsDone(),
                r.getRowsFailed(), r.getCreatedBy(), r.getCreatedAt(), r.getStartedAt(), r.getFinishedAt(),
                r.getMessage());
    }
}
