// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * One line of a hospital's request: a quantity of one supply at one priority.
 *
 * @param index     position of the line in the problem (stable id for sorting and reporting)
 * @param needByMs  soft deadline in ms after plan start, or {@code null} when none
 * @param splittable whether several stops may share the line
 */
public record DemandLine(int index, Hospital hospital, Supply supply, long quantity, Priority priority,
        Long needByMs, boolean splittable) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return index;
    }
}
