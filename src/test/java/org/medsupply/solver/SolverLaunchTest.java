// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.testing.TestProblems;

/** The solver handle: stopped from another thread, before or while it solves, and fed problem changes. */
class SolverLaunchTest {

    private static SolverLaunch launch() {
        return SolverLaunch.of(ProblemMapper.toSolution(TestProblems.random(5, 12, 3)),
                SolverConfigs.forFullRun(Duration.ofMinutes(10), 1L), false, best -> { });
    }

    @Test
    @Timeout(120)
    void aStopAskedBeforeSolvingStartsIsNotLost() {
        SolverLaunch launch = launch();
        launch.terminateEarly();

        SolverLaunch.Run run = launch.solve();

        assertThat(run.best().getScore()).isNotNull();
        assertThat(run.answer()).as("local search had no step, so the finished greedy plan answers")
                .isEqualTo(SolverLaunch.Answer.GREEDY_FINISHED);
        assertThat(run.best().getScore()).isEqualTo(greedyOnly(TestProblems.random(5, 12, 3)).best().getScore());
    }

    private static SolverLaunch.Run greedyOnly(ProblemFile problem) {
        return SolverLaunch.of(ProblemMapper.toSolution(problem), SolverConfigs.greedyOnly(), false, best -> { }).solve();
    }

    @Test
    @Timeout(120)
    void aProblemChangeReachesTheRunningSolve() throws Exception {
        SolverLaunch launch = launch();
        assertThat(launch.addProblemChange((solution, director) -> { })).as("not solving yet").isFalse();
        CompletableFuture<SolverLaunch.Run> run = CompletableFuture.supplyAsync(launch::solve);
        CountDownLatch applied = new CountDownLatch(1);
        while (!launch.addProblemChange((solution, director) -> applied.countDown())) {
            Thread.sleep(20); // until the solver thread has started solving
        }

        assertThat(applied.await(60, TimeUnit.SECONDS)).as("the solver applied the change").isTrue();
        launch.terminateEarly();
        SolverLaunch.Run ended = run.get(60, TimeUnit.SECONDS);
        assertThat(ended.best().getScore()).isNotNull();
        assertThat(ended.answer()).as("the greedy plan answered the problem before the change")
                .isEqualTo(SolverLaunch.Answer.SEARCHED_THEN_FINISHED);
        assertThat(launch.addProblemChange((solution, director) -> { })).as("solving has ended").isFalse();
    }

    @Test
    void localSearchKeepsBackOneAndAHalfTimesWhatFinishingTheGreedyPlanTook() {
        assertThat(SolverLaunch.reserveMillis(4_000L, 10_000, 50_000)).isEqualTo(6_000);
    }

    /** A small problem's searched plan is finished in milliseconds, well before half a second past the limit. */
    @Test
    @Timeout(120)
    void theSearchedPlanIsFinishedInsideTheLimit() {
        ProblemFile problem = TestProblems.random(7, 30, 4);

        SolverLaunch.Run run = SolverLaunch.of(ProblemMapper.toSolution(problem),
                SolverConfigs.forFullRun(Duration.ofSeconds(5), 1L), false, best -> { }).solve();

        assertThat(run.answer()).isNotEqualTo(SolverLaunch.Answer.GREEDY_FINISHED_SEARCHED_LATE);
        assertThat(run.best().getScore()).isGreaterThanOrEqualTo(greedyOnly(problem).best().getScore());
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(run.best())).violations()).isEmpty();
    }

    /** Finishing the searched plan may go a tenth of the limit past it; then the finished greedy plan answers. */
    @Test
    void finishingTheSearchedPlanIsAwaitedUntilATenthOfTheLimitPastIt() {
        assertThat(SolverLaunch.waitMillis(60_000, 50_000)).isEqualTo(16_000);
        assertThat(SolverLaunch.waitMillis(60_000, 70_000)).isZero();
    }

    /** Finishing the greedy plan from 10 s, still under way at 30 s: 20 s so far stands for its duration. */
    @Test
    void whileTheGreedyPlanIsBeingFinishedTheTimeItHasTakenSoFarIsKeptBack() {
        assertThat(SolverLaunch.reserveMillis(null, 10_000, 30_000)).isEqualTo(30_000);
    }
}
