// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
    /** Of those trips, the nearest ones tried for a stop that gives way when none has time for one more. */
    private static final int TRIPS_GIVING_WAY = 4;
    /**
     * Deliveries timed while trying stops, and deliveries looked at for a unit to give, at most (about a second's
     * work): past it no more lines are tried, so the step stays short at any scale and its result does not depend
     * on the machine.
     */
    private static final long WORK_LIMIT = 20_000_000;
    /** Places tried on each of those trips, the shortest detours first. */
    private static final int POSITIONS_TRIED = 4;

    /** A supply at a priority: the lines whose units may be shared among them. */
    private record Group(Supply supply, Priority priority) {
        Group(DemandLine line) {
            this(line.supply(), line.priority());
        }
    }

    private final DispatchSolution plan;
    /** Units on trips per line, by {@link DemandLine#index()}: looked up for every delivery a donor scan passes. */
    private final long[] delivered;
    private final Map<Trip, Set<Hospital>> stops = new IdentityHashMap<>();
    private final Map<Hospital, List<DemandLine>> linesAt = new HashMap<>();
    /** The deliveries on trips, per supply and priority: where a new stop's unit may come from. */
    private final Map<Group, List<Delivery>> dispatched = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    /** The unserved pool's deliveries of each line, in the pool's order. */
    private final Map<DemandLine, Deque<Delivery>> waitingByLine = new HashMap<>();
    private int nextId;
    private long work;

    private StopAdding(DispatchSolution plan) {
        this.plan = plan;
        this.delivered = plan.unitsByLine();
        plan.getDeliveries().forEach(delivery -> ids.add(delivery.getId()));
        plan.getLines().forEach(line -> linesAt.computeIfAbsent(line.hospital(), h -> new ArrayList<>()).add(line));
        plan.unservedPool().getDeliveries().forEach(delivery -> waitingByLine
                .computeIfAbsent(delivery.getLine(), line -> new ArrayDeque<>()).addLast(delivery));
        for (Trip trip : plan.getTrips()) {
            if (!trip.isUnservedPool()) {
                Set<Hospital> hospitals = new HashSet<>();
                for (Delivery delivery : trip.getDeliveries()) {
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
        Map<Group, long[]> groupFill = new HashMap<>(); // requested, delivered
        for (DemandLine line : plan.getLines()) {
            long[] fill = groupFill.computeIfAbsent(new Group(line), g -> new long[2]);
            fill[0] += line.quantity();
            fill[1] += adding.got(line);
        }
        // a line at or above its group's fill rate has no better-served line to take a unit from, or hardly any
        List<DemandLine> starved = new ArrayList<>(plan.getLines().stream().filter(line -> {
            long[] fill = groupFill.get(new Group(line));
            return (double) adding.got(line) / line.quantity() < (double) fill[1] / fill[0];
        }).toList());
        starved.sort(Comparator.comparing(DemandLine::priority).thenComparingDouble(adding::fill)
                .thenComparingInt(DemandLine::index));
        int added = 0;
        for (DemandLine line : starved) {
            if (adding.work > WORK_LIMIT) {
                break;
            }
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
        Map<Trip, Double> kmAway = new IdentityHashMap<>();
        donors.forEach((trip, donor) -> kmAway.put(trip, trip.getVehicle().distanceKm(donor.getHospital(), hospital)));
        List<Trip> nearest = donors.keySet().stream()
                .sorted(Comparator.comparingDouble((Trip trip) -> kmAway.get(trip)).thenComparing(Trip::getId))
                .limit(TRIPS_TRIED).toList();
        Delivery probe = new Delivery("probe", poor, 1);
        Trip bestTrip = null;
        Insertion best = null;
        long bestChange = 0;
        Hospital givingWay = null;
        for (Trip trip : nearest) {
            Insertion insertion = cheapestOnTime(trip, probe);
            if (insertion != null && (best == null || insertion.detourMs() < best.detourMs())) {
                bestTrip = trip;
                best = insertion;
            }
        }
        if (bestTrip == null) {
            for (Trip trip : nearest.subList(0, Math.min(TRIPS_GIVING_WAY, nearest.size()))) {
                Replacement replacement = replacement(trip, poor, probe, donors.get(trip));
                if (replacement != null && (best == null || replacement.fairnessChange() < bestChange)) {
                    bestTrip = trip;
                    best = replacement.insertion();
                    bestChange = replacement.fairnessChange();
                    givingWay = replacement.givingWay();
                }
            }
        }
        if (bestTrip == null) {
            return false;
        }
        if (givingWay != null) {
            giveWay(bestTrip, givingWay);
        }
        Delivery donor = donors.get(bestTrip);
        toPool(split(donor, 1));
        delivered[donor.getLine().index()]--;
        bestTrip.getDeliveries().add(best.position(), unitFromPool(poor));
        Timeline.update(bestTrip, Timeline.SILENT);
        delivered[poor.index()]++;
        stops.get(bestTrip).add(hospital);
        return true;
    }

    /** A stop that gives way to the new one, where the new one then goes, and the change in unfairness. */
    private record Replacement(Hospital givingWay, Insertion insertion, long fairnessChange) {
    }

    /**
     * When the trip has no time for one more stop: the stop of the trip that gives way to the poor line's at the
     * least cost in fairness, or {@code null}. A stop may give way when none of its lines is more urgent than the
     * poor line, the units it gets of the poor line's priority can go to lines of the trip's other stops that
     * still miss as many (the top-up that follows loads them there), and that priority's fairness improves when
     * the trip's load is shared again without the stop and with the new one ({@link #fairnessChange}); the final
     * score check has the last word.
     */
    private Replacement replacement(Trip trip, DemandLine poor, Delivery probe, Delivery donor) {
        Map<Hospital, List<Delivery>> byStop = new LinkedHashMap<>();
        trip.getDeliveries().forEach(delivery -> byStop.computeIfAbsent(delivery.getHospital(), h -> new ArrayList<>())
                .add(delivery));
        Replacement best = null;
        for (Map.Entry<Hospital, List<Delivery>> stop : byStop.entrySet()) {
            List<Delivery> unloading = stop.getValue();
            if (stop.getKey() == donor.getHospital()
                    || unloading.stream().anyMatch(delivery -> delivery.getLine().priority().compareTo(poor.priority()) < 0)
                    || !othersCanTake(byStop, stop.getKey(), unloading, poor)) {
                continue;
            }
            long change = fairnessChange(trip, byStop.keySet(), stop.getKey(), poor);
            if (change >= 0 || best != null && change >= best.fairnessChange()) {
                continue;
            }
            List<Delivery> list = trip.getDeliveries();
            List<Delivery> before = new ArrayList<>(list);
            list.removeAll(unloading);
            schedule(trip);
            Insertion insertion = cheapestOnTime(trip, probe);
            list.clear();
            list.addAll(before);
            Timeline.update(trip, Timeline.SILENT);
            if (insertion != null) {
                best = new Replacement(stop.getKey(), insertion, change);
            }
        }
        return best;
    }

    /**
     * How the fairness term of the poor line's priority (sum of shortfall^2 / requested, scaled) changes when the
     * trip's load of that priority, supply by supply, is shared by water-filling ({@link LoadSharing#waterFill})
     * among the lines at its stops without {@code givingWay} and with the poor line's: negative when fairer.
     */
    private long fairnessChange(Trip trip, Set<Hospital> tripStops, Hospital givingWay, DemandLine poor) {
        Priority priority = poor.priority();
        Map<DemandLine, Long> onTrip = new HashMap<>();
        Map<Supply, Long> load = new HashMap<>();
        for (Delivery delivery : trip.getDeliveries()) {
            if (delivery.getLine().priority() == priority) {
                onTrip.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
                load.merge(delivery.getSupply(), delivery.getQuantity(), Long::sum);
            }
        }
        long change = 0;
        for (Map.Entry<Supply, Long> supply : load.entrySet()) {
            List<DemandLine> sharing = new ArrayList<>();
            List<DemandLine> losing = new ArrayList<>();
            for (Hospital stop : tripStops) {
                for (DemandLine line : linesAt.getOrDefault(stop, List.of())) {
                    if (line.supply() == supply.getKey() && line.priority() == priority) {
                        (stop == givingWay ? losing : sharing).add(line);
                    }
                }
            }
            if (poor.supply() == supply.getKey()) {
                sharing.add(poor);
            }
            Map<DemandLine, Long> elsewhere = new HashMap<>();
            sharing.forEach(line -> elsewhere.put(line, got(line) - onTrip.getOrDefault(line, 0L)));
            long missing = sharing.stream().mapToLong(line -> line.quantity() - elsewhere.get(line)).sum();
            Map<DemandLine, Long> shares = LoadSharing.waterFill(sharing, elsewhere, Math.min(supply.getValue(), missing));
            for (DemandLine line : sharing) {
                change += ConstraintNames.unfairness(line, line.quantity() - elsewhere.get(line) - shares.get(line))
                        - ConstraintNames.unfairness(line, line.quantity() - got(line));
            }
            for (DemandLine line : losing) {
                change += ConstraintNames.unfairness(line, line.quantity() - got(line) + onTrip.getOrDefault(line, 0L))
                        - ConstraintNames.unfairness(line, line.quantity() - got(line));
            }
        }
        return change;
    }

    /**
     * Whether the lines at the trip's other stops, of each supply unloaded at {@code stop} and as urgent as the poor
     * line or more, still miss at least what the stop gets of that supply at the poor line's priority.
     */
    private boolean othersCanTake(Map<Hospital, List<Delivery>> byStop, Hospital stop, List<Delivery> unloading,
            DemandLine poor) {
        Map<Supply, Long> toPlace = new HashMap<>();
        unloading.stream().filter(delivery -> delivery.getLine().priority() == poor.priority())
                .forEach(delivery -> toPlace.merge(delivery.getSupply(), delivery.getQuantity(), Long::sum));
        for (Map.Entry<Supply, Long> supply : toPlace.entrySet()) {
            long missing = poor.supply() == supply.getKey() ? poor.quantity() - got(poor) - 1 : 0;
            for (Hospital other : byStop.keySet()) {
                if (other != stop) {
                    missing += linesAt.getOrDefault(other, List.of()).stream()
                            .filter(line -> line.supply() == supply.getKey()
                                    && line.priority().compareTo(poor.priority()) <= 0)
                            .mapToLong(line -> line.quantity() - got(line)).sum();
                }
            }
            if (missing < supply.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Takes the trip's stop at the hospital off it: its deliveries wait in the unserved pool. */
    private void giveWay(Trip trip, Hospital hospital) {
        List<Delivery> unloading = trip.getDeliveries().stream().filter(d -> d.getHospital() == hospital).toList();
        trip.getDeliveries().removeAll(unloading);
        unloading.forEach(this::toPool);
        for (Delivery delivery : unloading) {
            delivered[delivery.getLine().index()] -= delivery.getQuantity();
            dispatched.get(new Group(delivery.getLine())).remove(delivery);
        }
        stops.get(trip).remove(hospital);
        Timeline.update(trip, Timeline.SILENT);
    }

    /** Where in a trip's list a new stop goes, and how much longer the trip is on the road for it. */
    private record Insertion(int position, long detourMs) {
    }

    /**
     * The insertion of the probe's stop with the least detour that keeps every window and the shift of the trip's
     * vehicle, among the {@link #POSITIONS_TRIED} shortest detours; {@code null} when none keeps them.
     */
    private Insertion cheapestOnTime(Trip trip, Delivery probe) {
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
            schedule(trip);
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
        List<Delivery> sameGroup = dispatched.getOrDefault(new Group(poor), List.of());
        work += sameGroup.size();
        for (Delivery delivery : sameGroup) {
            if (delivery.getQuantity() < 2) {
                continue;
            }
            DemandLine line = delivery.getLine();
            double loss = (2.0 * (line.quantity() - got(line)) + 1) / line.quantity();
            Trip trip = delivery.getTrip();
            // the arithmetic first: most deliveries lose too much, and the trip's lookups cost more
            if (loss < gain && loss < leastLoss.getOrDefault(trip, Double.MAX_VALUE)
                    && !stops.get(trip).contains(poor.hospital()) && trip.getVehicle().canCarry(poor.supply())) {
                donors.put(trip, delivery);
                leastLoss.put(trip, loss);
            }
        }
        return donors;
    }

    /** One unit of the poor line, out of the unserved pool. */
    private Delivery unitFromPool(DemandLine poor) {
        Delivery waiting = waitingByLine.get(poor).getFirst();
        if (waiting.getQuantity() == 1) {
            plan.unservedPool().getDeliveries().remove(waiting);
            waitingByLine.get(poor).removeFirst();
            return waiting;
        }
        return split(waiting, 1);
    }

    private void toPool(Delivery delivery) {
        plan.unservedPool().getDeliveries().add(delivery);
        waitingByLine.computeIfAbsent(delivery.getLine(), line -> new ArrayDeque<>()).addLast(delivery);
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

    /** Sets the times of the trip's vehicle, counting the deliveries timed against {@link #WORK_LIMIT}. */
    private void schedule(Trip trip) {
        Timeline.update(trip, Timeline.SILENT);
        for (Trip current = trip; current != null; current = current.getNextTrip()) {
            work += current.getDeliveries().size();
        }
        for (Trip current = trip.getPreviousTrip(); current != null; current = current.getPreviousTrip()) {
            work += current.getDeliveries().size();
        }
    }

    /** Whether every stop of the trip's vehicle starts within its window and the vehicle is back by shift end. */
    private static boolean keepsWindowsAndShift(Trip trip) {
        for (Trip current = trip.firstOfDay(); current != null; current = current.getNextTrip()) {
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

    private long got(DemandLine line) {
        return delivered[line.index()];
    }

    private double fill(DemandLine line) {
        return (double) got(line) / line.quantity();
    }
}
