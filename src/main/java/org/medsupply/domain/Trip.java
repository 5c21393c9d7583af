// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * One loading of a vehicle at its warehouse: it leaves, stops at each of its hospitals once, in the
 * order they first appear in its list of deliveries, and returns. A vehicle has {@code maxTrips} trips, chained by {@link #previousTrip()}; an empty trip
 * takes no time. The one trip without a vehicle is the <em>unserved pool</em>: deliveries in it are
 * the part of the demand the plan does not bring (OptaPlanner 10.1.0 list variables cannot leave a
 * value unassigned, so the shortfall is modelled as a place).
 */
@PlanningEntity
public class Trip {

    public static final String DELIVERIES = "deliveries";

    @PlanningId
    private String id;
    private Vehicle vehicle;
    private Trip previousTrip;
    private Trip nextTrip;

    @PlanningListVariable(valueRangeProviderRefs = "deliveries")
    private List<Delivery> deliveries = new ArrayList<>();

    public Trip() {
    }

    public Trip(String id, Vehicle vehicle, Trip previousTrip) {
        this.id = id;
        this.vehicle = vehicle;
        this.previousTrip = previousTrip;
        if (previousTrip != null) {
            previousTrip.nextTrip = this;
        }
    }

    public static Trip unservedPool() {
        return new Trip("unserved", null, null);
    }

    public boolean isUnservedPool() {
        return vehicle == null;
    }

    /** Departure from the warehouse: the shift start, or when the previous trip is back. */
    public long departureMs() {
        return previousTrip == null ? vehicle.shiftFromMs() : previousTrip.returnMs();
    }

    /** Km driven: from the warehouse through each stop and back; 0 for an empty trip. */
    public double distanceKm() {
        double km = 0;
        for (Delivery delivery : deliveries) {
            if (delivery.startsStop()) {
                km += vehicle.distanceKm(delivery.getStopOrigin(), delivery.getHospital());
            }
            if (delivery.makesLastStop()) {
                km += vehicle.distanceKm(delivery.getHospital(), vehicle.warehouse());
            }
        }
        return km;
    }

    /** Return to the warehouse from the last stop; an empty trip returns when it would have left. */
    public long returnMs() {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            Delivery delivery = deliveries.get(i);
            if (delivery.makesLastStop()) {
                return Timeline.returnMs(vehicle, delivery.getHospital(), delivery.getDepartureMs());
            }
        }
        return departureMs();
    }

    public String getId() {
        return id;
    }

    public Vehicle getVehicle() {
        return vehicle;
    }

    public Trip getPreviousTrip() {
        return previousTrip;
    }

    public Trip getNextTrip() {
        return nextTrip;
    }

    /** The vehicle's first trip of the day: its later trips follow from it by {@link #getNextTrip()}. */
    public Trip firstOfDay() {
        Trip first = this;
        while (first.previousTrip != null) {
            first = first.previousTrip;
        }
        return first;
    }

    public List<Delivery> getDeliveries() {
        return deliveries;
    }

    public void setDeliveries(List<Delivery> deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String toString() {
        return id;
    }
}
