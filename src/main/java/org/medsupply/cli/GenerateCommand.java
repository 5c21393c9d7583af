// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.ProblemFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = {"Writes a seeded, realistic outbreak problem of any size.",
    "",
    "Warehouses and vehicles do not grow with --hospitals: unless given, every problem has 3 warehouses and "
        + "12 vehicles, so 300 sites share 12 vehicles and most of their high-priority demand stays unmet "
        + "(a quarter or less delivered). Size the fleet with the sites: the bundled problems have about one vehicle "
        + "per 4 sites and one warehouse per 30 to 250 (100 sites: 3 warehouses, 30 vehicles; 500: 5, 125; "
        + "2000: 8, 500).",
    "Stock follows the demand drawn for the sites: three scarce supplies hold --scarcity less than asked, "
        + "the others 10 to 50 %% more; each warehouse's share of it follows its share of the vehicles."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hospitals", defaultValue = "100",
            description = "receiving sites: hospitals, clinics and quarantine sites (default: ${DEFAULT-VALUE})")
    private int hospitals;

    @Option(names = "--warehouses", defaultValue = "3",
            description = "warehouses on the city's edge (default: ${DEFAULT-VALUE})")
    private int warehouses;

    @Option(names = "--vehicles", defaultValue = "12",
            description = "fleet size, spread over the warehouses (default: ${DEFAULT-VALUE})")
    private int vehicles;

    @Option(names = "--seed", defaultValue = "1",
            description = "the same seed and options always give the same file (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--scarcity", paramLabel = "SHARE", defaultValue = "0.3",
            description = "share of each scarce supply's demand missing from stock, 0..1 (default: ${DEFAULT-VALUE})")
    private double scarcity;

    @Option(names = "--scarce-stock", paramLabel = "SHARE",
            description = "instead of --scarcity: stock of each scarce supply as a share of its demand, 0..1, "
                    + "e.g. 0.05 = 5 %% (default: 1 - scarcity)")
    private Double scarceStock;

    @Option(names = "--radius-km", paramLabel = "KM",
            description = "how far sites spread from the centre, e.g. 150 for a province (default: sized by the "
                    + "sites, 12 km for 100, 29 km for 2000, 46 km for 10000)")
    private Double radiusKm;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROBLEM",
            description = "problem file to write (JSON, FORMAT.md; required, no default)")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (hospitals < 1 || warehouses < 1 || vehicles < 1 || !isShare(scarcity)) {
            throw new ParameterException(spec.commandLine(),
                    "hospitals, warehouses and vehicles must be at least 1 and scarcity between 0 and 1");
        }
        if (scarceStock != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--scarcity")) {
                throw new ParameterException(spec.commandLine(), "give --scarcity or --scarce-stock, not both "
                        + "(--scarce-stock SHARE is --scarcity 1-SHARE)");
            }
            if (!isShare(scarceStock)) {
                throw new ParameterException(spec.commandLine(),
                        "--scarce-stock must be between 0 and 1, not " + scarceStock);
            }
            scarcity = ProblemGenerator.Options.scarcityFor(scarceStock);
        }
        if (radiusKm != null && !(radiusKm > 0 && radiusKm <= ProblemGenerator.MAX_RADIUS_KM)) {
            throw new ParameterException(spec.commandLine(),
                    "--radius-km must be above 0 and at most " + ProblemGenerator.MAX_RADIUS_KM + ", not " + radiusKm);
        }
        ProblemFile problem = ProblemGenerator.generate(
                new ProblemGenerator.Options(seed, hospitals, warehouses, vehicles, scarcity, radiusKm));
        ProblemGenerator.write(problem, output);
        spec.commandLine().getOut().println("wrote " + output);
        return 0;
    }

    private static boolean isShare(double value) {
        return value >= 0 && value <= 1;
    }
}
