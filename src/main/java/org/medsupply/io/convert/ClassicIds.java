// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.time.OffsetDateTime;

import org.medsupply.io.ProblemFile.SupplyDto;

/**
 * The ids and fixed values converted problems use, shared by the importers and the solution readers
 * so that a route in a literature solution names the same customers and vehicles as the problem.
 */
public final class ClassicIds {

    /** Time zero of every converted problem; instance times are minutes after it. */
    public static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    /** The single supply: one unit of the instance's demand weighs 1 kg, so capacityKg = capacity. */
    public static final String SUPPLY = "units";
    /** The warehouse of single-depot instances (Solomon, CVRPLIB). */
    public static final String DEPOT = "depot";

    private ClassicIds() {
    }

    /**
     * Volume per unit: tiny and never binding, since vehicles get no volume limit. Not cold-chain, written
     * out because the wire record writes {@code coldChain} anyway and a re-read file must compare equal.
     */
    static SupplyDto supply() {
        return new SupplyDto(SUPPLY, "demand unit", 1, 0.001, false, null);
    }

    /** Customer {@code number} as the literature's solutions number it (Solomon CUST NO., CVRPLIB node - 1). */
    public static String customer(long number) {
        return "c" + number;
    }

    /** Vehicle {@code number} (1-based) of a single-depot instance; route #k of a CVRPLIB .sol drives it. */
    public static String vehicle(int number) {
        return "v" + number;
    }

    /** Depot {@code number} (1-based, in file order) of a Cordeau instance. */
    public static String depot(int number) {
        return "depot-" + number;
    }

    /** Vehicle {@code vehicle} (1-based) of Cordeau depot {@code depot}, as a .res line names it. */
    public static String depotVehicle(int depot, int vehicle) {
        return depot(depot) + "-v" + vehicle;
    }
}
