// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.medsupply.io.PlanFile;

/**
 * A job as clients see it: an immutable snapshot, taken whenever asked.
 *
 * @param score          best score so far; {@code null} while nothing is planned
 * @param feasible       whether that plan breaks no hard rule; {@code null} while nothing is planned
 * @param submittedAt    ISO-8601 instant (UTC), as are the other two times
 * @param startedAt      {@code null} while queued (and for jobs cancelled before they started)
 * @param endedAt        {@code null} until the job is final
 * @param timeLimitSeconds solve time the job was given
 * @param seed           random seed, or {@code null} for none
 * @param problem        the problem's {@code name}
 * @param cancelRequested true once a DELETE asked a running solve to stop
 * @param error          why it failed; only for {@link JobStatus#FAILED}
 * @param owner          who submitted it (the API key's owner); {@code null} when keys are off
 * @param node           the server that solves or solved it; {@code null} until solving starts
 * @param restarts       how often solving resumed from a checkpoint after its server stopped
 * @param kpis           the best plan's figures (fill rates, km), live while solving and stored with each
 *                       checkpoint and the final plan; {@code null} before the first plan
 * @param problemRevision how many changes were applied to the problem (0 as submitted); a plan names the
 *                       revision it answers
 * @param parent         the job this one re-plans; {@code null} for a job submitted with its problem
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, JobStatus status, String score, Boolean feasible, String submittedAt,
        String startedAt, String endedAt, double timeLimitSeconds, Long seed, String problem, Counts counts,
        boolean cancelRequested, Failure error, String owner, String node, int restarts, PlanFile.KpisDto kpis,
        long problemRevision, String parent) {

    /** Sizes of the problem. */
    public record Counts(int supplies, int warehouses, int hospitals, int vehicles, int demandLines) {
    }

    /** An RFC 9457 problem detail saying why solving failed, without internals. */
    public record Failure(String type, String title, int status, String detail) {
    }
}
