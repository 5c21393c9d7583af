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
 * could make by hand) on the objective's own order; on the first problem the finished greedy plan is the
 * best found. The solves stop after a number of steps without improvement, not on the clock, so the scores
 * are the same on any machine and are recorded here: a change that moves them shows up, to be looked at and
 * re-recorded.
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
            "1 | [0]hard/[-10/-2888095/-558/-210875981/-236/-216187017/-506/-293227978/-5810600/0/-1290371]soft | [0]hard/[-10/-2888095/-558/-210875981/-236/-216187017/-506/-293227978/-5810600/0/-1290371]soft",
            "2 | [0]hard/[-11/-3596824/-1087/-483147366/-7156/-7042536232/-1977/-1977000000/-1545700/0/-985002]soft | [0]hard/[-11/-3596824/-884/-422451697/-7240/-7158270637/-1977/-1977000000/-1978100/0/-1064504]soft",
            "3 | [0]hard/[0/0/-181/-40277038/-4545/-3537755337/-663/-663000000/-1933800/0/-1340770]soft | [0]hard/[0/0/-181/-40273548/-4386/-3331174187/-663/-663000000/-1975600/0/-1531098]soft"})
    void solverIsNeverBelowTheGreedyDispatcher(long seed, String greedyScore, String solverScore) {
        ProblemFile problem = ProblemGenerator.generate(new ProblemGenerator.Options(seed, 60, 3, 8, 0.3));
        DispatchSolution byHand = solve(problem, SolverConfigs.greedyOnly());
        DispatchSolution solved = solve(problem, TestSolving.config(500));

        assertThat(solved.getScore()).isGreaterThanOrEqualTo(byHand.getScore());
        assertThat(byHand.getScore()).hasToString(greedyScore);
        assertThat(solved.getScore()).hasToString(solverScore);
    }
}
