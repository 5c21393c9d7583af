// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

class SolverConfigsTest {

    @Test
    void anyTimeLimitBuildsASolverEvenWhenAThirdOfItIsNotWholeMilliseconds() {
        TerminationConfig termination = SolverConfigs.forRun(Duration.ofSeconds(20), 1L).getTerminationConfig();
        assertThat(termination.getSpentLimit()).isEqualTo(Duration.ofSeconds(20));
        assertThat(termination.getUnimprovedSpentLimit()).isEqualTo(Duration.ofMillis(7166));
        assertThat(SolverFactory.<DispatchSolution>create(SolverConfigs.forRun(Duration.ofNanos(1_500_001), null))
                .buildSolver()).isNotNull();
    }

    @Test
    void aFullRunHasNoEarlyStop() {
        TerminationConfig termination = SolverConfigs.forFullRun(Duration.ofSeconds(60), 1L).getTerminationConfig();
        assertThat(termination.getSpentLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(termination.getUnimprovedSpentLimit()).isNull();
    }

    /** OptaPlanner's own nearby selection needs deliveries-squared time and memory before the first move. */
    @Test
    void localSearchUsesTheNearbyMovesThatScale() {
        LocalSearchPhaseConfig localSearch = (LocalSearchPhaseConfig) SolverConfigs.production().getPhaseConfigList().get(1);
        assertThat(localSearch.getMoveSelectorConfig()).isInstanceOfSatisfying(MoveIteratorFactoryConfig.class,
                factory -> assertThat(factory.getMoveIteratorFactoryClass()).isEqualTo(NearbyMoveIteratorFactory.class));
    }
}
