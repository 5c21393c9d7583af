// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;

/**
 * After solving, a short line gets a stop on a trip that brings its supply, at its priority, to a better-served
 * line elsewhere, when that trip has the time: one unit of the better-served line's goes to the new stop, and
 * load sharing then shares the trip's load among all of them. The stop goes where it lengthens the trip least
 * with every window and the shift still kept. Units stay as they are and that priority's fairness improves;
 * only lateness and travel, lower levels, pay for it. Under a tight fleet, local search serves the sites near
 * its routes in full and leaves the others out: a stop at a new site fed by a unit taken from another line is
 * two moves, and the first alone loses a unit.
 */
final class StopAdding {

    /** Trips tried for a line's new stop, those passing nearest its hospital first. */
    private static final int TRIPS_TRIED = 8;
    /** Places tried on each of those trips, the shortest detours first. */
    private static final int POSITIONS_TRIED = 4;

    /** A supply at a priority: the lines whose units may be shared among them. */
    private record Group(Supply supply, Priority priority) {
        Group(DemandLine line) {
            this(line.supply(), line.priority());
        }
    }

    private final DispatchSolution plan;
    private final Map<DemandLine, Long> delivered = new HashMap<>();
    private final Map<Trip, Set<Hospital>> stops = new IdentityHashMap<>();
    /** The deliveries on trips, per supply and priority: where a new stop's unit may come from. */
    private final Map<Group, List<Delivery>> dispatched = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private int nextId;

    private StopAdding(DispatchSolution plan) {
        this.plan = plan;
        plan.getDeliveries().forEach(delivery -> ids.add(delivery.getId()));
        for (Trip trip : plan.getTrips()) {
            if (!trip.isUnservedPool()) {
                Set<Hospital> hospitals = new HashSet<>();
                for (Delivery delivery : trip.getDeliveries()) {
                    delivered.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
                    dispatched.computeIfAbsent(new Group(delivery.getLine()), g -> new ArrayList<>()).add(delivery);
                    hospitals.add(delivery.getHospital());
                }
                stops.put(trip, hospitals);
            }
        }
    }

    /**
     * Adds what stops it can to {@code plan}'s trips, highest priority and lowest fill rate first; its times are
     * set afterwards. The caller shares the loads again ({@link LoadSharing}) and scores.
     *
     * @return how many stops were added
     */
    static int add(DispatchSolution plan) {
        StopAdding adding = new StopAdding(plan);
        List<DemandLine> shortLines = new ArrayList<>(plan.getLines().stream()
                .filter(line -> adding.got(line) < line.quantity()).toList());
        shortLines.sort(Comparator.comparing(DemandLine::priority).thenComparingDouble(adding::fill)
                .thenComparingInt(DemandLine::index));
        int added = 0;
        for (DemandLine line : shortLines) {
            if (adding.addStop(line)) {
                added++;
            }
        }
        Timeline.connect(plan.getTrips());
        return added;
    }

    private boolean addStop(DemandLine poor) {
        if (!poor.splittable() && got(poor) > 0) {
            return false;
        }
        Hospital hospital = poor.hospital();
        Map<Trip, Delivery> donors = donors(poor);
        List<Trip> nearest = donors.keySet().stream()
                .sorted(Comparator.comparingDouble((Trip trip) -> distanceKm(trip, hospital)).thenComparing(Trip::getId))
                .limit(TRIPS_TRIED).toList();
        Delivery probe = new Delivery("probe", poor, 1);
        Trip bestTrip = null;
        Insertion best = null;
        for (Trip trip : nearest) {
            Insertion insertion = cheapestOnTime(trip, probe);
            if (insertion != null && (best == null || insertion.detourMs() < best.detourMs())) {
                bestTrip = trip;
                best = insertion;
            }
        }
        if (bestTrip == null) {
            return false;
        }
        Delivery donor = donors.get(bestTrip);
        plan.unservedPool().getDeliveries().add(split(donor, 1));
        delivered.merge(donor.getLine(), -1L, Long::sum);
        bestTrip.getDeliveries().add(best.position(), unitFromPool(poor));
        Timeline.update(bestTrip, Timeline.SILENT);
        delivered.merge(poor, 1L, Long::sum);
        stops.get(bestTrip).add(hospital);
        return true;
    }

    /** Where in a trip's list a new stop goes, and how much longer the trip is on the road for it. */
    private record Insertion(int position, long detourMs) {
    }

    /**
     * The insertion of the probe's stop with the least detour that keeps every window and the shift of the trip's
     * vehicle, among the {@link #POSITIONS_TRIED} shortest detours; {@code null} when none keeps them.
     */
    private static Insertion cheapestOnTime(Trip trip, Delivery probe) {
        List<Delivery> list = trip.getDeliveries();
        Vehicle vehicle = trip.getVehicle();
        Hospital hospital = probe.getHospital();
        List<Insertion> insertions = new ArrayList<>();
        Site previous = vehicle.warehouse();
        for (int i = 0; i <= list.size(); i++) {
            if (i == list.size() || list.get(i).startsStop()) {
                Site next = i == list.size() ? vehicle.warehouse() : list.get(i).getHospital();
                insertions.add(new Insertion(i, vehicle.drivingMs(previous, hospital) + hospital.unloadMs()
                        + vehicle.drivingMs(hospital, next) - vehicle.drivingMs(previous, next)));
                previous = next;
            }
        }
        insertions.sort(Comparator.comparingLong(Insertion::detourMs));
        Insertion kept = null;
        for (Insertion insertion : insertions.subList(0, Math.min(POSITIONS_TRIED, insertions.size()))) {
            list.add(insertion.position(), probe);
            Timeline.update(trip, Timeline.SILENT);
            boolean onTime = keepsWindowsAndShift(trip);
            list.remove(insertion.position());
            if (onTime) {
                kept = insertion;
                break;
            }
        }
        Timeline.update(trip, Timeline.SILENT);
        return kept;
    }

    /**
     * Per trip that does not stop at the poor line's hospital yet and may carry its supply, the delivery it could
     * take a unit from: of at least two units (so its stop stays), of a line of the same supply and priority that
     * loses less from its last unit than the poor line gains from its first, so the objective's fairness term,
     * shortfall^2 / requested, falls. Of the line that loses least.
     */
    private Map<Trip, Delivery> donors(DemandLine poor) {
        double gain = (2.0 * (poor.quantity() - got(poor)) - 1) / poor.quantity();
        Map<Trip, Delivery> donors = new IdentityHashMap<>();
        Map<Trip, Double> leastLoss = new IdentityHashMap<>();
        for (Delivery delivery : dispatched.getOrDefault(new Group(poor), List.of())) {
            Trip trip = delivery.getTrip();
            DemandLine line = delivery.getLine();
            if (delivery.getQuantity() < 2 || stops.get(trip).contains(poor.hospital())
                    || !trip.getVehicle().canCarry(poor.supply())) {
                continue;
            }
            double loss = (2.0 * (line.quantity() - got(line)) + 1) / line.quantity();
            if (loss < gain && loss < leastLoss.getOrDefault(trip, Double.MAX_VALUE)) {
                donors.put(trip, delivery);
                leastLoss.put(trip, loss);
            }
        }
        return donors;
    }

    /** One unit of the poor line, out of the unserved pool. */
    private Delivery unitFromPool(DemandLine poor) {
        Delivery waiting = plan.unservedPool().getDeliveries().stream()
                .filter(delivery -> delivery.getLine() == poor).findFirst().orElseThrow();
        if (waiting.getQuantity() == 1) {
            plan.unservedPool().getDeliveries().remove(waiting);
            return waiting;
        }
        return split(waiting, 1);
    }

    private Delivery split(Delivery delivery, long units) {
        String id;
        do {
            id = delivery.getLine().index() + ":added" + nextId++;
        } while (!ids.add(id));
        Delivery part = delivery.splitOff(units, id);
        plan.getDeliveries().add(part);
        return part;
    }

    /** Where a new stop can go in a trip's list: before each stop, and at the end. */
    private static List<Integer> stopPositions(List<Delivery> list) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).startsStop()) {
                positions.add(i);
            }
        }
        positions.add(list.size());
        return positions;
    }

    /** Whether every stop of the trip's vehicle starts within its window and the vehicle is back by shift end. */
    private static boolean keepsWindowsAndShift(Trip trip) {
        Trip current = trip;
        while (current.getPreviousTrip() != null) {
            current = current.getPreviousTrip();
        }
        for (; current != null; current = current.getNextTrip()) {
            for (Delivery delivery : current.getDeliveries()) {
                if (delivery.startsStop() && delivery.getStartMs() > delivery.getHospital().windowToMs()) {
                    return false;
                }
            }
        }
        return lastReturnMs(trip) <= trip.getVehicle().shiftToMs();
    }

    /** When the trip's vehicle is back from its last trip. */
    private static long lastReturnMs(Trip trip) {
        Trip last = trip;
        while (last.getNextTrip() != null) {
            last = last.getNextTrip();
        }
        return last.returnMs();
    }

    /** How far the hospital is from the nearest place the trip passes: its warehouse or one of its stops. */
    private double distanceKm(Trip trip, Hospital hospital) {
        Vehicle vehicle = trip.getVehicle();
        double nearest = vehicle.distanceKm(vehicle.warehouse(), hospital);
        for (Hospital stop : stops.get(trip)) {
            nearest = Math.min(nearest, vehicle.distanceKm(stop, hospital));
        }
        return nearest;
    }

    private long got(DemandLine line) {
        return delivered.getOrDefault(line, 0L);
    }

    private double fill(DemandLine line) {
        return (double) got(line) / line.quantity();
    }
}
