// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;

/**
 * How the job service uses its store.
 *
 * @param node               this server's name, shown as the {@code node} of the jobs it solves
 * @param checkpointInterval how often the best plan of each solving job is stored when it changed; the
 *                           final plan is always stored at the end
 * @param lease              on a shared store, how long a claimed job stays this server's without a renewal;
 *                           after it, another server may take the job over
 * @param pollInterval       on a shared store, how often the server renews its leases (hearing stops asked on
 *                           other servers), claims queued jobs for free solvers, and reads the jobs that event
 *                           streams follow on other servers
 */
public record Durability(String node, Duration checkpointInterval, Duration lease, Duration pollInterval) {

    /** Leases of 30 s, polled every second. */
    public Durability(String node, Duration checkpointInterval) {
        this(node, checkpointInterval, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    public Durability {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("node must be named");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.multipliedBy(4).compareTo(lease) > 0) {
            // a few renewals must fail before a lease runs out, so the server stops before another takes over
            throw new IllegalArgumentException("pollInterval must be positive and at most a quarter of the lease");
        }
    }

    /** Checkpoints every 10 s, as the API promises at most. */
    public static Durability every10Seconds(String node) {
        return new Durability(node, Duration.ofSeconds(10));
    }
}
