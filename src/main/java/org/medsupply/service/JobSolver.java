// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;
import java.util.function.Consumer;

import org.medsupply.domain.DispatchSolution;

/**
 * Solves one job on the calling thread. Production uses {@link OptaPlannerJobSolver}; tests pass
 * their own to inject failures.
 */
@FunctionalInterface
public interface JobSolver {

    /**
     * Solves until the time limit or until {@code request.cancellation()} is requested, telling
     * {@code request.onNewBest()} each new best solution, and returns the final best.
     *
     * @throws Exception any failure; the job then ends FAILED (an {@link Error} is caught as well)
     */
    DispatchSolution solve(SolveRequest request) throws Exception;

    /**
     * @param seed      random seed, or {@code null} for none
     * @param warmStart whether {@code problem} is already planned (a checkpoint): construction is skipped
     * @param onNewBest receives planning clones that the solver never changes afterwards
     */
    record SolveRequest(String jobId, DispatchSolution problem, boolean warmStart, Duration timeLimit, Long seed,
            Cancellation cancellation, Consumer<DispatchSolution> onNewBest) {
    }
}
