// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.bench.PlanMetricsTest.stop;
import static org.medsupply.bench.PlanMetricsTest.trip;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.cli.Main;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.RouteDto;

/** The scarcity command end to end, on one tiny problem. */
class ScarcityRunTest {

    @TempDir
    Path dir;

    @Test
    void printsTheMachineAndARowPerSetting() throws Exception {
        Path table = dir.resolve("scarcity.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), "scarcity", "--hospitals", "8", "--stock",
                "0.05", "--fleet", "ample", "--time-limit", "1s", "-o", table.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("scarcity --hospitals 8 --stock 0.05 --fleet ample --time-limit 1s --seed 1",
                "cores", "Java ", "| hospitals |").containsPattern("\\n\\| 8 \\| 2 \\| 0.05 \\| ample \\(4\\) \\|.*\\|\\n");
        assertThat(Files.readString(table)).isEqualTo(out.toString());
    }

    /** The greedy's fairness sits beside the solver's: here the greedy starves B, the solver shares evenly. */
    @Test
    void theTableShowsTheGreedysFairnessRatioBesideTheSolvers() {
        PlanFile evenly = new PlanFile("short of ventilators", "0hard/0soft", true,
                List.of(new RouteDto("van", "wh", null, 20.0, List.of(trip(stop("A", Map.of("ventilator", 6L))),
                        trip(stop("B", Map.of("ventilator", 6L)))))),
                List.of(), List.of(), new KpisDto(20.0, 1, null, null, 0));
        ScarcityRun.Row row = new ScarcityRun.Row(new ScarcityRun.Setting(2, 0.5, ScarcityRun.Fleet.BOUND),
                new ScarcityRun.Outcome(PlanMetrics.of(PlanMetricsTest.PROBLEM, evenly), 0),
                new ScarcityRun.Outcome(PlanMetrics.of(PlanMetricsTest.PROBLEM, PlanMetricsTest.PLAN), 0));

        String table = ScarcityRun.toMarkdown(List.of(row));

        assertThat(table).contains("| greedy J ratio, critical / high |")
                // solver: 1.000 of proportional; greedy: A 10 of 10, B 2 of 10, 144 / 208 of it; no high units
                .contains("| 1.000 / 1.000 / 1.000 |").contains("| 0.692 / - |");
        assertThat(table.lines().map(line -> line.chars().filter(c -> c == '|').count()).distinct())
                .as("header, separator and row have as many cells").hasSize(1);
    }

    @Test
    void badArgumentsAreBadInput() {
        assertThat(exitCode("--fleet", "huge")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--stock", "1.5")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--hospitals", "0")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--time-limit", "0s")).isEqualTo(Main.BAD_INPUT);
    }

    private static int exitCode(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "scarcity";
        System.arraycopy(options, 0, args, 1, options.length);
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
