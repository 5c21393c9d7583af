// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trip under way or done when a plan is re-made (FORMAT.md, Re-planning): kept exactly as given, so it
 * is a fact beside the planning variables, never a planning entity that a move could touch. Its times
 * follow the same timing rule as every trip ({@link Timeline}), from its given departure.
 *
 * @param deliver units per supply at each stop, in the order given
 */
public record CommittedTrip(Vehicle vehicle, long departureMs, List<Stop> stops) {

    /** A stop of a committed trip; {@code deliver} keeps the problem's order of supplies. */
    public record Stop(Hospital hospital, Map<Supply, Long> deliver) {
    }

    public CommittedTrip {
        stops = List.copyOf(stops);
    }

    /** The times of each stop, in stop order. */
    public List<Timeline.Visit> visits() {
        List<Timeline.Visit> visits = new ArrayList<>(stops.size());
        Site here = vehicle.warehouse();
        long clock = departureMs;
        for (Stop stop : stops) {
            Timeline.Visit visit = Timeline.visit(vehicle, here, clock, stop.hospital());
            visits.add(visit);
            here = stop.hospital();
            clock = visit.departureMs();
        }
        return visits;
    }

    /** Back at the warehouse from the last stop; at departure when it has no stop. */
    public long returnMs() {
        List<Timeline.Visit> visits = visits();
        if (visits.isEmpty()) {
            return departureMs;
        }
        return Timeline.returnMs(vehicle, stops.get(stops.size() - 1).hospital(),
                visits.get(visits.size() - 1).departureMs());
    }

    /** Km from the warehouse through each stop and back; 0 without stops. */
    public double distanceKm() {
        double km = 0;
        Site here = vehicle.warehouse();
        for (Stop stop : stops) {
            km += vehicle.distanceKm(here, stop.hospital());
            here = stop.hospital();
        }
        return stops.isEmpty() ? 0 : km + vehicle.distanceKm(here, vehicle.warehouse());
    }
}
