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
    public static final String FAIR_SHORTFALL = "Fair shortfall";
    public static final String LATE_DELIVERY = "Late delivery";
    public static final String TRAVEL_COST = "Travel cost";
    public static final String VEHICLE_FIXED_COST = "Vehicle fixed cost";

    private ConstraintNames() {
    }

    public static String unmetDemand(Priority priority) {
        return "Unmet " + priority.wireName() + " demand";
    }

    /** The fairness penalty of a line missing {@code shortfall} units: weight x 1000 x s^2 / requested. */
    public static long unfairness(DemandLine line, long shortfall) {
        double share = (double) shortfall * shortfall / line.quantity();
        return Math.round(1000d * share) * line.priority().weight();
    }
}
