// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

/**
 * Units of one supply a stop hands to a known hospital, as the plan states them.
 *
 * @param startMinutes the stop's stated start in epoch minutes, or null when the plan gives none readable
 * @param pointer      the plan's {@code deliver} entry it comes from
 */
record Drop(String hospital, String supply, long quantity, Double startMinutes, String pointer) {
}
