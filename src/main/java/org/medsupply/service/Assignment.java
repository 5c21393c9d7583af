// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;

/**
 * What a checkpoint needs to resume solving: which deliveries each trip carries, in order, by id
 * ({@code {"v1-t0": ["3:0", "7:1"], ...}}; the unserved pool is what is left). The ids are those
 * {@link ProblemMapper} gives the same problem every time, so mapping the problem again and putting the
 * deliveries back rebuilds the solution. A changed problem numbers its lines and deliveries afresh, so a plan
 * is carried over to it by what the ids stand for instead ({@link #carryOver}).
 */
final class Assignment {

    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private Assignment() {
    }

    /** The assignment of a solution whose deliveries all come from the mapper (an intermediate best). */
    static String write(DispatchSolution solution) {
        Map<String, List<String>> trips = new LinkedHashMap<>();
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool() && !trip.getDeliveries().isEmpty()) {
                trips.put(trip.getId(), trip.getDeliveries().stream().map(Delivery::getId).toList());
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(trips);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an assignment", e);
        }
    }

    /**
     * The problem mapped afresh with the assignment applied, shadow variables connected but not scored.
     *
     * @throws IllegalArgumentException when the assignment names a trip or delivery the problem does not have
     */
    static DispatchSolution read(ProblemFile problem, String json) {
        Map<String, List<String>> assigned;
        try {
            assigned = Json.MAPPER.readValue(json, SHAPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable assignment", e);
        }
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        Map<String, Delivery> deliveries = new HashMap<>();
        solution.getDeliveries().forEach(delivery -> deliveries.put(delivery.getId(), delivery));
        Map<String, Trip> trips = new HashMap<>();
        solution.getTrips().forEach(trip -> trips.put(trip.getId(), trip));
        assigned.forEach((tripId, ids) -> {
            Trip trip = trips.get(tripId);
            if (trip == null || trip.isUnservedPool()) {
                throw new IllegalArgumentException("the problem has no trip " + tripId);
            }
            for (String id : ids) {
                Delivery delivery = deliveries.remove(id);
                if (delivery == null) {
                    throw new IllegalArgumentException("the problem has no delivery " + id + " left to assign");
                }
                trip.getDeliveries().add(delivery);
            }
        });
        // what is still in the map was not assigned: it stays unserved, in the mapper's order
        return connected(solution, new HashSet<>(deliveries.values()));
    }

    /**
     * A solution of {@code problem} (typically {@code planned}'s problem after a change) that keeps what
     * {@code planned} carries wherever {@code problem} still has it and allows it: each trip, known by its
     * vehicle's id and number, carries again the units it carried of each line, a line being known by its
     * hospital's id, its supply's id and which of that hospital's lines of that supply it is. The units come in
     * the new line's deliveries (largest first, never more than before), in the order the trip had them, as far
     * as the warehouse's stock and the vehicle's capacity in the changed problem go; the rest stays unserved, as
     * does what the problem added. Windows and shifts are left to the solver. Shadow variables are connected but
     * not scored.
     */
    static DispatchSolution carryOver(DispatchSolution planned, ProblemFile problem) {
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        Map<DemandLine, LineKey> keys = LineKey.of(solution.getLines());
        Map<LineKey, List<Delivery>> free = new HashMap<>();
        solution.getDeliveries().stream().sorted(Comparator.comparingLong(Delivery::getQuantity).reversed())
                .forEach(delivery -> free.computeIfAbsent(keys.get(delivery.getLine()), key -> new ArrayList<>())
                        .add(delivery));
        Map<DemandLine, LineKey> plannedKeys = LineKey.of(planned.getLines());
        Map<String, Trip> trips = new HashMap<>();
        solution.getTrips().forEach(trip -> trips.put(trip.getId(), trip));
        Map<String, Long> stockLeft = new HashMap<>();
        for (Trip was : planned.getTrips()) {
            Trip trip = trips.get(was.getId());
            if (was.isUnservedPool() || trip == null || trip.isUnservedPool()) {
                continue;
            }
            Map<LineKey, Long> units = new LinkedHashMap<>();
            was.getDeliveries().forEach(delivery ->
                    units.merge(plannedKeys.get(delivery.getLine()), delivery.getQuantity(), Long::sum));
            Vehicle vehicle = trip.getVehicle();
            long[] room = {vehicle.capacityMg(), vehicle.capacityMm3()};
            units.forEach((line, wanted) -> {
                long left = wanted;
                for (Iterator<Delivery> candidates = free.getOrDefault(line, List.of()).iterator();
                        candidates.hasNext() && left > 0; ) {
                    Delivery candidate = candidates.next();
                    String stock = vehicle.warehouse().id() + "/" + candidate.getSupply().id();
                    long inStock = stockLeft.computeIfAbsent(stock,
                            s -> vehicle.warehouse().stockOf(candidate.getSupply()));
                    if (candidate.getQuantity() <= left && candidate.getQuantity() <= inStock
                            && candidate.weightMg() <= room[0] && candidate.volumeMm3() <= room[1]) {
                        candidates.remove();
                        trip.getDeliveries().add(candidate);
                        left -= candidate.getQuantity();
                        stockLeft.put(stock, inStock - candidate.getQuantity());
                        room[0] -= candidate.weightMg();
                        room[1] -= candidate.volumeMm3();
                    }
                }
            });
        }
        Set<Delivery> unassigned = new HashSet<>();
        free.values().forEach(unassigned::addAll);
        return connected(solution, unassigned);
    }

    /** Leaves only {@code unassigned} in the unserved pool (in the mapper's order) and connects the trips. */
    private static DispatchSolution connected(DispatchSolution solution, Set<Delivery> unassigned) {
        solution.unservedPool().getDeliveries().removeIf(delivery -> !unassigned.contains(delivery));
        Timeline.connect(solution.getTrips());
        return solution;
    }

    /** What a demand line stands for across revisions of a problem, whose line numbers may differ. */
    private record LineKey(String hospital, String supply, int ordinal) {

        /** Each line's key; {@code ordinal} counts the hospital's earlier lines of the same supply. */
        static Map<DemandLine, LineKey> of(List<DemandLine> lines) {
            Map<DemandLine, LineKey> keys = new HashMap<>();
            Map<List<String>, Integer> seen = new HashMap<>();
            for (DemandLine line : lines) {
                int ordinal = seen.merge(List.of(line.hospital().id(), line.supply().id()), 1, Integer::sum) - 1;
                keys.put(line, new LineKey(line.hospital().id(), line.supply().id(), ordinal));
            }
            return keys;
        }
    }
}
