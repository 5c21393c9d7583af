// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The quality floor: with the same few seconds, the solver's plan is at least as good as the greedy
 * dispatcher's (the plan a coordinator could make by hand), compared as issue 2 states it: critical
 * units delivered, then high, normal, low, then km.
 */
class GreedyBaselineTest {

    private static final Duration BUDGET = Duration.ofSeconds(3);

    /** What the comparison ranks, best first: more units per priority, then fewer km. */
    record Outcome(long critical, long high, long normal, long low, double km) {
        static final Comparator<Outcome> BEST_FIRST = Comparator.comparingLong((Outcome o) -> -o.critical)
                .thenComparingLong(o -> -o.high).thenComparingLong(o -> -o.normal).thenComparingLong(o -> -o.low)
                .thenComparingDouble(o -> o.km);

        static Outcome of(PlanFile plan, ProblemFile problem) {
            Map<String, Long> unmet = new java.util.HashMap<>();
            plan.unmet().forEach(u -> unmet.merge(u.priority(), u.quantity(), Long::sum));
            Map<String, Long> requested = new java.util.HashMap<>();
            problem.hospitals().forEach(h -> h.demands().forEach(d -> requested.merge(d.priorityOrDefault(), d.quantity(), Long::sum)));
            List<Long> delivered = List.of("critical", "high", "normal", "low").stream()
                    .map(p -> requested.getOrDefault(p, 0L) - unmet.getOrDefault(p, 0L)).toList();
            return new Outcome(delivered.get(0), delivered.get(1), delivered.get(2), delivered.get(3),
                    plan.kpis().totalDistanceKm());
        }
    }

    private static PlanFile plan(ProblemFile problem, SolverConfig config) {
        DispatchSolution solved = Dispatcher.solve(ProblemMapper.toSolution(problem), config, score -> {
        });
        assertThat(solved.getScore().isFeasible()).isTrue();
        PlanFile plan = PlanWriter.toPlan(solved);
        assertThat(PlanChecker.check(problem, plan).violations()).isEmpty();
        return plan;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solverIsAtLeastAsGoodAsTheGreedyDispatcher(long seed) {
        ProblemFile problem = ProblemGenerator.generate(new ProblemGenerator.Options(seed, 60, 3, 8, 0.3));
        SolverConfig greedy = SolverConfigs.greedyOnly()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(BUDGET));
        Outcome byHand = Outcome.of(plan(problem, greedy), problem);
        Outcome solved = Outcome.of(plan(problem, SolverConfigs.forRun(BUDGET, seed)), problem);
        assertThat(Outcome.BEST_FIRST.compare(solved, byHand)).as("solver %s vs greedy %s", solved, byHand)
                .isLessThanOrEqualTo(0);
    }
}
