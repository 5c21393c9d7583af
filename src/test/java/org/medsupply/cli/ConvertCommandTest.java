// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.convert.ConvertTestFiles;
import org.medsupply.io.convert.InstanceFormat;

import picocli.CommandLine;

class ConvertCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine command() {
        CommandLine command = new CommandLine(new ConvertCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command;
    }

    private static String input(String name) {
        return ConvertTestFiles.path(name).toString();
    }

    /** Runs {@code call()} itself, as Main does, so the exception it raises reaches the test. */
    private Integer call(String... args) throws Exception {
        CommandLine command = command();
        command.parseArgs(args);
        return ((ConvertCommand) command.getCommand()).call();
    }

    @Test
    void writesTheConvertedProblemAndExitsWithZero() throws Exception {
        Path output = dir.resolve("five.json");

        int exitCode = command().execute("solomon", input("five-customers.txt"), "-o", output.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).isEmpty();
        ProblemFile written = Json.MAPPER.readValue(output.toFile(), ProblemFile.class);
        assertThat(written).isEqualTo(
                InstanceFormat.SOLOMON.read(ConvertTestFiles.text("five-customers.txt"), "five-customers"));
    }

    @Test
    void withoutOutputPrintsTheProblemJson() throws Exception {
        int exitCode = command().execute("cordeau", input("two-depots.txt"));

        assertThat(exitCode).isZero();
        ProblemFile printed = Json.MAPPER.readValue(out.toString(), ProblemFile.class);
        assertThat(printed.name()).isEqualTo("two-depots");
        assertThat(printed.warehouses()).hasSize(2);
    }

    @Test
    void scoresAReferenceSolutionAndWritesItAsAFeasiblePlan() throws Exception {
        Path problem = dir.resolve("six.json");
        Path plan = dir.resolve("six.plan.json");

        int exitCode = command().execute("cvrplib", input("six-nodes.vrp"), "-o", problem.toString(),
                "--solution", input("six-nodes.sol"), "--plan", plan.toString());

        assertThat(exitCode).isZero();
        PlanFile written = Json.MAPPER.readValue(plan.toFile(), PlanFile.class);
        assertThat(written.feasible()).isTrue();
        assertThat(written.kpis().totalDistanceKm())
                .isCloseTo(ConvertTestFiles.SIX_NODES_SOLUTION_DISTANCE, within(1e-9));
        assertThat(err.toString()).contains("six-nodes.sol: 3 routes, distance 32.000");
    }

    @Test
    void unknownFormatIsAUsageErrorWithExitCodeTwo() {
        int exitCode = command().execute("tsplib", input("six-nodes.vrp"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'tsplib' is not one of solomon, cvrplib, cordeau");
    }

    @Test
    void planWithoutSolutionIsAUsageError() {
        int exitCode = command().execute("cvrplib", input("six-nodes.vrp"), "--plan", dir.resolve("p.json").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--solution");
    }

    @Test
    void anUnparsableFileRaisesInvalidInputWithTheLine() throws Exception {
        Path broken = dir.resolve("broken.vrp");
        Files.writeString(broken, ConvertTestFiles.text("six-nodes.vrp").replace("\n3 2 1\n", "\n3 2\n"));

        assertThatThrownBy(() -> call("cvrplib", broken.toString()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.pointer()).isEmpty();
                            assertThat(error.detail()).isEqualTo("line 10: expected 3 numbers, found 2");
                        }));
    }

    @Test
    void aMissingInputIsInvalidInput() {
        assertThatThrownBy(() -> call("solomon", dir.resolve("absent.txt").toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot read");
    }

    @Test
    void solutionErrorsNameTheSolutionFile() throws Exception {
        Path solution = dir.resolve("wrong.sol");
        Files.writeString(solution, "Route #1: 1 7\n");

        assertThatThrownBy(() -> call("cvrplib", input("six-nodes.vrp"), "--solution", solution.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong.sol, line 1: the problem has no customer c7");
    }
}
