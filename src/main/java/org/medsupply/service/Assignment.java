// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;

/**
 * What a checkpoint needs to resume solving: which deliveries each trip carries, in order, by id
 * ({@code {"v1-t0": ["3:0", "7:1"], ...}}; the unserved pool is what is left). The ids are those
 * {@link ProblemMapper} gives the same problem every time, so mapping the problem again and putting the
 * deliveries back rebuilds the solution.
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
        solution.unservedPool().getDeliveries().removeIf(delivery -> deliveries.get(delivery.getId()) != delivery);
        Timeline.connect(solution.getTrips());
        return solution;
    }
}
