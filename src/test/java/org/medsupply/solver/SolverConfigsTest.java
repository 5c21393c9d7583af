// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

class SolverConfigsTest {

    private static void assertGreedyDispatcher(PhaseConfig<?> phase) {
        assertThat(phase).isInstanceOfSatisfying(CustomPhaseConfig.class,
                custom -> assertThat(custom.getCustomPhaseCommandClassList()).containsExactly(GreedyDispatchPhase.class));
    }

    @Test
    void productionScoresWithOurConstraintsOnBavet() {
        ScoreDirectorFactoryConfig scoring = SolverConfigs.production().getScoreDirectorFactoryConfig();
        assertThat(scoring.getConstraintProviderClass()).isEqualTo(DispatchConstraintProvider.class);
        assertThat(scoring.getConstraintStreamImplType()).isEqualTo(ConstraintStreamImplType.BAVET);
    }

    /** Each run sets its own termination; a phase that stopped by itself would cut runs short. */
    @Test
    void productionDispatchesGreedilyThenSearchesUntilTheRunStops() {
        SolverConfig production = SolverConfigs.production();
        assertThat(production.getTerminationConfig()).isNull();
        List<PhaseConfig> phases = production.getPhaseConfigList();
        assertThat(phases).satisfiesExactly(SolverConfigsTest::assertGreedyDispatcher,
                localSearch -> assertThat(localSearch).isInstanceOf(LocalSearchPhaseConfig.class));
        assertThat(phases).allSatisfy(phase -> assertThat(phase.getTerminationConfig()).isNull());
    }

    /** OptaPlanner's own nearby selection needs deliveries-squared time and memory before the first move. */
    @Test
    void localSearchUsesTheNearbyMovesThatScale() {
        LocalSearchPhaseConfig localSearch = (LocalSearchPhaseConfig) SolverConfigs.production().getPhaseConfigList().get(1);
        assertThat(localSearch.getMoveSelectorConfig()).isInstanceOfSatisfying(MoveIteratorFactoryConfig.class,
                factory -> assertThat(factory.getMoveIteratorFactoryClass()).isEqualTo(NearbyMoveIteratorFactory.class));
    }

    @Test
    void aRunStopsAtItsLimitOrAfterAThirdOfItWithoutImprovement() {
        TerminationConfig termination = SolverConfigs.forRun(Duration.ofSeconds(20), 1L).getTerminationConfig();
        assertThat(termination.getSpentLimit()).isEqualTo(Duration.ofSeconds(20));
        assertThat(termination.getUnimprovedSpentLimit()).isEqualTo(Duration.ofMillis(7166));
    }

    /** OptaPlanner rejects limits finer than a millisecond. */
    @Test
    void aLimitInFractionsOfAMillisecondIsRoundedToOneThatBuilds() {
        SolverConfig config = SolverConfigs.forRun(Duration.ofNanos(1_500_001), null);
        assertThat(config.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(1));
        assertThatCode(() -> SolverFactory.<DispatchSolution>create(config).buildSolver()).doesNotThrowAnyException();
    }

    @Test
    void aFullRunHasNoEarlyStop() {
        TerminationConfig termination = SolverConfigs.forFullRun(Duration.ofSeconds(60), 1L).getTerminationConfig();
        assertThat(termination.getSpentLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(termination.getUnimprovedSpentLimit()).isNull();
    }

    @Test
    void everyKindOfRunKeepsItsSeed() {
        Duration limit = Duration.ofSeconds(5);
        assertThat(List.of(SolverConfigs.forRun(limit, 7L), SolverConfigs.forFullRun(limit, 7L),
                SolverConfigs.forResume(limit, 7L))).extracting(SolverConfig::getRandomSeed).containsOnly(7L);
    }

    @Test
    void aResumedRunSkipsConstructionAndKeepsTheRunsLimit() {
        SolverConfig resume = SolverConfigs.forResume(Duration.ofSeconds(20), 1L);
        assertThat(resume.getPhaseConfigList()).singleElement().isInstanceOf(LocalSearchPhaseConfig.class);
        assertThat(resume.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void greedyOnlyRunsTheGreedyDispatcherAlone() {
        assertThat(SolverConfigs.greedyOnly().getPhaseConfigList()).singleElement()
                .satisfies(SolverConfigsTest::assertGreedyDispatcher);
    }
}
