// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.List;

/**
 * One thing wrong with a plan.
 *
 * @param rule    short machine id of the broken rule, e.g. {@code stock}, {@code window}, {@code kpi}
 * @param kind    {@link #OTHER_PROBLEM}, {@link #BROKEN_RULE} or {@link #STALE_FIGURE}; reports list them in
 *                that order
 * @param pointer RFC 6901 JSON pointer into the <em>plan</em> at the value that is wrong (never null)
 * @param message a plain sentence with the numbers: what the plan says and what it should be
 */
public record Violation(String rule, String kind, String pointer, String message) {

    /** The plan names another problem than the one it is checked against. */
    public static final String OTHER_PROBLEM = "other-problem";
    /** A rule of the format is broken: ids, stock, capacity, cold chain, windows, shifts, quantities. */
    public static final String BROKEN_RULE = "broken-rule";
    /** A figure derived from the routes (times, loads, km, unmet, KPIs) does not match them: recompute it. */
    public static final String STALE_FIGURE = "stale-figure";
    /** The kinds in report order. */
    public static final List<String> KINDS = List.of(OTHER_PROBLEM, BROKEN_RULE, STALE_FIGURE);
}
