/**
 * Running as one platform on several nodes: jobs that run on one node at a time ({@link ClusterJobs})
 * and caches that every node forgets when one changes what they hold ({@link CacheTopics}).
 */
@NamedInterface("cluster")
package org.comptoir.platform.cluster;

import org.springframework.modulith.NamedInterface;
