// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;

/**
 * After solving, a hospital visited by several trips loses the stops whose whole unloading another of
 * those trips can take on: it has the room, its warehouse the stock, its vehicle the refrigeration, and
 * its stop there starts early enough that no line ends later than it did or than its {@code needBy}.
 * Units and their sharing stay as they are, no line gets later, and a trip that drops a stop only drives
 * less and comes back earlier; so a site gets one visit where one can bring what it gets. Local search
 * rarely finds this alone: it must move every delivery of the stop, one move at a time, and only the
 * last saves anything.
 */
final class StopMerging {

    private final Map<Trip, long[]> loads = new IdentityHashMap<>();
    private final Map<Warehouse, Map<Supply, Long>> stockLeft = new HashMap<>();
    /** Latest start of each line's stops, as the plan stands before merging. */
    private final Map<DemandLine, Long> lastStart = new HashMap<>();

    private StopMerging(DispatchSolution plan) {
        stockLeft.putAll(plan.stockLeft());
        for (Trip trip : plan.getTrips()) {
            if (trip.isUnservedPool()) {
                continue;
            }
            long[] load = new long[2];
            for (Delivery delivery : trip.getDeliveries()) {
                load[0] += delivery.weightMg();
                load[1] += delivery.volumeMm3();
                lastStart.merge(delivery.getLine(), delivery.getStartMs(), Math::max);
            }
            loads.put(trip, load);
        }
    }

    /**
     * Merges what stops it can in {@code plan}'s trip lists; the caller reconnects the timeline and scores.
     *
     * @return how many stops were dropped
     */
    static int merge(DispatchSolution plan) {
        StopMerging merging = new StopMerging(plan);
        Map<Hospital, List<Trip>> visits = new LinkedHashMap<>();
        for (Trip trip : plan.getTrips()) {
            if (!trip.isUnservedPool()) {
                trip.getDeliveries().stream().map(Delivery::getHospital).distinct()
                        .forEach(hospital -> visits.computeIfAbsent(hospital, h -> new ArrayList<>()).add(trip));
            }
        }
        int dropped = 0;
        for (Map.Entry<Hospital, List<Trip>> entry : visits.entrySet()) {
            List<Trip> trips = entry.getValue();
            if (trips.size() < 2) {
                continue;
            }
            Hospital hospital = entry.getKey();
            // the lightest stops first: the likeliest to fit elsewhere; receivers in order of their stop's start
            trips.sort(Comparator.comparingLong((Trip trip) -> weightAt(trip, hospital)));
            List<Trip> kept = new ArrayList<>(trips);
            for (Trip giver : trips) {
                List<Delivery> unloading = giver.getDeliveries().stream()
                        .filter(delivery -> delivery.getHospital() == hospital).toList();
                Trip receiver = kept.stream().filter(trip -> trip != giver)
                        .sorted(Comparator.comparingLong(trip -> startAt(trip, hospital)))
                        .filter(trip -> merging.canTake(trip, giver, unloading, startAt(trip, hospital)))
                        .findFirst().orElse(null);
                if (receiver != null) {
                    merging.move(giver, receiver, unloading);
                    kept.remove(giver);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    private boolean canTake(Trip receiver, Trip giver, List<Delivery> unloading, long startMs) {
        Vehicle vehicle = receiver.getVehicle();
        long[] load = loads.get(receiver);
        long weightMg = unloading.stream().mapToLong(Delivery::weightMg).sum();
        long volumeMm3 = unloading.stream().mapToLong(Delivery::volumeMm3).sum();
        if (weightMg > vehicle.capacityMg() - load[0] || volumeMm3 > vehicle.capacityMm3() - load[1]) {
            return false;
        }
        Map<Supply, Long> units = new HashMap<>();
        unloading.forEach(delivery -> units.merge(delivery.getSupply(), delivery.getQuantity(), Long::sum));
        boolean sameWarehouse = vehicle.warehouse() == giver.getVehicle().warehouse();
        for (Map.Entry<Supply, Long> supply : units.entrySet()) {
            if (!vehicle.canCarry(supply.getKey())
                    || !sameWarehouse && stockLeft.get(vehicle.warehouse()).get(supply.getKey()) < supply.getValue()) {
                return false;
            }
        }
        return unloading.stream().map(Delivery::getLine).allMatch(line ->
                line.needByMs() == null || startMs <= Math.max(lastStart.get(line), line.needByMs()));
    }

    private void move(Trip giver, Trip receiver, List<Delivery> unloading) {
        giver.getDeliveries().removeAll(unloading);
        List<Delivery> list = receiver.getDeliveries();
        Hospital hospital = unloading.get(0).getHospital();
        int stop = 0;
        while (list.get(stop).getHospital() != hospital) {
            stop++;
        }
        list.addAll(stop + 1, unloading);
        for (Delivery delivery : unloading) {
            loads.get(giver)[0] -= delivery.weightMg();
            loads.get(giver)[1] -= delivery.volumeMm3();
            loads.get(receiver)[0] += delivery.weightMg();
            loads.get(receiver)[1] += delivery.volumeMm3();
            stockLeft.get(giver.getVehicle().warehouse()).merge(delivery.getSupply(), delivery.getQuantity(), Long::sum);
            stockLeft.get(receiver.getVehicle().warehouse()).merge(delivery.getSupply(), -delivery.getQuantity(), Long::sum);
        }
    }

    private static long weightAt(Trip trip, Hospital hospital) {
        return trip.getDeliveries().stream().filter(d -> d.getHospital() == hospital).mapToLong(Delivery::weightMg).sum();
    }

    /** When the trip's stop at the hospital starts, as the plan stood before merging. */
    private static long startAt(Trip trip, Hospital hospital) {
        return trip.getDeliveries().stream().filter(d -> d.getHospital() == hospital).findFirst()
                .map(Delivery::getStartMs).orElse(Long.MAX_VALUE);
    }
}
