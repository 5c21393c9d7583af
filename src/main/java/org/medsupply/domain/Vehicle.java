// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * A vehicle that loads at its warehouse. Capacities are {@link Long#MAX_VALUE} when unlimited.
 *
 * @param shiftFromMs earliest departure, ms after plan start
 * @param shiftToMs   latest return, or {@link TimeAxis#OPEN_END}
 * @param fixedCost   cost of using the vehicle at all (0 when not given)
 * @param costPerKm   cost of one km (1 when not given, so the travel level counts metres)
 */
public record Vehicle(String id, Warehouse warehouse, long capacityMg, long capacityMm3, boolean refrigerated,
        double speedKmh, long shiftFromMs, long shiftToMs, double fixedCost, double costPerKm, int maxTrips,
        Travel travel) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public boolean canCarry(Supply supply) {
        return refrigerated || !supply.coldChain();
    }

    public double distanceKm(Site from, Site to) {
        return travel.distanceKm(from, to);
    }

    /** Driving time, rounded up to the millisecond so planned times are never optimistic. */
    public long drivingMs(Site from, Site to) {
        return TimeAxis.minutesToMillis(travel.durationMinutes(from, to, speedKmh));
    }

    /** Cost of driving from one site to another, in thousandths of a cost unit (metres at 1 per km). */
    public long travelCost(Site from, Site to) {
        return Math.round(distanceKm(from, to) * costPerKm * 1000d);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
