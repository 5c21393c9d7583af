// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

/**
 * Units of one supply a stop hands to a known hospital, as the plan states them.
 *
 * @param vehicle      the vehicle that brings it
 * @param committed    whether it comes on a trip the problem commits (under way before {@code now})
 * @param startMinutes the stop's stated start in epoch minutes, or null when the plan gives none readable
 * @param pointer      the plan's {@code deliver} entry it comes from
 */
record Drop(String vehicle, boolean committed, String hospital, String supply, long quantity, Double startMinutes,
        String pointer) {
}
