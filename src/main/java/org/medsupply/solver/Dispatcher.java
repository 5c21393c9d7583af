// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/** Solves one problem on the calling thread. */
public final class Dispatcher {

    private Dispatcher() {
    }

    /**
     * The outcome of a solve and the figures analysts compare.
     *
     * @param constructionMillis when the greedy plan (the first complete plan) was ready
     * @param scoreCalculationCount score calculations over the whole solve
     */
    public record Run(DispatchSolution best, long constructionMillis, long totalMillis, long scoreCalculationCount,
            long finishingMillis) {
        public long scoreCalculationsPerSecond() {
            return totalMillis == 0 ? 0 : scoreCalculationCount * 1000 / totalMillis;
        }
    }

    /** @param onNewBest told each new best score while solving (on the solver thread); may be a no-op */
    public static DispatchSolution solve(DispatchSolution problem, SolverConfig config,
            Consumer<BendableLongScore> onNewBest) {
        return run(problem, config, best -> onNewBest.accept(best.getScore())).best();
    }

    /**
     * Scores a plan set up by hand (a literature solution, a hand-edited plan): its shadow variables and score
     * as solving would leave them. Returns the same, now scored, plan.
     */
    public static DispatchSolution score(DispatchSolution plan) {
        SolutionManager.<DispatchSolution, BendableLongScore>create(SolverFactory.create(SolverConfigs.production()))
                .update(plan);
        return plan;
    }

    /**
     * @param onNewBest told each new best solution while solving (on the solver thread): a clone the solver
     *                  no longer changes, with its score set; may be a no-op
     */
    public static Run run(DispatchSolution problem, SolverConfig config, Consumer<DispatchSolution> onNewBest) {
        SolverFactory<DispatchSolution> solverFactory = SolverFactory.create(config);
        DefaultSolver<DispatchSolution> solver = (DefaultSolver<DispatchSolution>) solverFactory.buildSolver();
        solver.addEventListener(event -> onNewBest.accept(event.getNewBestSolution()));
        long[] constructionMillis = {-1};
        long[] scoreCalculationCount = {0};
        List<DispatchSolution> constructed = new ArrayList<>(1);
        solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseEnded(AbstractPhaseScope<DispatchSolution> phaseScope) {
                if (constructionMillis[0] < 0) {
                    constructionMillis[0] = phaseScope.calculateSolverTimeMillisSpentUpToNow();
                    constructed.add(phaseScope.getSolverScope().getBestSolution());
                }
                // read here: after solving the count is gone with the score director
                scoreCalculationCount[0] = phaseScope.getSolverScope().getScoreCalculationCount();
            }
        });
        DispatchSolution solved = solver.solve(problem);
        long finishing = System.nanoTime();
        DispatchSolution best = PlanTopUp.of(solved, constructed.isEmpty() ? null : constructed.get(0), solverFactory);
        return new Run(best, constructionMillis[0], solver.getTimeMillisSpent(), scoreCalculationCount[0],
                (System.nanoTime() - finishing) / 1_000_000);
    }
}
