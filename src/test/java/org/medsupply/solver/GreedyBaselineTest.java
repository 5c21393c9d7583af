// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.testing.TestSolving;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The quality floor: the solver's plan is never below the greedy dispatcher's (the plan a coordinator
 * could make by hand) on the objective's own order, and on these problems local search does better. The
 * solves stop after a number of steps without improvement, not on the clock, so the scores are the same on
 * any machine and are recorded here: a change that moves them shows up, to be looked at and re-recorded.
 */
class GreedyBaselineTest {

    private static DispatchSolution solve(ProblemFile problem, SolverConfig config) {
        DispatchSolution solved = Dispatcher.solve(ProblemMapper.toSolution(problem), config, score -> {
        });
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(solved)).violations()).isEmpty();
        return solved;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | [0]hard/[-10/-2888095/-558/-224267550/-244/-217267325/-509/-395440858/-5843100/0/-1288362]soft | [0]hard/[-10/-2888095/-558/-224267550/-215/-215000000/-266/-139088979/-5393000/0/-1360685]soft",
            "2 | [0]hard/[-11/-3596824/-1278/-534544479/-7146/-7046396627/-1977/-1977000000/-1536800/0/-965292]soft | [0]hard/[-11/-3596824/-884/-441876458/-7240/-7163278225/-1977/-1977000000/-1926200/0/-1023772]soft",
            "3 | [0]hard/[0/0/-181/-40312694/-4559/-3573945833/-663/-663000000/-1822700/0/-1319736]soft | [0]hard/[0/0/-181/-40273548/-4436/-3426882374/-663/-663000000/-1940600/0/-1527973]soft"})
    void solverIsNeverBelowTheGreedyDispatcher(long seed, String greedyScore, String solverScore) {
        ProblemFile problem = ProblemGenerator.generate(new ProblemGenerator.Options(seed, 60, 3, 8, 0.3));
        DispatchSolution byHand = solve(problem, SolverConfigs.greedyOnly());
        DispatchSolution solved = solve(problem, TestSolving.config(500));

        assertThat(solved.getScore()).isGreaterThan(byHand.getScore());
        assertThat(byHand.getScore()).hasToString(greedyScore);
        assertThat(solved.getScore()).hasToString(solverScore);
    }
}
