// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.medsupply.check.PlanChecker;
import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The scarcity benchmark: generated outbreak problems holding only a small share of their scarce supplies,
 * each solved by the greedy alone and by the production solver, compared on the units delivered, how fairly
 * the short supplies are shared, repeat visits, km, and whether the project's checker accepts the plans. The
 * figures come from the problem and plan files alone ({@link PlanMetrics}), so they keep their meaning while
 * the solver changes.
 */
public final class ScarcityRun {

    private static final int MIN_WAREHOUSES = 2;
    private static final int HOSPITALS_PER_WAREHOUSE = 60;

    /** How many vehicles a problem gets for its hospitals. */
    public enum Fleet {
        /** Enough that the fleet is not what limits deliveries. */
        AMPLE(4, 3),
        /** Tight: the fleet limits deliveries too. */
        BOUND(2, 25);

        private final int minVehicles;
        private final int hospitalsPerVehicle;

        Fleet(int minVehicles, int hospitalsPerVehicle) {
            this.minVehicles = minVehicles;
            this.hospitalsPerVehicle = hospitalsPerVehicle;
        }

        public int vehicles(int hospitals) {
            return Math.max(minVehicles, hospitals / hospitalsPerVehicle);
        }

        /** "ample", as the command line names it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        String rule() {
            return "max(" + minVehicles + ", hospitals / " + hospitalsPerVehicle + ")";
        }
    }

    /** One problem of the benchmark; {@code stockShare} in [0, 1] is each scarce supply's stock over its demand. */
    public record Setting(int hospitals, double stockShare, Fleet fleet) {

        public int warehouses() {
            return Math.max(MIN_WAREHOUSES, hospitals / HOSPITALS_PER_WAREHOUSE);
        }

        public int vehicles() {
            return fleet.vehicles(hospitals);
        }

        ProblemGenerator.Options options(long seed) {
            return new ProblemGenerator.Options(seed, hospitals, warehouses(), vehicles(),
                    ProblemGenerator.Options.scarcityFor(stockShare));
        }
    }

    /** A plan's figures and the number of rules the project's checker finds broken in it. */
    public record Outcome(PlanMetrics metrics, int violations) {
    }

    public record Row(Setting setting, Outcome solver, Outcome greedy) {
    }

    private ScarcityRun() {
    }

    /** Generates the setting's problem with {@code seed}, solves it with the greedy, then with the solver. */
    public static Row run(Setting setting, Duration timeLimit, long seed) {
        ProblemFile problem = ProblemGenerator.generate(setting.options(seed));
        Outcome greedy = solve(problem, SolverConfigs.greedyOnly());
        Outcome solver = solve(problem, SolverConfigs.forFullRun(timeLimit, seed));
        return new Row(setting, solver, greedy);
    }

    private static Outcome solve(ProblemFile problem, SolverConfig config) {
        PlanFile plan = PlanWriter.toPlan(Dispatcher.run(ProblemMapper.toSolution(problem), config, score -> { })
                .best());
        return new Outcome(PlanMetrics.of(problem, plan), PlanChecker.check(problem, plan).violations().size());
    }

    /** What was run, where and when, how the problems are made and how to read the table. */
    public static String header(String command, Duration timeLimit, long seed) {
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'"));
        return String.format(Locale.ROOT, """
                # Scarcity: the greedy against the solver when scarce supplies run short

                Command: `%s`

                Machine: %s at start. Date: %s.

                Problems: `ProblemGenerator` with seed %d, warehouses = max(%d, hospitals / %d), vehicles \
                ample = %s (enough that the fleet is not the bottleneck), bound = %s (tight); stock = the \
                stock of each scarce supply as a share of its demand (`generate --scarce-stock`). Each problem \
                is solved by the greedy alone (its plan finished by the same steps as the solver's) and by the \
                production solver for all of %s (seed %d).

                Cells: *delivered* = units delivered, solver / greedy / difference. *J* (solver plan) = the \
                request-weighted Jain index of the fill rates of the lines of each short supply (stock below \
                demand) and priority, averaged over the supplies weighted by requests: plan / whole-unit \
                proportional sharing of the same delivered units / ratio (target ratio >= 0.9 for critical and \
                high; `-` where the priority got none of a short supply). *high J within reach*: the same for high \
                priority over the reached lines only, those at a hospital where the plan stops with a trip that \
                could bring the supply (its warehouse holds some; cold chain on a refrigerated vehicle): how evenly \
                the plan shares what its stops could bring, leaving aside the sites it does not reach. *high J \
                ceiling*: the share of the high requests of short supplies on reached lines, the highest Jain \
                index any re-sharing of the plan's loads can give without new stops (Cauchy-Schwarz; the other \
                lines get nothing). *greedy J ratio*: the greedy plan's ratio for critical / high, the same \
                measure as the solver's. *repeat stops* = stops at a hospital \
                already stopped at earlier in the same trip, over all trips. The last five columns: solver / \
                greedy.

                """, command, Machine.describe(), date, seed, MIN_WAREHOUSES, HOSPITALS_PER_WAREHOUSE,
                Fleet.AMPLE.rule(), Fleet.BOUND.rule(), decimal(timeLimit.toMillis() / 1e3) + " s", seed);
    }

    /** One row per setting, in the given order. */
    public static String toMarkdown(List<Row> rows) {
        StringBuilder text = new StringBuilder("| hospitals | warehouses | stock | fleet (vehicles) ");
        PlanMetrics.PRIORITIES.forEach(priority -> text.append("| ").append(priority).append(" delivered "));
        PlanMetrics.PRIORITIES.forEach(priority -> text.append("| ").append(priority).append(" J "));
        text.append("| high J within reach | high J ceiling | greedy J ratio, critical / high | repeat stops"
                + " | max stops at one hospital | km | vehicles used | checker violations |\n|");
        text.append("---:|---:|---:|---|").append("---:|".repeat(2 * PlanMetrics.PRIORITIES.size() + 8)).append('\n');
        for (Row row : rows) {
            Setting setting = row.setting();
            PlanMetrics solver = row.solver().metrics();
            PlanMetrics greedy = row.greedy().metrics();
            text.append(String.format(Locale.ROOT, "| %d | %d | %s | %s (%d) ", setting.hospitals(),
                    setting.warehouses(), decimal(setting.stockShare()),
                    setting.fleet().label(), setting.vehicles()));
            for (String priority : PlanMetrics.PRIORITIES) {
                long bySolver = solver.deliveredByPriority().get(priority);
                long byGreedy = greedy.deliveredByPriority().get(priority);
                text.append(String.format(Locale.ROOT, "| %d / %d / %+d ", bySolver, byGreedy, bySolver - byGreedy));
            }
            PlanMetrics.PRIORITIES.forEach(priority -> text.append(jain(solver.fairnessByPriority().get(priority))));
            PlanFairness.Score high = solver.fairnessByPriority().get("high");
            text.append(jain(solver.fairnessWithinReach().get("high")))
                    .append(high.groups() == 0 ? "| - " : String.format(Locale.ROOT, "| %.3f ", high.reachedShare()))
                    .append("| ").append(ratio(greedy.fairnessByPriority().get("critical"))).append(" / ")
                    .append(ratio(greedy.fairnessByPriority().get("high"))).append(' ');
            text.append(pair(row, outcome -> outcome.metrics().repeatStops()))
                    .append(pair(row, outcome -> outcome.metrics().maxStopsAtOneHospital()))
                    .append(String.format(Locale.ROOT, "| %.1f / %.1f ", solver.totalKm(), greedy.totalKm()))
                    .append(pair(row, outcome -> outcome.metrics().vehiclesUsed()))
                    .append(pair(row, Outcome::violations)).append("|\n");
        }
        return text.toString();
    }

    /** "| plan / reference / ratio ", or "| - " when the priority got none of a short supply. */
    private static String jain(PlanFairness.Score fairness) {
        return fairness.groups() == 0 ? "| - " : String.format(Locale.ROOT, "| %.3f / %.3f / %.3f ",
                fairness.planJain(), fairness.referenceJain(), fairness.ratio());
    }

    private static String ratio(PlanFairness.Score fairness) {
        return fairness.groups() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", fairness.ratio());
    }

    /** 0.05 as "0.05" and 30.0 as "30". */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String pair(Row row, Function<Outcome, Integer> figure) {
        return "| " + figure.apply(row.solver()) + " / " + figure.apply(row.greedy()) + " ";
    }
}
