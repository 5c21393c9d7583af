// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

/**
 * One thing wrong with a plan.
 *
 * @param rule    short machine id of the broken rule, e.g. {@code stock}, {@code window}, {@code kpi}
 * @param pointer RFC 6901 JSON pointer into the <em>plan</em> at the value that is wrong (never null)
 * @param message a plain sentence with the numbers: what the plan says and what it should be
 */
public record Violation(String rule, String pointer, String message) {
}
