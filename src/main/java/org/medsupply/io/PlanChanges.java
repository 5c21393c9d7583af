// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;

/**
 * What a re-made plan changed against the plan it re-makes, for coordinators.
 *
 * @param unitsMoved       announced units the new plan does not bring on the same vehicle ({@code changedUnits})
 * @param announcedTrips   trips of the old plan that had not left when it was re-made
 * @param tripsChanged     of those, the ones the new plan does not make as they were (same vehicle, stops and
 *                         quantities)
 * @param newLinesServed   hospital and supply pairs the new plan brings something of and the old one did not
 */
public record PlanChanges(long unitsMoved, int announcedTrips, int tripsChanged, int newLinesServed) {

    /** @param before the plan re-made; @param after the new plan, whose committed trips are marked */
    public static PlanChanges between(PlanFile before, PlanFile after) {
        Set<List<String>> departed = new HashSet<>();
        Map<List<Object>, Integer> newTrips = new HashMap<>();
        forEachTrip(after, (vehicle, trip) -> {
            if (trip.isCommitted()) {
                departed.add(List.of(vehicle, String.valueOf(trip.departure())));
            } else {
                newTrips.merge(List.of(vehicle, stops(trip)), 1, Integer::sum);
            }
        });
        int[] announced = {0};
        int[] changed = {0};
        forEachTrip(before, (vehicle, trip) -> {
            if (!departed.contains(List.of(vehicle, String.valueOf(trip.departure())))) {
                announced[0]++;
                Integer same = newTrips.computeIfPresent(List.of(vehicle, stops(trip)), (key, count) -> count - 1);
                if (same == null || same < 0) {
                    changed[0]++;
                }
            }
        });
        Set<List<String>> servedBefore = served(before);
        int newLines = (int) served(after).stream().filter(line -> !servedBefore.contains(line)).count();
        long moved = after.kpis() == null || after.kpis().changedUnits() == null ? 0 : after.kpis().changedUnits();
        return new PlanChanges(moved, announced[0], changed[0], newLines);
    }

    private interface TripVisitor {
        void visit(String vehicle, TripDto trip);
    }

    private static void forEachTrip(PlanFile plan, TripVisitor visitor) {
        for (RouteDto route : plan.routes() == null ? List.<RouteDto>of() : plan.routes()) {
            for (TripDto trip : route.trips() == null ? List.<TripDto>of() : route.trips()) {
                visitor.visit(route.vehicle(), trip);
            }
        }
    }

    /** A stop as hospital and units per supply, zeros left out. */
    private record Stop(String hospital, Map<String, Long> deliver) {
    }

    /** A trip's stops: what makes two trips the same. */
    private static List<Stop> stops(TripDto trip) {
        List<Stop> stops = new ArrayList<>();
        for (StopDto stop : trip.stops() == null ? List.<StopDto>of() : trip.stops()) {
            Map<String, Long> deliver = new LinkedHashMap<>();
            if (stop.deliver() != null) {
                stop.deliver().forEach((supply, units) -> {
                    if (units != null && units > 0) {
                        deliver.put(supply, units);
                    }
                });
            }
            stops.add(new Stop(stop.hospital(), deliver));
        }
        return stops;
    }

    /** The hospital and supply pairs a plan brings units of. */
    private static Set<List<String>> served(PlanFile plan) {
        Set<List<String>> served = new HashSet<>();
        forEachTrip(plan, (vehicle, trip) -> stops(trip).forEach(stop ->
                stop.deliver().keySet().forEach(supply -> served.add(List.of(stop.hospital(), supply)))));
        return served;
    }
}
