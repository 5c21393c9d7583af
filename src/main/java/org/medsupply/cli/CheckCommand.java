// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.check.CheckReport;
import org.medsupply.check.PlanChecker;
import org.medsupply.io.ProblemReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Recomputes a plan against its problem and lists every violation "
        + "(exit 0 when none, 2 when there are some).")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "problem file (JSON, FORMAT.md)")
    private Path problemFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "plan file to check (JSON, FORMAT.md)")
    private Path planFile;

    @Override
    public Integer call() throws Exception {
        CheckReport report = PlanChecker.check(ProblemReader.read(problemFile), PlanChecker.readPlan(Files.readString(planFile)));
        PrintWriter out = spec.commandLine().getOut();
        report.violations().forEach(violation -> out.printf("violation [%s]: %s%n", violation.rule(), violation.message()));
        var summary = report.summary();
        out.printf("%s: %.3f km, %d vehicles, %d of %d units delivered, fill %s%n",
                report.valid() ? "ok" : report.violations().size() + " violation(s)", summary.distanceKm(),
                summary.vehiclesUsed(), summary.delivered(), summary.requested(), summary.fillRate());
        return report.valid() ? 0 : Main.BAD_INPUT;
    }
}
