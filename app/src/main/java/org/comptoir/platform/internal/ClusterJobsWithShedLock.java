package org.comptoir.platform.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.comptoir.platform.cluster.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterJobs} on ShedLock's row per job in {@code platform.shedlock}, timed by the database's
 * clock so that nodes whose clocks differ still agree. A job keeps its lock for 90 % of its period, so
 * one node runs each period; a node that dies holding it frees it after twelve periods (at most ten
 * minutes, never less than the 90 %). The jobs stay safe if two runs overlap all the same: each
 * closes what it handles with a conditional update.
 */
@Component
class ClusterJobsWithShedLock implements ClusterJobs {

    private static final Duration LONGEST_HOLD = Duration.ofMinutes(10);

    private final LockingTaskExecutor executor;
    private final Environment environment;
    private final String cluster;
    private final Map<String, Duration> periods = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    /** @param cluster names the nodes that share jobs; only the suite's separate contexts differ */
    ClusterJobsWithShedLock(DataSource dataSource, Environment environment,
            @Value("${comptoir.platform.cluster-name:comptoir}") String cluster, MeterRegistry meters) {
        this.environment = environment;
        this.meters = meters;
        this.cluster = cluster;
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withTableName("platform.shedlock")
                        .usingDbTime()
                        .build()));
    }

    @Override
    public boolean runOnce(String job, String period, Runnable work) {
        Duration every = periods.computeIfAbsent(period,
                p -> DurationStyle.detectAndParse(environment.resolveRequiredPlaceholders(p)));
        Duration atLeast = every.multipliedBy(9).dividedBy(10);
        Duration atMost = max(atLeast, min(every.multipliedBy(12), LONGEST_HOLD));
        boolean[] ran = {false};
        executor.executeWithLock((Runnable) () -> {
            ran[0] = true;
            meters.counter("comptoir.cluster.job.runs", "job", job).increment();
            work.run();
        }, new LockConfiguration(Instant.now(), cluster + ":" + job, atMost, atLeast));
        return ran[0];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
