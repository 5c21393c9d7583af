// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;

/**
 * The classic routing benchmark formats that convert to FORMAT.md problems. Every converted problem
 * has one supply {@value ClassicIds#SUPPLY} (1 kg a unit, capacities in kg = the instance's capacity),
 * warehouses stocked with the whole demand, one unsplittable {@code normal} line per customer,
 * euclidean travel at one minute per distance unit and start {@link ClassicIds#START}, so that the
 * plan's objective is the literature's: total distance with every customer served. A customer with
 * demand 0 (none in the bundled sets) becomes a hospital without demand lines, which no plan visits.
 */
public enum InstanceFormat {

    /** Solomon VRPTW ({@code C101.txt}); reference solutions in CVRPLIB {@code .sol} form. */
    SOLOMON,
    /** TSPLIB/CVRPLIB CVRP ({@code A-n32-k5.vrp}); reference solutions in CVRPLIB {@code .sol} form. */
    CVRPLIB,
    /** Cordeau MDVRP ({@code p01}); reference solutions in Cordeau {@code .res} form. */
    CORDEAU;

    /** The name used on the command line: solomon, cvrplib or cordeau. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InstanceFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    /**
     * Converts one instance file's text.
     *
     * @param defaultName problem name when the file names none (Cordeau files never do): the file stem
     * @throws InvalidInputException every fault found, each with pointer "" and a "line N: ..." detail
     */
    public ProblemFile read(String text, String defaultName) throws InvalidInputException {
        RoutingInstance instance = switch (this) {
            case SOLOMON -> SolomonImporter.parse(text, defaultName);
            case CVRPLIB -> CvrplibImporter.parse(text, defaultName);
            case CORDEAU -> CordeauImporter.parse(text, defaultName);
        };
        return instance.toProblem();
    }

    /**
     * Reads a literature solution of an instance of this format (routes naming the converted
     * problem's vehicles and customers).
     *
     * @throws InvalidInputException every fault found, each with pointer "" and a "line N: ..." detail
     */
    public ReferenceSolution readSolution(String text) throws InvalidInputException {
        return switch (this) {
            case SOLOMON, CVRPLIB -> ReferenceSolution.readCvrplib(text);
            case CORDEAU -> ReferenceSolution.readCordeau(text);
        };
    }
}
