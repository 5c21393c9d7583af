// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A stored job, without its problem, plan and explanation (read those by id).
 *
 * @param seq         order of submission, larger is newer
 * @param owner       {@code null} for jobs submitted without API keys
 * @param status      a job status name
 * @param node        the server that solves or solved it; {@code null} while never started
 * @param restarts    how often solving resumed after the server stopped
 * @param startedAt   {@code null} until solving starts
 * @param endedAt     {@code null} until final
 * @param seed        {@code null} for none
 * @param score       best score so far; {@code null} without a plan
 * @param feasible    {@code null} without a plan
 * @param errorJson   why it failed; {@code null} unless {@code FAILED}
 * @param kpisJson    the best plan's figures; {@code null} without a plan
 * @param problemRevision how many changes were applied to the problem (0 as submitted)
 * @param parent      the job this one re-plans, or {@code null}
 */
public record JobRecord(String id, long seq, String owner, String status, String node, int restarts,
        Instant submittedAt, Instant startedAt, Instant endedAt, Duration timeLimit, Long seed, String problemName,
        String countsJson, boolean cancelRequested, String score, Boolean feasible, String errorJson,
        String kpisJson, long problemRevision, String parent) {
}
