// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.convert.InstanceFormat;
import org.medsupply.io.convert.ReferenceSolution;
import org.medsupply.solver.Dispatcher;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code convert FORMAT INPUT [-o PROBLEM] [--solution SOL [--plan PLAN]]}: turns a classic routing
 * instance into a problem file (standard output without {@code -o}). With a literature solution it also
 * scores that solution on the converted problem and prints its distance to standard error, the check that
 * the conversion matches the published cost; {@code --plan} writes it as a plan file. Unreadable or
 * unparsable files raise {@link InvalidInputException} (exit code 2 in {@code Main}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a Solomon, CVRPLIB or Cordeau instance into a problem file.")
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "solomon, cvrplib or cordeau")
    private InstanceFormat format;

    @Parameters(index = "1", paramLabel = "INPUT", description = "the instance file")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "PROBLEM",
            description = "problem file to write (default: standard output)")
    private Path output;

    @ArgGroup(exclusive = false)
    private Reference reference;

    @Spec
    private CommandSpec spec;

    /** A literature solution to score against the converted problem. */
    static final class Reference {
        @Option(names = "--solution", paramLabel = "SOL", required = true,
                description = "a solution of the instance: .sol (solomon, cvrplib) or .res (cordeau)")
        private Path solution;

        @Option(names = "--plan", paramLabel = "PLAN", description = "write the solution as a plan file")
        private Path plan;
    }

    /** Accepts the lower-case format names of the command line. */
    static final class FormatConverter implements ITypeConverter<InstanceFormat> {
        @Override
        public InstanceFormat convert(String value) {
            return InstanceFormat.fromWireName(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not one of solomon, cvrplib, cordeau"));
        }
    }

    @Override
    public Integer call() throws InvalidInputException, IOException {
        String stem = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        ProblemFile problem = format.read(read(input), stem);
        String json = Json.MAPPER.writeValueAsString(problem) + System.lineSeparator();
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        }
        if (reference != null) {
            scoreReference(problem);
        }
        return 0;
    }

    private void scoreReference(ProblemFile problem) throws InvalidInputException, IOException {
        Path file = reference.solution;
        DispatchSolution solution;
        try {
            solution = format.readSolution(read(file)).applyTo(problem);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(error -> new InputError(error.pointer(), file.getFileName() + ", " + error.detail()))
                    .toList());
        }
        PlanFile plan = PlanWriter.toPlan(Dispatcher.score(solution));
        spec.commandLine().getErr().println(String.format(Locale.ROOT, "%s: %d routes, distance %.3f, score %s%s",
                file.getFileName(), plan.kpis().vehiclesUsed(), plan.kpis().totalDistanceKm(), plan.score(),
                plan.feasible() ? "" : " (infeasible)"));
        spec.commandLine().getErr().flush();
        if (reference.plan != null) {
            Files.writeString(reference.plan, Json.MAPPER.writeValueAsString(plan) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        }
    }

    /** The whole file; the classic files are ASCII, so any byte is taken as one character. */
    private static String read(Path file) throws InvalidInputException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidInputException(List.of(new InputError("", "cannot read " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))));
        }
    }
}
