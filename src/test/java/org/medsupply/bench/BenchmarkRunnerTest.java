// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** A configuration that states only what it varies runs, reports in HTML and sums up in markdown. */
class BenchmarkRunnerTest {

    @TempDir
    Path dir;

    @Test
    void configurationsNeedNoModelAndReportEveryProblemAndSolver() throws Exception {
        Path config = dir.resolve("bench.xml");
        Files.writeString(config, """
                <plannerBenchmark xmlns="https://www.optaplanner.org/xsd/benchmark">
                  <benchmarkDirectory>%s</benchmarkDirectory>
                  <inheritedSolverBenchmark>
                    <solver>
                      <randomSeed>1</randomSeed>
                      <termination><secondsSpentLimit>1</secondsSpentLimit></termination>
                    </solver>
                    <problemBenchmarks>
                      <inputSolutionFile>problems/tiny/fair-share.json</inputSolutionFile>
                    </problemBenchmarks>
                  </inheritedSolverBenchmark>
                  <solverBenchmark>
                    <name>greedy</name>
                    <solver>
                      <customPhase>
                        <customPhaseCommandClass>org.medsupply.solver.GreedyDispatchPhase</customPhaseCommandClass>
                      </customPhase>
                    </solver>
                  </solverBenchmark>
                  <solverBenchmark>
                    <name>production</name>
                  </solverBenchmark>
                </plannerBenchmark>
                """.formatted(dir.resolve("report")));
        PlannerBenchmarkConfig read = BenchmarkRunner.read(config);

        BenchmarkRunner.Result result = BenchmarkRunner.run(read, List.of(Path.of("problems/tiny/two-trips.json"),
                Path.of("problems/tiny/priority-first.json")));

        assertThat(result.reportDirectory().toPath().resolve("index.html")).exists();
        assertThat(result.summary().rows()).hasSize(4).allSatisfy(row -> assertThat(row.feasible()).isTrue());
        assertThat(result.summary().rows()).extracting(BenchmarkSummary.Row::problem).doesNotContain("fair-share");
        assertThat(result.summary().toMarkdown()).contains("| two-trips | production | yes |")
                .contains("| priority-first | greedy | yes |");
    }

    /** The committed configurations still run (a renamed setting or property would break them silently). */
    @ParameterizedTest
    @ValueSource(strings = {"outbreak.xml", "classic-tuning.xml", "move-threads.xml"})
    void everyCommittedConfigurationRuns(String name) {
        PlannerBenchmarkConfig config = BenchmarkRunner.read(Path.of("benchmarks", name));
        config.setBenchmarkDirectory(dir.resolve("report").toFile());
        config.getInheritedSolverBenchmarkConfig().getSolverConfig()
                .setTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(200L));

        BenchmarkRunner.Result result = BenchmarkRunner.run(config, List.of(Path.of("problems/tiny/two-trips.json")));

        assertThat(result.summary().rows()).hasSize(config.getSolverBenchmarkConfigList().size())
                .allSatisfy(row -> assertThat(row.feasible()).isTrue());
    }
}
