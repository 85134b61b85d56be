package org.comptoir.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.comptoir.platform.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications back to their listeners while the platform runs, not only at its
 * next start: a listener that failed (the database went away under it) or a publication left in
 * progress by a node that died (marked failed by Spring Modulith's staleness monitor, see
 * {@code spring.modulith.events.staleness}) is delivered again, with a backoff that doubles per
 * attempt from {@code comptoir.platform.events.first-retry} up to an hour. One node at a time resubmits
 * (a cluster job), and each publication is claimed by a conditional update before it is handed over,
 * so it is delivered once per attempt. Listeners are idempotent: a delivery whose effect committed
 * but whose completion was not recorded does nothing the second time.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    private static final String INTERVAL = "${comptoir.platform.events.resubmit-interval:10s}";
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private final ObjectProvider<FailedEventPublications> failed;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Duration firstRetry;

    EventResubmission(ObjectProvider<FailedEventPublications> failed, ClusterJobs jobs, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${comptoir.platform.events.first-retry:30s}")
            Duration firstRetry) {
        this.failed = failed;
        this.jobs = jobs;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    void resubmitDue() {
        FailedEventPublications publications = failed.getIfAvailable();
        if (publications == null) {
            return;
        }
        jobs.runOnce("platform.event-resubmission", INTERVAL, () -> {
            try {
                Instant now = clock.instant();
                publications.resubmit(ResubmissionOptions.defaults().withBatchSize(500).withMaxInFlight(500)
                        .withFilter(publication -> due(publication, now)));
            } catch (RuntimeException e) {
                log.warn("Could not resubmit failed event publications: {}", e.getMessage());
            }
        });
    }

    /** Due once its backoff has passed since it was published or last resubmitted. */
    boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !last.plus(backoff(publication.getCompletionAttempts())).isAfter(now);
    }

    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }
}
