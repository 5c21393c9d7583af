// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.medsupply.bench.PlanFairness;
import org.medsupply.bench.ScarcityRun;
import org.medsupply.bench.ScarcityRun.Fleet;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "scarcity", description = "Benchmark: generates outbreak problems short of their scarce supplies, "
        + "solves each with the greedy alone and with the solver, and prints a markdown table of units delivered, "
        + "fairness of the short supplies, repeat visits, km and the checker's verdict.")
final class ScarcityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hospitals", split = ",", paramLabel = "N", defaultValue = "80,500",
            description = "problem sizes (default: ${DEFAULT-VALUE})")
    private List<Integer> hospitals;

    @Option(names = "--stock", split = ",", paramLabel = "SHARE", defaultValue = "0.01,0.05,0.2,0.5",
            description = "stock of each scarce supply as a share of its demand, 0..1 (default: ${DEFAULT-VALUE})")
    private List<Double> stockShares;

    @Option(names = "--fleet", split = ",", paramLabel = "SIZE", defaultValue = "ample,bound",
            converter = FleetConverter.class,
            description = "ample (the fleet is no bottleneck) or bound (tight) (default: ${DEFAULT-VALUE})")
    private List<Fleet> fleets;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "solver time per problem, all of it used (default: ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Option(names = "--seed", defaultValue = "1", description = "of the problems and the solver (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "also write the markdown here")
    private Path output;

    /** Reads "ample" or "bound". */
    static final class FleetConverter implements ITypeConverter<Fleet> {
        @Override
        public Fleet convert(String value) {
            return Arrays.stream(Fleet.values()).filter(fleet -> fleet.label().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a fleet size: "
                            + Arrays.stream(Fleet.values()).map(Fleet::label).collect(Collectors.joining(" or "))));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (hospitals.stream().anyMatch(count -> count < 1)) {
            throw new ParameterException(spec.commandLine(), "--hospitals must each be at least 1, not " + hospitals);
        }
        if (stockShares.stream().anyMatch(share -> !(share >= 0 && share <= 1))) {
            throw new ParameterException(spec.commandLine(), "--stock must each be between 0 and 1, not " + stockShares);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be positive, not " + timeLimit);
        }
        String header = ScarcityRun.header(commandLine(), timeLimit, seed);
        PrintWriter err = spec.commandLine().getErr();
        List<ScarcityRun.Row> rows = new ArrayList<>();
        for (int hospitalCount : hospitals) {
            for (double stockShare : stockShares) {
                for (Fleet fleet : fleets) {
                    ScarcityRun.Row row = ScarcityRun.run(new ScarcityRun.Setting(hospitalCount, stockShare, fleet),
                            timeLimit, seed);
                    PlanFairness.Score critical = row.solver().metrics().fairnessByPriority().get("critical");
                    err.printf(Locale.ROOT, "%d hospitals, stock %s, %s fleet: critical J ratio %.3f, %d violations%n",
                            hospitalCount, stockShare, fleet.label(), critical.ratio(), row.solver().violations());
                    err.flush();
                    rows.add(row);
                }
            }
        }
        String markdown = header + ScarcityRun.toMarkdown(rows);
        if (output != null) {
            Files.writeString(output, markdown);
        }
        spec.commandLine().getOut().print(markdown);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The command with every option spelled out, so the table can be made again even if defaults change. */
    private String commandLine() {
        long millis = timeLimit.toMillis();
        return String.format(Locale.ROOT, "java -jar target/medsupply.jar scarcity --hospitals %s --stock %s "
                + "--fleet %s --time-limit %s --seed %d",
                hospitals.stream().map(String::valueOf).collect(Collectors.joining(",")),
                stockShares.stream().map(share -> BigDecimal.valueOf(share).stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(",")),
                fleets.stream().map(Fleet::label).collect(Collectors.joining(",")),
                millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms", seed);
    }
}
