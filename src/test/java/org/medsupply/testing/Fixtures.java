// SPDX-License-Identifier: Apache-2.0
package org.medsupply.testing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Travel;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;

/**
 * Tiny hand-checkable worlds: a warehouse at (0,0) and hospitals on a plane with euclidean travel at
 * one minute per km, so a 3-4-5 triangle drives in 3, 4 and 5 minutes.
 */
public final class Fixtures {

    public static final TimeAxis AXIS = new TimeAxis(OffsetDateTime.parse("2026-02-01T06:00:00+08:00"));
    public static final Travel PLANE = new Travel.Euclidean(false, 1.0);
    public static final long MINUTE = 60_000;

    public static final Supply MASKS = new Supply("n95", "N95 box", Supply.kgToMg(1), Supply.m3ToMm3(0.01), false);
    public static final Supply VACCINE = new Supply("vaccine", "Vaccine tray", Supply.kgToMg(4), Supply.m3ToMm3(0.02), true);

    private Fixtures() {
    }

    public static Warehouse warehouse(String id, long masks, long vaccine) {
        return new Warehouse(id, id, 0, 0, 0, Map.of("n95", masks, "vaccine", vaccine));
    }

    public static Hospital hospital(String id, int index, double x, double y) {
        return new Hospital(id, id, index, x, y, Long.MIN_VALUE / 4, TimeAxis.OPEN_END, 0);
    }

    public static Hospital hospital(String id, int index, double x, double y, long windowToMinutes, long unloadMinutes) {
        return new Hospital(id, id, index, x, y, Long.MIN_VALUE / 4, windowToMinutes * MINUTE, unloadMinutes * MINUTE);
    }

    public static Vehicle vehicle(String id, Warehouse warehouse, double capacityKg, boolean refrigerated) {
        return vehicle(id, warehouse, capacityKg, refrigerated, TimeAxis.OPEN_END, 1);
    }

    public static Vehicle vehicle(String id, Warehouse warehouse, double capacityKg, boolean refrigerated,
            long shiftToMs, int maxTrips) {
        return new Vehicle(id, warehouse, Supply.kgToMg(capacityKg), Vehicle.UNLIMITED, refrigerated, 60, 0,
                shiftToMs, 0, 1, maxTrips, PLANE);
    }

    public static DemandLine line(int index, Hospital hospital, Supply supply, long quantity, Priority priority) {
        return new DemandLine(index, hospital, supply, quantity, priority, null, true);
    }

    public static Delivery delivery(DemandLine line, long quantity) {
        return new Delivery(line.index() + ":" + quantity, line, quantity);
    }

    /** The trips of a vehicle, each with the given deliveries, linked and timed. */
    @SafeVarargs
    public static List<Trip> trips(Vehicle vehicle, List<Delivery>... deliveriesPerTrip) {
        List<Trip> trips = new ArrayList<>();
        Trip previous = null;
        for (int i = 0; i < deliveriesPerTrip.length; i++) {
            previous = new Trip(vehicle.id() + "#" + (i + 1), vehicle, previous);
            previous.getDeliveries().addAll(deliveriesPerTrip[i]);
            trips.add(previous);
        }
        Timeline.connect(trips);
        return trips;
    }

    /** The unserved pool holding the given deliveries, linked. */
    public static Trip pool(Delivery... deliveries) {
        Trip pool = Trip.unservedPool();
        pool.getDeliveries().addAll(List.of(deliveries));
        Timeline.connect(List.of(pool));
        return pool;
    }

    /** A whole solution around the given trips (pool first) and deliveries. */
    public static DispatchSolution solution(List<Trip> trips, List<Delivery> deliveries, List<DemandLine> lines,
            List<Vehicle> vehicles, List<Hospital> hospitals, List<Warehouse> warehouses) {
        return new DispatchSolution("fixture", AXIS, List.of(MASKS, VACCINE), warehouses, hospitals, lines, vehicles,
                trips, deliveries);
    }
}
