// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;
import org.medsupply.io.ProblemMapper;
import org.medsupply.testing.TestProblems;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Recreating puts every stop taken off back whole, where its vehicle keeps every window, its shift and
 * its capacity; emptying a route leaves one used route fewer; undoing gives the plan back exactly.
 */
class RuinAndRecreateTest {

    private static final int MOVES = 200;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void stringRemovalPutsEveryStopBackWholeAndOnTime(long seed) {
        Started started = started(greedyPlan(TestProblems.random(seed, 30, 4, 2)));
        Random random = new Random(seed);
        int made = 0;
        for (int i = 0; i < MOVES; i++) {
            TripListsMove move = started.moves.removeStrings(anyCarried(started.solution(), random), random);
            if (move != null) {
                made++;
                doCheckAndUndo(started, move);
            }
        }
        assertThat(made).as("moves made").isGreaterThan(MOVES / 4);
    }

    /** Stops spread one per route over a day without windows: each move empties one route, the last stays. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void emptyingARouteLeavesOneUsedRouteFewer(long seed) {
        DispatchSolution solution = ProblemMapper.toSolution(openDay(12, 4));
        List<Trip> trips = solution.getTrips().stream().filter(trip -> !trip.isUnservedPool()).toList();
        List<Delivery> deliveries = new ArrayList<>(solution.unservedPool().getDeliveries());
        solution.unservedPool().getDeliveries().clear();
        for (int i = 0; i < deliveries.size(); i++) {
            trips.get(i % trips.size()).getDeliveries().add(deliveries.get(i));
        }
        Started started = started(solution);
        Random random = new Random(seed);
        for (long used = trips.size(); used > 1; used--) {
            TripListsMove move = null;
            while (move == null) {
                move = started.moves.emptyRoute(random);
            }
            move.doMove(started.scoreDirector);
            assertThat(usedRoutes(solution)).as(move.toString()).isEqualTo(used - 1);
            move.getPlanningEntities().forEach(RuinAndRecreateTest::assertOnTimeAndFits);
        }
        assertThat(carried(solution)).containsExactlyInAnyOrderElementsOf(deliveries);
        assertThat(started.moves.emptyRoute(random)).as("one route cannot be emptied into none").isNull();
    }

    private record Started(InnerScoreDirector<DispatchSolution, ?> scoreDirector, DispatchSolution solution,
            RuinAndRecreate moves) {
    }

    private static DispatchSolution greedyPlan(ProblemFile problem) {
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        Map<Trip, List<Delivery>> plan = GreedyDispatcher.plan(solution);
        plan.forEach((trip, deliveries) -> trip.getDeliveries().addAll(deliveries));
        solution.unservedPool().getDeliveries().removeIf(delivery -> plan.values().stream().anyMatch(list -> list.contains(delivery)));
        return solution;
    }

    /** A score director working on the plan, and the moves over it. */
    private static Started started(DispatchSolution solution) {
        Timeline.connect(solution.getTrips());
        InnerScoreDirector<DispatchSolution, ?> scoreDirector =
                ((DefaultSolverFactory<DispatchSolution>) SolverFactory.<DispatchSolution>create(SolverConfigs.production()))
                        .getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(solution);
        scoreDirector.calculateScore();
        Trip[] vehicleTrips = solution.getTrips().stream().filter(trip -> !trip.isUnservedPool()).toArray(Trip[]::new);
        NearbySites sites = NearbySites.of(solution.getHospitals(), solution.getWarehouses(),
                vehicleTrips[0].getVehicle().travel(), 8);
        return new Started(scoreDirector, solution, new RuinAndRecreate(sites,
                NearbyMoves.group(solution.getDeliveries(), Delivery::getHospital, Delivery[]::new), vehicleTrips));
    }

    /** Does the move, checks what recreating promises, and undoes it exactly. */
    private static void doCheckAndUndo(Started started, TripListsMove move) {
        DispatchSolution solution = started.solution();
        List<List<Delivery>> lists = lists(solution);
        List<Set<Delivery>> stops = stops(solution);
        Set<Delivery> carried = carried(solution);
        Move<DispatchSolution> undo = move.doMove(started.scoreDirector());
        assertThat(lists(solution)).as(move.toString()).isNotEqualTo(lists);
        assertThat(carried(solution)).isEqualTo(carried);
        List<Set<Delivery>> stopsAfter = stops(solution);
        assertThat(stops).as("every stop whole")
                .allMatch(stop -> stopsAfter.stream().anyMatch(after -> after.containsAll(stop)));
        move.getPlanningEntities().forEach(RuinAndRecreateTest::assertOnTimeAndFits);
        undo.doMoveOnly(started.scoreDirector());
        assertThat(lists(solution)).isEqualTo(lists);
    }

    /** Hospitals on a circle around one warehouse, no windows, roomy vehicles with one trip each. */
    private static ProblemFile openDay(int hospitals, int vehicles) {
        List<HospitalDto> hospitalList = new ArrayList<>();
        for (int h = 0; h < hospitals; h++) {
            double angle = 2 * Math.PI * h / hospitals;
            hospitalList.add(new HospitalDto("h" + h, "Hospital " + h, null, null, 10 * Math.cos(angle),
                    10 * Math.sin(angle), null, 5.0, List.of(new DemandDto("n95", 10, null, null, null, null)), null));
        }
        List<VehicleDto> vehicleList = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            vehicleList.add(new VehicleDto("v" + v, "wh", 1000.0, null, false, null,
                    new WindowDto(TestProblems.time(0), TestProblems.time(1000)), null, null, 1, null));
        }
        return new ProblemFile("open-day", TestProblems.time(0),
                List.of(new SupplyDto("n95", "N95 box", 1.2, 0.008, null, null)),
                List.of(new WarehouseDto("wh", "Warehouse", null, null, 0.0, 0.0, Map.of("n95", 1000L), null)),
                hospitalList, vehicleList, new TravelDto("euclidean", null, null, 1.0, null, null, null, null), null);
    }

    private static Delivery anyCarried(DispatchSolution solution, Random random) {
        List<Delivery> carried = new ArrayList<>(carried(solution));
        carried.sort((one, other) -> one.getId().compareTo(other.getId()));
        return carried.get(random.nextInt(carried.size()));
    }

    /** The hard rules recreating answers for: windows, shift, capacity, cold chain. */
    private static void assertOnTimeAndFits(Trip trip) {
        long mg = 0;
        for (Delivery delivery : trip.getDeliveries()) {
            Hospital hospital = delivery.getHospital();
            assertThat(delivery.getStartMs()).as("%s on time", delivery).isLessThanOrEqualTo(hospital.windowToMs());
            assertThat(trip.getVehicle().canCarry(delivery.getSupply())).isTrue();
            mg += delivery.weightMg();
        }
        assertThat(mg).isLessThanOrEqualTo(trip.getVehicle().capacityMg());
        Trip last = trip;
        while (last.getNextTrip() != null) {
            last = last.getNextTrip();
        }
        assertThat(last.returnMs()).isLessThanOrEqualTo(trip.getVehicle().shiftToMs());
    }

    private static List<List<Delivery>> lists(DispatchSolution solution) {
        return solution.getTrips().stream().map(trip -> List.copyOf(trip.getDeliveries())).toList();
    }

    private static Set<Delivery> carried(DispatchSolution solution) {
        Set<Delivery> carried = new HashSet<>();
        solution.getTrips().stream().filter(trip -> !trip.isUnservedPool()).forEach(trip -> carried.addAll(trip.getDeliveries()));
        return carried;
    }

    private static long usedRoutes(DispatchSolution solution) {
        return solution.getTrips().stream().filter(trip -> !trip.isUnservedPool() && !trip.getDeliveries().isEmpty()).count();
    }

    /** Each stop (a run of deliveries at one hospital in a trip) as the set of its deliveries. */
    private static List<Set<Delivery>> stops(DispatchSolution solution) {
        List<Set<Delivery>> stops = new ArrayList<>();
        for (Trip trip : solution.getTrips()) {
            if (trip.isUnservedPool()) {
                continue;
            }
            Set<Delivery> stop = null;
            Hospital at = null;
            for (Delivery delivery : trip.getDeliveries()) {
                if (delivery.getHospital() != at) {
                    stop = new HashSet<>();
                    stops.add(stop);
                    at = delivery.getHospital();
                }
                stop.add(delivery);
            }
        }
        return stops;
    }
}
