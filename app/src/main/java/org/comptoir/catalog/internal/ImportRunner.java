package org.comptoir.catalog.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs import jobs in the background. A job is spooled to a file, queued in the database, and taken
 * by whichever node claims it first; a node that dies mid-job stops beating, and another node (or
 * this one after a restart) resumes it after the last committed batch.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final ImportJobRepository jobs;
    private final CatalogImport batches;
    private final CatalogSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService workers = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalog-import").daemon().factory());
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    ImportRunner(ImportJobRepository jobs, CatalogImport batches, CatalogSettings settings, ObjectMapper json,
            Clock clock) {
        this.jobs = jobs;
        this.batches = batches;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Spools an upload and queues its job; the job starts once the caller's transaction commits. */
    ImportJob submit(ImportJob.Format format, InputStream upload, String createdBy) throws IOException {
        UUID id = Ids.newId();
        Files.createDirectories(settings.importSpool());
        Path spool = settings.importSpool().resolve(id + "." + format.name().toLowerCase(java.util.Locale.ROOT));
        Files.copy(upload, spool);
        ImportJob job = new ImportJob(id, format, ImportJob.Status.QUEUED, spool.toString(), null, 0, 0, createdBy,
                clock.instant(), null, null, null);
        jobs.insert(job);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    startIfFree(id);
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        deleteQuietly(spool);
                    }
                }
            });
        } else {
            startIfFree(id);
        }
        return job;
    }

    ImportJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("import", id));
    }

    CursorPage<ImportJob> jobs(PageRequest page) {
        return CursorPage.of(jobs.list(page), page, job -> job.id().toString());
    }

    CursorPage<ImportJobRepository.RowError> errors(UUID id,
            PageRequest page) {
        job(id);
        return CursorPage.of(jobs.errors(id, page), page,
                error -> Long.toString(error.line()));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void pickUpWaitingJobs() {
        for (UUID id : jobs.claimable(clock.instant().minus(STALE_AFTER))) {
            startIfFree(id);
        }
    }

    private void startIfFree(UUID id) {
        if (running.add(id)) {
            workers.execute(() -> {
                try {
                    if (jobs.claim(id, clock.instant(), clock.instant().minus(STALE_AFTER))) {
                        run(id);
                    }
                } catch (RuntimeException e) {
                    log.error("Import {} stopped unexpectedly; it will be resumed", id, e);
                } finally {
                    running.remove(id);
                }
            });
        }
    }

    private void run(UUID id) {
        ImportJob job = jobs.find(id).orElseThrow();
        Path spool = Path.of(job.spoolFile());
        long started = System.nanoTime();
        try {
            if (job.rowsTotal() == null) {
                long total = count(job, spool);
                jobs.setTotal(id, total);
                job = jobs.find(id).orElseThrow();
            }
            log.info("Import {} ({}) running: {} rows, resuming after row {}", id, job.format(), job.rowsTotal(),
                    job.rowsDone());
            process(job, spool);
            ImportJob done = jobs.find(id).orElseThrow();
            jobs.finish(id, ImportJob.Status.COMPLETED, null, clock.instant());
            log.info("Import {} completed: {} rows, {} refused, in {} ms", id, done.rowsDone(), done.rowsFailed(),
                    (System.nanoTime() - started) / 1_000_000);
            deleteQuietly(spool);
        } catch (ImportSource.BadFile e) {
            jobs.finish(id, ImportJob.Status.FAILED, e.getMessage(), clock.instant());
            log.warn("Import {} failed: {}", id, e.getMessage());
            deleteQuietly(spool);
        } catch (IOException e) {
            jobs.finish(id, ImportJob.Status.FAILED, "the uploaded file is no longer readable", clock.instant());
            log.error("Import {} failed reading {}", id, spool, e);
        }
    }

    private long count(ImportJob job, Path spool) throws IOException {
        long total = 0;
        try (InputStream in = Files.newInputStream(spool); ImportSource source = ImportSource.open(job.format(), in, json)) {
            while (source.hasNext()) {
                source.next();
                total++;
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return total;
    }

    private void process(ImportJob job, Path spool) throws IOException {
        Map<String, Boolean> knownChannels = new ConcurrentHashMap<>();
        long done = job.rowsDone();
        try (InputStream in = Files.newInputStream(spool); ImportSource source = ImportSource.open(job.format(), in, json)) {
            for (long skipped = 0; skipped < done && source.hasNext(); skipped++) {
                source.next();
            }
            List<ImportSource.Item> batch = new ArrayList<>(settings.importBatchSize());
            while (source.hasNext()) {
                batch.add(source.next());
                if (batch.size() == settings.importBatchSize() || !source.hasNext()) {
                    done += write(job.id(), batch, knownChannels);
                    log.info("Import {}: {}/{} rows", job.id(), done, job.rowsTotal());
                    batch.clear();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** Writes a batch; when it conflicts as a whole, item by item so only the bad items are refused. */
    private int write(UUID jobId, List<ImportSource.Item> batch, Map<String, Boolean> knownChannels) {
        try {
            batches.write(jobId, batch, knownChannels);
        } catch (CatalogImport.ImportBatchConflict | org.springframework.dao.DataIntegrityViolationException e) {
            log.info("Import {}: batch conflicts ({}), writing it item by item", jobId, e.getMessage());
            for (ImportSource.Item item : batch) {
                batches.write(jobId, List.of(item), knownChannels);
            }
        }
        return batch.size();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
