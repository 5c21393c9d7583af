// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * A receiving site (hospital, clinic, quarantine site).
 *
 * @param windowFromMs  earliest start of unloading, in milliseconds after the plan start
 * @param windowToMs    latest start of unloading; {@link TimeAxis#OPEN_END} when there is no window
 * @param unloadMs      service time of one stop
 */
public record Hospital(String id, String name, int index, double a, double b,
        long windowFromMs, long windowToMs, long unloadMs) implements Site {

    public boolean hasWindowEnd() {
        return windowToMs != TimeAxis.OPEN_END;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return index;
    }
}
