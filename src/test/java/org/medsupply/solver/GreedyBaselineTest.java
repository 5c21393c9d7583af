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
            "1 | [0]hard/[-10/-2888095/-519/-185267550/-217/-211547009/-229/-103341448/-4066000/-1193606]soft | [0]hard/[-10/-2888095/-517/-183268085/-209/-206418803/-260/-130008303/-4023200/-1218680]soft",
            "2 | [0]hard/[-11/-3596824/-1339/-514180171/-7278/-7227899910/-1977/-1977000000/-1651200/-887213]soft | [0]hard/[-11/-3596824/-865/-376897856/-7194/-7068013430/-1977/-1977000000/-2273100/-1122286]soft",
            "3 | [0]hard/[0/0/-181/-40273548/-4762/-4232898912/-607/-562834891/-2589400/-1290920]soft | [0]hard/[0/0/-181/-40273548/-4109/-3260816242/-618/-581367769/-2576800/-1487394]soft"})
    void solverIsNeverBelowTheGreedyDispatcher(long seed, String greedyScore, String solverScore) {
        ProblemFile problem = ProblemGenerator.generate(new ProblemGenerator.Options(seed, 60, 3, 8, 0.3));
        DispatchSolution byHand = solve(problem, SolverConfigs.greedyOnly());
        DispatchSolution solved = solve(problem, TestSolving.config(500));

        assertThat(solved.getScore()).isGreaterThan(byHand.getScore());
        assertThat(byHand.getScore()).hasToString(greedyScore);
        assertThat(solved.getScore()).hasToString(solverScore);
    }
}
