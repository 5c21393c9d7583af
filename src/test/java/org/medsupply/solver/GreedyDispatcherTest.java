// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;

/** The order in which the greedy takes equally urgent lines: it decides who is served when not all can be. */
class GreedyDispatcherTest {

    /**
     * A hospital 1 km and one 10 km from the depot, 10 kg each, listed in the given order (so that file
     * order alone would choose differently); vans of 10 kg, one trip each.
     */
    private static DispatchSolution nearAndFar(int vans, String first, String second) throws InvalidInputException {
        StringBuilder vehicles = new StringBuilder();
        for (int van = 1; van <= vans; van++) {
            vehicles.append(van > 1 ? "," : "").append("""
                    {"id": "van%d", "warehouse": "wh", "capacityKg": 10}""".formatted(van));
        }
        return ProblemMapper.toSolution(ProblemReader.read("""
                {"name": "near and far", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "name": "N95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "name": "Depot", "x": 0, "y": 0, "stock": {"n95": 20}}],
                 "hospitals": [%s, %s],
                 "vehicles": [%s],
                 "travel": {"method": "euclidean", "minutesPerKm": 1}}""".formatted(hospital(first), hospital(second),
                vehicles)));
    }

    private static String hospital(String id) {
        return """
                {"id": "%s", "name": "%s", "x": %d, "y": 0, "demands": [{"supply": "n95", "quantity": 10}]}"""
                .formatted(id, id, id.equals("far") ? 10 : 1);
    }

    /** Hospital ids per vehicle, in the problem's vehicle order. */
    private static List<List<String>> routes(DispatchSolution solution) {
        Map<Trip, List<Delivery>> plan = GreedyDispatcher.plan(solution);
        return solution.getTrips().stream().filter(trip -> !trip.isUnservedPool())
                .map(trip -> plan.get(trip).stream().map(delivery -> delivery.getHospital().id()).distinct().toList())
                .toList();
    }

    @Test
    void whenTheFleetFallsShortTheNearestAreServedFirst() throws InvalidInputException {
        assertThat(routes(nearAndFar(1, "far", "near"))).containsExactly(List.of("near"));
    }

    @Test
    void whenEverythingCanBeDeliveredTheRemotestOpenTheRoutes() throws InvalidInputException {
        assertThat(routes(nearAndFar(2, "near", "far"))).containsExactly(List.of("far"), List.of("near"));
    }

    @Test
    void aReplanStartsFromTheVehicleThatAnnouncedTheDelivery() throws InvalidInputException {
        // two vans, one far hospital; van1 would take it on a tie, but van2 announced it
        DispatchSolution solution = ProblemMapper.toSolution(ProblemReader.read("""
                {"name": "announced", "start": "2026-02-01T06:00:00Z", "now": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "name": "N95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "name": "Depot", "x": 0, "y": 0, "stock": {"n95": 20}}],
                 "hospitals": [%s],
                 "vehicles": [{"id": "van1", "warehouse": "wh", "capacityKg": 10},
                              {"id": "van2", "warehouse": "wh", "capacityKg": 10}],
                 "reference": [{"vehicle": "van2", "stops": [{"hospital": "far", "deliver": {"n95": 10}}]}],
                 "travel": {"method": "euclidean", "minutesPerKm": 1}}""".formatted(hospital("far"))));

        assertThat(routes(solution)).containsExactly(List.of(), List.of("far"));
    }

    /**
     * A top-up past its work limit tries no more lines: the lines come by priority, so with no work allowed only
     * the first, critical one is loaded, and with the default limit both are.
     */
    @Test
    void aTopUpPastItsWorkLimitLoadsOnlyTheMostUrgentLines() throws InvalidInputException {
        String json = """
                {"name": "two priorities", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "name": "N95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "name": "Depot", "x": 0, "y": 0, "stock": {"n95": 20}}],
                 "hospitals": [{"id": "low", "x": 1, "y": 0, "demands": [{"supply": "n95", "quantity": 5, "priority": "low"}]},
                               {"id": "critical", "x": 2, "y": 0,
                                "demands": [{"supply": "n95", "quantity": 5, "priority": "critical"}]}],
                 "vehicles": [{"id": "van", "warehouse": "wh", "capacityKg": 20}],
                 "travel": {"method": "euclidean", "minutesPerKm": 1}}""";

        assertThat(loadedHospitals(GreedyDispatcher.topUp(ProblemMapper.toSolution(ProblemReader.read(json)), 0)))
                .containsExactly("critical");
        assertThat(loadedHospitals(GreedyDispatcher.topUp(ProblemMapper.toSolution(ProblemReader.read(json)))))
                .containsExactlyInAnyOrder("critical", "low");
    }

    private static List<String> loadedHospitals(Map<Trip, List<Delivery>> loads) {
        return loads.values().stream().flatMap(List::stream).map(delivery -> delivery.getHospital().id()).distinct()
                .toList();
    }
}
