package org.comptoir.integration.internal;

import java.time.Duration;
import org.comptoir.platform.cluster.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small: completed publications are kept for a while (to see what was handled) and
 * then deleted. One conditional delete, so several nodes running it at once is harmless.
 */
@Component
class OutboxHousekeeping {

    private static final String PURGE_JOB_PERIOD = "${comptoir.integration.outbox.purge-interval:1h}";

    private final CompletedEventPublications completed;
    private final ClusterJobs jobs;
    private final Duration keep;

    OutboxHousekeeping(CompletedEventPublications completed,
            @Value("${comptoir.integration.outbox.keep-completed:7d}") Duration keep, ClusterJobs jobs) {
        this.jobs = jobs;
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = PURGE_JOB_PERIOD)
    void purge() {
        jobs.runOnce("integration.outbox-purge", PURGE_JOB_PERIOD, this::purgeNow);
    }

    private void purgeNow() {
        completed.deletePublicationsOlderThan(keep);
    }
}
