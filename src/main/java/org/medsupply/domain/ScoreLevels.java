// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * The levels of the score, in FORMAT.md's strict order: a lower level never buys a higher one.
 * Hard: broken rules. Soft 0-3: units not delivered, per priority (critical first). Soft 4: how
 * unevenly shortfall is spread. Soft 5: lateness. Soft 6: travel cost.
 */
public final class ScoreLevels {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 7;
    public static final int FAIRNESS = 4;
    public static final int LATENESS = 5;
    public static final int TRAVEL = 6;

    private ScoreLevels() {
    }

    /** The soft level counting undelivered units of the given priority. */
    public static int unmet(Priority priority) {
        return priority.ordinal();
    }
}
