// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medsupply.domain.Priority;
import org.medsupply.domain.ScoreLevels;
import org.optaplanner.benchmark.impl.result.PlannerBenchmarkResult;
import org.optaplanner.benchmark.impl.result.ProblemBenchmarkResult;
import org.optaplanner.benchmark.impl.result.SingleBenchmarkResult;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/** A Benchmarker run as a markdown table: one row per problem and solver, the score read in plain units. */
public record BenchmarkSummary(String machine, List<Row> rows) {

    /**
     * @param unmetUnits undelivered units per priority, critical first (null when the solver failed)
     * @param travelCost distance-based cost in km (plus fixed costs), as the travel level counts it
     */
    public record Row(String problem, String solver, boolean feasible, long[] unmetUnits, double travelCost,
            long scoreCalculationsPerSecond, long millisSpent) {
    }

    static BenchmarkSummary of(PlannerBenchmarkResult result) {
        List<Row> rows = new ArrayList<>();
        for (ProblemBenchmarkResult<?> problem : result.getUnifiedProblemBenchmarkResultList()) {
            for (SingleBenchmarkResult single : problem.getSingleBenchmarkResultList()) {
                if (single.hasAnyFailure() || single.getAverageScore() == null) {
                    rows.add(new Row(problem.getName(), single.getSolverBenchmarkResult().getName(), false, null, 0, 0,
                            0));
                    continue;
                }
                BendableLongScore score = (BendableLongScore) single.getAverageScore();
                long[] unmet = new long[Priority.values().length];
                for (Priority priority : Priority.values()) {
                    unmet[priority.ordinal()] = -score.softScore(ScoreLevels.unmet(priority));
                }
                rows.add(new Row(problem.getName(), single.getSolverBenchmarkResult().getName(), score.isFeasible(),
                        unmet, -score.softScore(ScoreLevels.TRAVEL) / 1000.0,
                        single.getScoreCalculationSpeed() == null ? 0 : single.getScoreCalculationSpeed(),
                        single.getTimeMillisSpent()));
            }
        }
        String machine = String.format(Locale.ROOT, "%d cores, %s (%s), max heap %d MiB",
                result.getAvailableProcessors(), result.getJavaVersion(), result.getOperatingSystem(),
                result.getMaxMemory() >> 20);
        return new BenchmarkSummary(machine, rows);
    }

    public String toMarkdown() {
        StringBuilder text = new StringBuilder("Machine: ").append(machine).append("\n\n")
                .append("| problem | solver | feasible | unmet critical | unmet high | unmet normal | unmet low "
                        + "| travel cost (km) | score calc/s | time (s) |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            if (row.unmetUnits() == null) {
                text.append("| ").append(row.problem()).append(" | ").append(row.solver())
                        .append(" | failed | | | | | | | |\n");
                continue;
            }
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %.1f | %d | %.1f |%n",
                    row.problem(), row.solver(), row.feasible() ? "yes" : "NO", row.unmetUnits()[0],
                    row.unmetUnits()[1], row.unmetUnits()[2], row.unmetUnits()[3], row.travelCost(),
                    row.scoreCalculationsPerSecond(), row.millisSpent() / 1e3));
        }
        return text.toString();
    }
}
