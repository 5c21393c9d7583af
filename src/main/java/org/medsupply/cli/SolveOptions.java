// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWorkbook;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.solver.SolverLaunch;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How {@code solve} and {@code replan} solve a problem, show progress and write the plan: their shared options. */
final class SolveOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "PLAN", description = "write the plan (JSON) to this file")
    private Path planFile;

    @Option(names = "--xlsx", paramLabel = "WORKBOOK", description = "also write the plan as a workbook (.xlsx): "
            + "a summary, one printable manifest per vehicle, the unmet and the late lines")
    private Path workbookFile;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class, description = "longest solve, e.g. 30s, 2m, PT1M (default ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Option(names = "--seed", description = "random seed: the same seed gives the same plan when the clock does not cut the run")
    private Long seed;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr while solving")
    private boolean quiet;

    @Option(names = "--stats", description = "print run figures on stderr: time to the first complete plan, "
            + "score calculation speed, time of the finishing steps after solving, peak heap")
    private boolean stats;

    /** Refuses, before any solving, an output that cannot be written ({@link OutputFiles#requireWritable}). */
    void checkOutput() {
        if (planFile != null) {
            OutputFiles.requireWritable(spec, "-o", planFile);
        }
        if (workbookFile != null) {
            OutputFiles.requireWritable(spec, "--xlsx", workbookFile);
        }
    }

    /**
     * Solves the problem, writes the plan with {@code -o}, prints its summary and then what {@code after} adds
     * (given the plan and stdout). Returns the exit code: 2 when the plan had to be saved elsewhere.
     */
    int solve(ProblemFile input, BiConsumer<PlanFile, PrintWriter> after) throws IOException {
        DispatchSolution problem = ProblemMapper.toSolution(input);
        PrintWriter err = spec.commandLine().getErr();
        SolverLaunch.Run run;
        if (quiet) {
            run = Dispatcher.run(problem, SolverConfigs.forRun(timeLimit, seed), best -> { });
        } else {
            try (Progress progress = Progress.start(err, timeLimit, problem)) {
                run = Dispatcher.run(problem, SolverConfigs.forRun(timeLimit, seed), progress::newBest);
                progress.newBest(run.best()); // the top-up after local search may have added units
            }
        }
        if (stats) {
            err.printf(Locale.ROOT, "first complete plan (greedy) after %.2f s; solved in %.1f s; "
                    + "%,d score calculations/s; finishing steps %.2f s; answer: %s; "
                    + "peak heap at most %d MiB%n",
                    run.constructionMillis() / 1e3, run.totalMillis() / 1e3, run.scoreCalculationsPerSecond(),
                    run.finishingMillis() / 1e3, run.answer().description(), peakHeapBytes() >> 20);
        }
        PlanFile plan = PlanWriter.toPlan(run.best());
        // saved before anything else can fail
        Path savedIn = planFile == null ? null : savePlan(plan, planFile, err);
        Path workbookIn = workbookFile == null ? null : OutputFiles.saveOrRescue(workbookFile, ".xlsx",
                out -> PlanWorkbook.write(input, plan, out), err);
        PrintWriter out = spec.commandLine().getOut();
        PlanSummary.print(plan, input, out);
        after.accept(plan, out);
        if (savedIn != null) {
            out.println("Plan written to " + savedIn);
        }
        if (workbookIn != null) {
            out.println("Plan workbook written to " + workbookIn);
        }
        out.flush();
        boolean rescued = savedIn != null && !savedIn.equals(planFile)
                || workbookIn != null && !workbookIn.equals(workbookFile);
        return rescued ? Main.BAD_INPUT : 0;
    }

    /** Writes the plan as JSON, or to a temporary file when {@code file} cannot be written ({@link OutputFiles}). */
    static Path savePlan(PlanFile plan, Path file, PrintWriter err) throws IOException {
        return OutputFiles.saveOrRescue(file, ".json", out -> Json.MAPPER.writeValue(out, plan), err);
    }

    /** An upper bound of the heap the JVM has used: the sum of each heap pool's own peak. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
