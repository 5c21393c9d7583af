// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as submitted.
 *
 * @param owner       who submitted it; {@code null} when API keys are off
 * @param seed        random seed, or {@code null}
 * @param problemName the problem's {@code name}, or {@code null}
 * @param countsJson  sizes of the problem, as the service writes them
 * @param problemJson the problem as submitted
 * @param parent      the job this one re-plans, or {@code null}
 */
public record NewJob(String id, String owner, Instant submittedAt, Duration timeLimit, Long seed,
        String problemName, String countsJson, String problemJson, String parent) {
}
