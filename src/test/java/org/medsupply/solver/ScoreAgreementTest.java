// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemMapper;
import org.medsupply.testing.TestProblems;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** The constraint streams and the naive calculator must agree, on random plans and on every solver step. */
class ScoreAgreementTest {

    private final SolutionManager<DispatchSolution, BendableLongScore> solutionManager =
            SolutionManager.create(SolverFactory.create(SolverConfigs.production()));

    @Test
    void constraintStreamsAgreeWithNaiveScoreOnRandomPlans() {
        NaiveScoreCalculator naive = new NaiveScoreCalculator();
        for (long seed = 1; seed <= 40; seed++) {
            DispatchSolution solution = randomPlan(seed);
            BendableLongScore expected = naive.calculateScore(solution);
            assertThat(solutionManager.update(solution)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void randomPlansBreakRulesSoTheAgreementIsNotTrivial() {
        long infeasible = java.util.stream.LongStream.rangeClosed(1, 40)
                .filter(seed -> !new NaiveScoreCalculator().calculateScore(randomPlan(seed)).isFeasible()).count();
        assertThat(infeasible).isGreaterThan(20);
    }

    @Test
    void everySolverStepAgreesWithNaiveScore() {
        assertEveryStepAgrees(TestProblems.random(3, 8, 3), 7L, 300);
    }

    /** Regression: a move touching two trips of one vehicle once left the later trip timed from nulls. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void multiTripVehiclesStayConsistentUnderEveryMove(long seed) {
        assertEveryStepAgrees(TestProblems.random(seed, 10, 2, 3), seed, 1000);
    }

    /** Nothing short: the local search's ruin and recreate moves run too. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void ruinAndRecreateKeepsScoresExact(long seed) {
        assertEveryStepAgrees(TestProblems.randomWithAmpleStock(seed, 12, 3, 2), seed, 1000);
    }

    private static void assertEveryStepAgrees(ProblemFile problem, long seed, int steps) {
        SolverConfig config = SolverConfigs.production()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(seed);
        config.getPhaseConfigList().get(1).setTerminationConfig(new TerminationConfig().withStepCountLimit(steps));
        config.getScoreDirectorFactoryConfig().setAssertionScoreDirectorFactory(
                new ScoreDirectorFactoryConfig().withEasyScoreCalculatorClass(NaiveScoreCalculator.class));
        DispatchSolution solved = SolverFactory.<DispatchSolution>create(config).buildSolver()
                .solve(ProblemMapper.toSolution(problem));
        assertThat(solved.getScore()).isEqualTo(new NaiveScoreCalculator().calculateScore(solved));
        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(solved)).violations()).isEmpty();
    }

    /** Every delivery put at a random place in a random trip or the unserved pool. */
    private static DispatchSolution randomPlan(long seed) {
        DispatchSolution solution = ProblemMapper.toSolution(TestProblems.random(seed, 6, 3));
        SplittableRandom random = new SplittableRandom(seed);
        List<Delivery> deliveries = new ArrayList<>(solution.unservedPool().getDeliveries());
        solution.unservedPool().getDeliveries().clear();
        for (Delivery delivery : deliveries) {
            List<Delivery> list = solution.getTrips().get(random.nextInt(solution.getTrips().size())).getDeliveries();
            list.add(random.nextInt(list.size() + 1), delivery);
        }
        Timeline.connect(solution.getTrips());
        return solution;
    }
}
