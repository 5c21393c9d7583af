// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Replanning;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ReplanProblem;
import org.medsupply.testing.TestProblems;
import org.medsupply.testing.TestSolving;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Re-planning a plan under way: with every assertion OptaPlanner has (FULL_ASSERT, the naive score as a second
 * opinion on every step), the trips under way come out of solving and the finishing steps exactly as the
 * problem gives them, no new trip leaves before now, and the independent checker finds nothing wrong.
 */
class CommittedTripsTest {

    /** A random problem solved, then re-planned a minute after its first trips have left. */
    private static ProblemFile replanningProblem(long seed) throws Exception {
        ProblemFile problem = TestProblems.random(seed, 10, 3, 2);
        PlanFile plan = PlanWriter.toPlan(TestSolving.solve(problem));
        OffsetDateTime first = plan.routes().stream().flatMap(route -> route.trips().stream())
                .map(trip -> OffsetDateTime.parse(trip.departure())).min(Comparator.naturalOrder()).orElseThrow();
        return ReplanProblem.build(problem, plan, first.plusMinutes(1).toString(), null);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void committedTripsNeverMove(long seed) throws Exception {
        ProblemFile problem = replanningProblem(seed);
        assertThat(problem.committed()).isNotEmpty();
        assertThat(problem.reference()).isNotEmpty();
        DispatchSolution start = ProblemMapper.toSolution(problem);
        Replanning given = start.getReplanning();

        SolverConfig config = SolverConfigs.production()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(seed);
        config.getPhaseConfigList().get(1).setTerminationConfig(new TerminationConfig().withStepCountLimit(400));
        config.getScoreDirectorFactoryConfig().setAssertionScoreDirectorFactory(
                new ScoreDirectorFactoryConfig().withEasyScoreCalculatorClass(NaiveScoreCalculator.class));
        DispatchSolution solved = SolverLaunch.of(start, config, false, best -> { }).solve().best();

        assertThat(solved.getReplanning()).isSameAs(given);
        assertThat(solved.getScore()).isEqualTo(new NaiveScoreCalculator().calculateScore(solved));
        long now = solved.getTimeAxis().toMillis(OffsetDateTime.parse(problem.now()));
        assertThat(solved.getDeliveries()).filteredOn(Delivery::isDispatched)
                .allSatisfy(delivery -> assertThat(delivery.getTrip().departureMs()).isGreaterThanOrEqualTo(now));
        PlanFile plan = PlanWriter.toPlan(solved);
        List<TripDto> committed = new ArrayList<>();
        plan.routes().forEach(route -> route.trips().stream().filter(TripDto::isCommitted).forEach(committed::add));
        assertThat(committed).hasSameSizeAs(problem.committed());
        for (ProblemFile.CommittedTripDto trip : problem.committed()) {
            TripDto written = plan.routes().stream().filter(route -> route.vehicle().equals(trip.vehicle()))
                    .flatMap(route -> route.trips().stream())
                    .filter(t -> t.isCommitted() && t.departure().equals(trip.departure())).findFirst().orElseThrow();
            assertThat(written.stops()).extracting(PlanFile.StopDto::hospital)
                    .containsExactlyElementsOf(trip.stops().stream().map(ProblemFile.TripStopDto::hospital).toList());
            for (int i = 0; i < trip.stops().size(); i++) {
                assertThat(written.stops().get(i).deliver()).isEqualTo(trip.stops().get(i).deliver());
            }
        }
        assertThat(PlanChecker.check(problem, plan).violations()).isEmpty();
        assertThat(plan.kpis().changedUnits()).isEqualTo(-solved.getScore().softScore(
                org.medsupply.domain.ScoreLevels.STABILITY));
    }
}
