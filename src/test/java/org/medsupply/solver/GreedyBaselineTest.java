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
 * could make by hand) on the objective's own order. The solves stop after a number of steps without
 * improvement, not on the clock, so the scores are the same on any machine and are recorded here: a change
 * that moves them shows up, to be looked at and re-recorded.
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
            "1 | [0]hard/[-10/-2888095/-514/-170120425/-218/-210905982/-203/-87406451/-4055700/0/-1184842]soft | [0]hard/[-10/-2888095/-502/-164589513/-223/-207316954/-244/-114493807/-4174300/0/-1217801]soft",
            "2 | [0]hard/[-11/-3596824/-1223/-459827386/-7279/-7229654540/-1977/-1977000000/-1664600/0/-915582]soft | [0]hard/[-11/-3596824/-779/-343927581/-7246/-7161751732/-1977/-1977000000/-2374600/0/-1126740]soft",
            "3 | [0]hard/[0/0/-181/-40273548/-4727/-4028366154/-663/-663000000/-2716600/0/-1250618]soft | [0]hard/[0/0/-181/-40273548/-4099/-3174418571/-626/-594657025/-2634800/0/-1499499]soft"})
    void solverIsNeverBelowTheGreedyDispatcher(long seed, String greedyScore, String solverScore) {
        ProblemFile problem = ProblemGenerator.generate(new ProblemGenerator.Options(seed, 60, 3, 8, 0.3));
        DispatchSolution byHand = solve(problem, SolverConfigs.greedyOnly());
        DispatchSolution solved = solve(problem, TestSolving.config(500));

        assertThat(solved.getScore()).isGreaterThanOrEqualTo(byHand.getScore());
        assertThat(byHand.getScore()).hasToString(greedyScore);
        assertThat(solved.getScore()).hasToString(solverScore);
    }
}
