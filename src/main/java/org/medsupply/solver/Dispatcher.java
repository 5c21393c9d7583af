// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.function.Consumer;

import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/** Solves one problem on the calling thread. */
public final class Dispatcher {

    private Dispatcher() {
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
    public static SolverLaunch.Run run(DispatchSolution problem, SolverConfig config,
            Consumer<DispatchSolution> onNewBest) {
        return SolverLaunch.of(problem, config, false, onNewBest).solve();
    }
}
