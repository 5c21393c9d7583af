// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.medsupply.bench.BenchmarkRunner;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFiles;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "benchmark", description = "Runs an OptaPlanner Benchmarker configuration (benchmarks/*.xml): "
        + "HTML report with charts under its benchmark directory, summary table as markdown.")
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "benchmark configuration (XML)")
    private Path config;

    @Option(names = "--instances", paramLabel = "DIR", description = "solve every problem or classic instance in "
            + "this folder (and below) instead of the configuration's input files")
    private Path instances;

    @Option(names = "--summary", paramLabel = "FILE", description = "also write the markdown summary here")
    private Path summaryFile;

    @Override
    public Integer call() throws IOException, InvalidInputException {
        List<Path> problems = instances == null ? List.of() : ProblemFiles.listIn(instances);
        PlannerBenchmarkConfig benchmarkConfig;
        try {
            benchmarkConfig = BenchmarkRunner.read(config);
        } catch (IllegalArgumentException e) { // OptaPlanner's word for an unreadable configuration
            throw new InvalidInputException(List.of(new InputError("", config + " is not a benchmark configuration: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()))));
        }
        BenchmarkRunner.Result result = BenchmarkRunner.run(benchmarkConfig, problems);
        String markdown = result.summary().toMarkdown();
        Files.writeString(result.reportDirectory().toPath().resolve("summary.md"), markdown);
        if (summaryFile != null) {
            Files.writeString(summaryFile, markdown);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(markdown);
        out.println("Report: " + result.reportDirectory().toPath().resolve("index.html"));
        out.flush();
        return 0;
    }
}
