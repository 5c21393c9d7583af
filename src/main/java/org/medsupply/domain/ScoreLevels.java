// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * The levels of the score, in FORMAT.md's strict order: a lower level never buys a higher one.
 * Hard: broken rules. Soft, per priority from critical down to low, two levels each: the units not
 * delivered, then how unevenly that shortfall is spread. Then lateness, then stability (re-planning: announced
 * deliveries kept on their vehicle), then travel cost.
 */
public final class ScoreLevels {

    public static final int HARD_LEVELS = 1;
    /** Two per priority (critical, high, normal, low), lateness, stability, travel; a constant for the annotation. */
    public static final int SOFT_LEVELS = 11;
    public static final int LATENESS = 8;
    public static final int STABILITY = 9;
    public static final int TRAVEL = 10;

    private ScoreLevels() {
    }

    /** The soft level counting undelivered units of the given priority. */
    public static int unmet(Priority priority) {
        return 2 * priority.ordinal();
    }

    /** The soft level measuring how unevenly the shortfall of the given priority is spread. */
    public static int fairness(Priority priority) {
        return 2 * priority.ordinal() + 1;
    }
}
