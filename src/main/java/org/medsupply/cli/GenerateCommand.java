// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.ProblemFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = "Writes a seeded, realistic outbreak problem of any size.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hospitals", defaultValue = "100")
    private int hospitals;

    @Option(names = "--warehouses", defaultValue = "3")
    private int warehouses;

    @Option(names = "--vehicles", defaultValue = "12")
    private int vehicles;

    @Option(names = "--seed", defaultValue = "1")
    private long seed;

    @Option(names = "--scarcity", defaultValue = "0.3", description = "share of scarce supplies' demand stock cannot cover")
    private double scarcity;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROBLEM")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (hospitals < 1 || warehouses < 1 || vehicles < 1 || scarcity < 0 || scarcity > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "hospitals, warehouses and vehicles must be at least 1 and scarcity between 0 and 1");
        }
        ProblemFile problem = ProblemGenerator.generate(
                new ProblemGenerator.Options(seed, hospitals, warehouses, vehicles, scarcity));
        ProblemGenerator.write(problem, output);
        spec.commandLine().getOut().println("wrote " + output);
        return 0;
    }
}
