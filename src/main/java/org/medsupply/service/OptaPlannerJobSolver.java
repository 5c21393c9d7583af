// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.solver.SolverLaunch;

/**
 * One OptaPlanner {@code Solver} per job, run on the service's own executor rather than through
 * {@code SolverManager}: in 10.1.0 SolverManager queues without bound, does not hand {@link Error}s to
 * its exception handler, and blocks in {@code terminateEarly} until the consumer is done, while a
 * plain solver's {@code terminateEarly} only raises a flag.
 */
public final class OptaPlannerJobSolver implements JobSolver {

    @Override
    public DispatchSolution solve(SolveRequest request) {
        SolverLaunch launch = SolverLaunch.of(request.problem(), request.warmStart()
                ? SolverConfigs.forResume(request.timeLimit(), request.seed())
                : SolverConfigs.forRun(request.timeLimit(), request.seed()), request.warmStart(), request.onNewBest());
        request.cancellation().onRequest(launch::terminateEarly);
        return launch.solve().best();
    }
}
