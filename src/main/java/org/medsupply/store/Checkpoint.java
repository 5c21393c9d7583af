// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Instant;

/**
 * A stored best plan.
 *
 * @param planJson       the plan as clients read it
 * @param kpisJson       the plan's figures alone, for job lists
 * @param assignmentJson which trip carries which delivery, to resume solving from; {@code null} when
 *                       the plan cannot be resumed from (a final plan)
 * @param at             when it was stored
 * @param problemRevision the revision of the job's problem that the plan answers
 */
public record Checkpoint(String score, boolean feasible, String planJson, String kpisJson, String assignmentJson,
        Instant at, long problemRevision) {
}
