// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import org.medsupply.domain.DemandLine;
import org.medsupply.domain.Priority;

/** Constraint names, as shown in score explanations and the README's table. */
public final class ConstraintNames {

    public static final String VEHICLE_WEIGHT_CAPACITY = "Vehicle weight capacity";
    public static final String VEHICLE_VOLUME_CAPACITY = "Vehicle volume capacity";
    public static final String WAREHOUSE_STOCK = "Warehouse stock";
    public static final String COLD_CHAIN = "Cold chain";
    public static final String RECEIVING_WINDOW = "Receiving window";
    public static final String VEHICLE_SHIFT = "Vehicle shift";
    public static final String UNSPLITTABLE_LINE = "Unsplittable line";
    public static final String LATE_DELIVERY = "Late delivery";
    public static final String REFERENCE_MOVED = "Announced delivery moved";
    public static final String REFERENCE_CUT = "Announced delivery cut";
    public static final String TRAVEL_COST = "Travel cost";
    public static final String VEHICLE_FIXED_COST = "Vehicle fixed cost";

    private static final double FAIRNESS_SCALE = 1e6;

    private ConstraintNames() {
    }

    public static String unmetDemand(Priority priority) {
        return "Unmet " + priority.wireName() + " demand";
    }

    public static String fairShortfall(Priority priority) {
        return "Fair " + priority.wireName() + " shortfall";
    }

    /**
     * The fairness penalty of a line missing {@code shortfall} of its units: round(10^6 x s^2 / requested),
     * which tells fill rates apart to about a millionth. It is at most 10^6 x requested (s <= requested),
     * so with at most {@link org.medsupply.io.ProblemValidator#MAX_TOTAL_UNITS} units requested in a
     * problem a level's sum stays below 10^18 &lt; 2^63.
     */
    public static long unfairness(DemandLine line, long shortfall) {
        return Math.round(FAIRNESS_SCALE * ((double) shortfall / line.quantity()) * shortfall);
    }
}
