// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.medsupply.check.CheckReport;
import org.medsupply.check.PlanChecker;
import org.medsupply.check.Summary;
import org.medsupply.check.Violation;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanReplay;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.solver.Dispatcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check PROBLEM PLAN [--fix -o FILE]}: lists every violation with its JSON pointer in the plan, the
 * plan made for another problem first, then broken rules, then stale figures. With {@code --fix} it keeps the
 * plan's decisions (vehicles, trips, stops and quantities), recomputes every figure derived from them, writes
 * that plan to FILE and checks the file written.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Recompute a plan against its problem and list every violation with its JSON pointer "
                + "(exit 0 when none, 2 when there are some).")
final class CheckCommand implements Callable<Integer> {

    private static final Map<String, String> HEADINGS = Map.of(
            Violation.OTHER_PROBLEM, "Plan for another problem",
            Violation.BROKEN_RULE, "Broken rules",
            Violation.STALE_FIGURE, "Stale figures (times, loads, km, unmet, KPIs)");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "the problem file")
    private Path problemFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "the plan file, for instance edited by hand")
    private Path planFile;

    @Option(names = "--fix", description = "recompute the plan's times, loads, km, unmet lines, KPIs and score "
            + "from its vehicles, trips, stops and quantities, write it to the -o file and check that")
    private boolean fix;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where --fix writes the recomputed plan")
    private Path output;

    @Override
    public Integer call() throws IOException, InvalidInputException {
        if (fix != (output != null)) {
            throw new ParameterException(spec.commandLine(), fix ? "--fix needs -o FILE for the recomputed plan"
                    : "-o is only for --fix");
        }
        ProblemFile problem = ProblemReader.read(problemFile);
        PlanFile plan = PlanChecker.readPlan(Files.readString(planFile));
        PrintWriter out = spec.commandLine().getOut();
        if (fix) {
            PlanFile recomputed = PlanWriter.toPlan(Dispatcher.score(PlanReplay.apply(problem, plan)));
            Json.MAPPER.writeValue(output.toFile(), recomputed);
            out.println("recomputed plan written to " + output + "; checking it");
            plan = PlanChecker.readPlan(Files.readString(output));
        }
        CheckReport report = PlanChecker.check(problem, plan);
        print(report, out);
        if (!fix && report.violations().stream().anyMatch(v -> v.kind().equals(Violation.STALE_FIGURE))) {
            out.println("to recompute the stale figures: check PROBLEM PLAN --fix -o FILE");
        }
        out.flush();
        return report.valid() ? 0 : Main.BAD_INPUT;
    }

    private static void print(CheckReport report, PrintWriter out) {
        Map<String, List<Violation>> byKind = report.violations().stream()
                .collect(Collectors.groupingBy(Violation::kind));
        for (String kind : Violation.KINDS) {
            List<Violation> violations = byKind.getOrDefault(kind, List.of());
            if (!violations.isEmpty()) {
                out.printf("%s (%d):%n", HEADINGS.get(kind), violations.size());
                violations.forEach(v -> out.printf("  %s  [%s] %s%n", v.pointer(), v.rule(), v.message()));
            }
        }
        Summary summary = report.summary();
        out.printf(Locale.ROOT, "%s: %.1f km, %d vehicles, %d of %d units delivered, fill %s%s%n",
                report.valid() ? "ok" : report.violations().size() + " violation(s)", summary.distanceKm(),
                summary.vehiclesUsed(), summary.delivered(), summary.requested(), percentages(summary.fillRate()),
                summary.changedUnits() == null ? "" : ", " + summary.changedUnits() + " announced units changed");
    }

    /** Fill rates as "critical 100 %, high 66.7 %", priority order kept. */
    private static String percentages(Map<String, Double> rates) {
        return rates.entrySet().stream()
                .map(rate -> rate.getKey() + " " + String.format(Locale.ROOT, "%.1f", rate.getValue() * 100)
                        .replaceFirst("\\.0$", "") + " %")
                .collect(Collectors.joining(", "));
    }
}
