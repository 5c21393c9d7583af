// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;

/**
 * How the job service uses its store.
 *
 * @param node               this server's name, shown as the {@code node} of the jobs it solves
 * @param checkpointInterval how often the best plan of each solving job is stored when it changed; the
 *                           final plan is always stored at the end
 */
public record Durability(String node, Duration checkpointInterval) {

    public Durability {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("node must be named");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
    }

    /** Checkpoints every 10 s, as the API promises at most. */
    public static Durability every10Seconds(String node) {
        return new Durability(node, Duration.ofSeconds(10));
    }
}
