// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.ArrayList;
import java.util.List;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.solver.PlanTopUp;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * One OptaPlanner {@code Solver} per job, run on the service's own executor rather than through
 * {@code SolverManager}: in 10.1.0 SolverManager queues without bound, does not hand {@link Error}s to
 * its exception handler, and blocks in {@code terminateEarly} until the consumer is done, while a
 * plain solver's {@code terminateEarly} only raises a flag.
 */
public final class OptaPlannerJobSolver implements JobSolver {

    @Override
    public DispatchSolution solve(SolveRequest request) {
        SolverFactory<DispatchSolution> solverFactory = SolverFactory.create(request.warmStart()
                ? SolverConfigs.forResume(request.timeLimit(), request.seed())
                : SolverConfigs.forRun(request.timeLimit(), request.seed()));
        DefaultSolver<DispatchSolution> solver = (DefaultSolver<DispatchSolution>) solverFactory.buildSolver();
        solver.addEventListener(event -> request.onNewBest().accept(event.getNewBestSolution()));
        // the greedy plan, for PlanTopUp; a warm start has no construction phase
        List<DispatchSolution> constructed = new ArrayList<>(1);
        // solve() clears a stop asked before it started, so the stop action is (re)registered per phase.
        solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<DispatchSolution> phaseScope) {
                request.cancellation().onRequest(solver::terminateEarly);
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<DispatchSolution> phaseScope) {
                if (!request.warmStart() && constructed.isEmpty()) {
                    constructed.add(phaseScope.getSolverScope().getBestSolution());
                }
            }
        });
        DispatchSolution solved = solver.solve(request.problem());
        return PlanTopUp.of(solved, constructed.isEmpty() ? null : constructed.get(0), solverFactory);
    }
}
