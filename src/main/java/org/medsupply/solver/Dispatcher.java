// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.function.Consumer;

import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/** Solves one problem on the calling thread. */
public final class Dispatcher {

    private Dispatcher() {
    }

    /**
     * @param onNewBest told each new best score while solving (on the solver thread); may be a no-op
     * @return the best plan found, scored
     */
    public static DispatchSolution solve(DispatchSolution problem, SolverConfig config,
            Consumer<BendableLongScore> onNewBest) {
        Solver<DispatchSolution> solver = SolverFactory.<DispatchSolution>create(config).buildSolver();
        solver.addEventListener(event -> onNewBest.accept((BendableLongScore) event.getNewBestScore()));
        return solver.solve(problem);
    }
}
