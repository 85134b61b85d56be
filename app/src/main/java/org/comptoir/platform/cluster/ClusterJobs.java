package org.comptoir.platform.cluster;

/**
 * Scheduled work that must run on one node at a time and once per period across the nodes (expiring
 * holds, sweeping carts, purging). Every node schedules the job; the first to take its lock runs it
 * and keeps the lock for most of the period, so the other nodes' ticks of that period pass.
 */
public interface ClusterJobs {

    /**
     * Runs {@code work} unless another node runs this job or ran it less than 90 % of a period ago.
     *
     * @param job a stable name, e.g. {@code inventory.hold-expiry}
     * @param period the job's schedule as a property placeholder, e.g. {@code ${comptoir.x.interval:5s}},
     *               the same string its {@code @Scheduled} uses
     * @return whether this node ran it
     */
    boolean runOnce(String job, String period, Runnable work);
}
