// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.time.Duration;

import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** Builds solver configurations from {@code solverConfig.xml} plus the settings of one run. */
public final class SolverConfigs {

    public static final String RESOURCE = "org/medsupply/solver/solverConfig.xml";

    private SolverConfigs() {
    }

    /** The production configuration, without termination (solving runs until terminated). */
    public static SolverConfig production() {
        return SolverConfig.createFromXmlResource(RESOURCE);
    }

    /**
     * A run of at most {@code timeLimit}; with a seed, reproducible (same seed, same plan, as long as
     * the run is not cut by the clock). The solver also stops early when an unimproved spell lasts a
     * third of the limit, so easy problems do not burn the whole budget.
     */
    public static SolverConfig forRun(Duration timeLimit, Long seed) {
        // OptaPlanner rejects limits finer than a millisecond
        long limitMillis = Math.max(1, timeLimit.toMillis());
        SolverConfig config = production().withTerminationConfig(new TerminationConfig()
                .withSpentLimit(Duration.ofMillis(limitMillis))
                .withUnimprovedSpentLimit(Duration.ofMillis(limitMillis / 3 + 500)));
        if (seed != null) {
            config.withRandomSeed(seed).withEnvironmentMode(EnvironmentMode.REPRODUCIBLE);
        }
        return config;
    }

    /** A run that uses all of {@code timeLimit}, as benchmarks compare solvers at equal time. */
    public static SolverConfig forFullRun(Duration timeLimit, Long seed) {
        SolverConfig config = forRun(timeLimit, seed);
        config.getTerminationConfig().setUnimprovedSpentLimit(null);
        return config;
    }

    /** Like {@link #forRun}, for a solution already planned: local search only, no construction. */
    public static SolverConfig forResume(Duration timeLimit, Long seed) {
        SolverConfig config = forRun(timeLimit, seed);
        config.setPhaseConfigList(config.getPhaseConfigList().subList(1, config.getPhaseConfigList().size()));
        return config;
    }

    /** Only the greedy dispatcher: the plan a coordinator could make by hand. */
    public static SolverConfig greedyOnly() {
        SolverConfig config = production();
        config.setPhaseConfigList(config.getPhaseConfigList().subList(0, 1));
        return config;
    }
}
