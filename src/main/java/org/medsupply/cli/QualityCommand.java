// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.medsupply.bench.Contender;
import org.medsupply.bench.MedSupplyContender;
import org.medsupply.bench.QualityRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "quality", description = "Solves the classic instances listed in FOLDER/bks.csv with MedSupply and "
        + "every peer solver on the class path, checks each plan and prints the gap to the best-known distance.")
final class QualityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "instance folder with bks.csv")
    private Path folder;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "per instance and solver (default ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Option(names = "--only", paramLabel = "REGEX", defaultValue = ".*",
            description = "instances or families matching this, e.g. 'C1.*|A-.*' (default: ${DEFAULT-VALUE}, all)")
    private Pattern only;

    @Option(names = "--contenders", split = ",", paramLabel = "NAME",
            description = "solvers to run (default: all found, e.g. medsupply,jsprit,ortools)")
    private List<String> contenderNames;

    @Option(names = "--seed", defaultValue = "1",
            description = "random seed of every solver (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "also write the markdown table here")
    private Path output;

    @Override
    public Integer call() throws Exception {
        List<Contender> contenders = new ArrayList<>(List.of(new MedSupplyContender()));
        ServiceLoader.load(Contender.class).forEach(contenders::add);
        if (contenderNames != null) {
            contenders.removeIf(contender -> !contenderNames.contains(contender.name()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<QualityRun.Entry> entries = QualityRun.run(folder,
                instance -> only.matcher(instance.instance()).matches() || only.matcher(instance.family()).matches(),
                contenders, timeLimit, seed, entry -> {
                    err.printf(Locale.ROOT, "%-12s %-10s %10.2f  gap %6.2f%%  %s%n", entry.instance().instance(),
                            entry.contender(), entry.distance(), entry.gapPercent(),
                            entry.counts() ? "valid" : "NOT COUNTED " + entry.violations());
                    err.flush();
                });
        String markdown = String.format(Locale.ROOT, "Time limit %s per instance and solver, one thread, seed %d.%n%n",
                timeLimit, seed) + QualityRun.toMarkdown(entries);
        if (output != null) {
            Files.writeString(output, markdown);
        }
        spec.commandLine().getOut().println(markdown);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
