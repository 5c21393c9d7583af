// SPDX-License-Identifier: Apache-2.0
package org.medsupply.testing;

import java.time.Duration;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solving in tests: a fixed seed, reproducible mode, and local search stopped by a count of steps
 * without improvement (the same on any machine); the time limit is only a safety cap.
 */
public final class TestSolving {

    private TestSolving() {
    }

    public static SolverConfig config(int unimprovedSteps) {
        SolverConfig config = SolverConfigs.forRun(Duration.ofSeconds(60), 42L);
        config.setTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(60)));
        config.getPhaseConfigList().get(1)
                .setTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(unimprovedSteps));
        return config;
    }

    public static DispatchSolution solve(ProblemFile problem) {
        return Dispatcher.solve(ProblemMapper.toSolution(problem), config(2000), score -> {
        });
    }
}
