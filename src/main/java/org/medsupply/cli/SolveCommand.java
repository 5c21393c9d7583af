// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemFiles;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "solve", description = "Solves a problem file, showing on stderr how the best plan so far fills "
        + "each priority as it improves, then a summary.")
final class SolveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROBLEM", description = "problem: JSON file (FORMAT.md), workbook (.xlsx), or a folder or zip of CSV tables")
    private Path problemFile;

    @Option(names = {"-o", "--output"}, paramLabel = "PLAN", description = "write the plan (JSON) to this file")
    private Path planFile;

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

    @Override
    public Integer call() throws Exception {
        if (planFile != null) {
            requireWritable(planFile);
        }
        ProblemFile input = ProblemFiles.readProblem(problemFile);
        DispatchSolution problem = ProblemMapper.toSolution(input);
        PrintWriter err = spec.commandLine().getErr();
        Dispatcher.Run run;
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
                    + "%,d score calculations/s; finishing steps %.2f s; peak heap at most %d MiB%n",
                    run.constructionMillis() / 1e3, run.totalMillis() / 1e3, run.scoreCalculationsPerSecond(),
                    run.finishingMillis() / 1e3, peakHeapBytes() >> 20);
        }
        PlanFile plan = PlanWriter.toPlan(run.best());
        Path savedIn = planFile == null ? null : savePlan(plan, planFile, err); // before anything else can fail
        PrintWriter out = spec.commandLine().getOut();
        PlanSummary.print(plan, input, out);
        if (savedIn != null) {
            out.println("Plan written to " + savedIn);
        }
        out.flush();
        return savedIn == null || savedIn.equals(planFile) ? 0 : Main.BAD_INPUT;
    }

    /** Refuses, before any solving, an output that cannot be written: a directory, or a file in a missing one. */
    private void requireWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "-o " + file + " is a directory: give a file name");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "-o " + file + ": there is no directory " + directory);
        }
    }

    /**
     * Writes the plan to {@code file}; when that fails (the disk filled up or the directory went away while
     * solving), saves it to a temporary file instead and says where, so a solved plan is never lost.
     *
     * @return {@code file}, or the temporary file holding the plan
     */
    static Path savePlan(PlanFile plan, Path file, PrintWriter err) throws IOException {
        try {
            Json.MAPPER.writeValue(file.toFile(), plan);
            return file;
        } catch (IOException e) {
            Path rescued = Files.createTempFile("medsupply-plan-", ".json");
            Json.MAPPER.writeValue(rescued.toFile(), plan);
            err.println("cannot write " + file + " (" + e.getMessage() + "); the plan is saved in " + rescued);
            err.flush();
            return rescued;
        }
    }

    /** An upper bound of the heap the JVM has used: the sum of each heap pool's own peak. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
