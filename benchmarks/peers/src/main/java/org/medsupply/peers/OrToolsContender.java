// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import org.medsupply.bench.Contender;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.peers.RoutingInstance.Stop;
import org.medsupply.peers.RoutingInstance.Truck;

/**
 * Google OR-Tools 9.15 routing (single-threaded): one start and end node per vehicle at its depot,
 * a capacity dimension per load dimension, a time dimension in ms with the hospitals' windows as
 * ranges of the unloading start, slack for waiting, unloading counted on the way out of a node, and
 * the shifts as ranges of the start and end times; every hospital may be dropped at a penalty larger
 * than any set of routes. First solution PATH_CHEAPEST_ARC, then GUIDED_LOCAL_SEARCH until the time
 * limit. OR-Tools routing has no seed, so {@code seed} is ignored.
 *
 * <p>Arc costs are integers: the distance in thousandths of a km ({@link #COST_UNITS_PER_KM}), rounded
 * to the nearest; distances already rounded per arc ({@code round: nearest}) stay exact.
 */
public final class OrToolsContender implements Contender {

    /** Arc cost units per km of distance. */
    public static final double COST_UNITS_PER_KM = 1000;

    @Override
    public String name() {
        return "ortools";
    }

    @Override
    public PlanFile solve(ProblemFile problem, Duration timeLimit, long seed) {
        // once per JVM, and not counted against the limit: the first call unpacks ~25 MB of natives
        Loader.loadNativeLibraries();
        long startNanos = System.nanoTime();
        RoutingInstance instance = RoutingInstance.of(problem);
        Map<String, List<String>> routes = new LinkedHashMap<>();
        if (!instance.stops().isEmpty() && !instance.trucks().isEmpty()) {
            int trucks = instance.trucks().size();
            int[] depots = instance.trucks().stream().mapToInt(Truck::depotNode).toArray();
            RoutingIndexManager manager = new RoutingIndexManager(instance.nodeCount(), trucks, depots, depots);
            RoutingModel routing = new RoutingModel(manager);
            long[][] cost = costMatrix(instance);
            routing.setArcCostEvaluatorOfAllVehicles(routing.registerTransitMatrix(cost));
            addCapacities(instance, routing);
            addTimes(instance, manager, routing);
            long dropPenalty = dropPenalty(cost);
            for (Stop stop : instance.stops()) {
                routing.addDisjunction(new long[] {manager.nodeToIndex(stop.node())}, dropPenalty);
            }
            Duration remaining = timeLimit.minus(Duration.ofNanos(System.nanoTime() - startNanos));
            Assignment solution = routing.solveWithParameters(searchParameters(remaining));
            if (solution != null) {
                for (Truck truck : instance.trucks()) {
                    List<String> hospitals = new ArrayList<>();
                    long index = solution.value(routing.nextVar(routing.start(truck.index())));
                    while (!routing.isEnd(index)) {
                        hospitals.add(instance.stopAt(manager.indexToNode(index)).hospital().id());
                        index = solution.value(routing.nextVar(index));
                    }
                    routes.put(truck.vehicle().id(), hospitals);
                }
            }
        }
        return new RoutePlanBuilder(instance, name()).build(routes);
    }

    private static long[][] costMatrix(RoutingInstance instance) {
        int n = instance.nodeCount();
        long[][] cost = new long[n][n];
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                cost[from][to] = Math.round(instance.distanceKm(from, to) * COST_UNITS_PER_KM);
            }
        }
        return cost;
    }

    /** Larger than the cost of any set of routes: each node is left at most once. */
    private static long dropPenalty(long[][] cost) {
        long bound = 1;
        for (long[] row : cost) {
            long longest = 0;
            for (long arc : row) {
                longest = Math.max(longest, arc);
            }
            bound = Math.addExact(bound, longest);
        }
        return bound;
    }

    private static void addCapacities(RoutingInstance instance, RoutingModel routing) {
        for (int d = 0; d < RoutingInstance.DIMENSIONS; d++) {
            long[] demand = new long[instance.nodeCount()];
            for (Stop stop : instance.stops()) {
                demand[stop.node()] = stop.size()[d];
            }
            int dimension = d;
            long[] capacity = instance.trucks().stream().mapToLong(truck -> truck.capacity()[dimension]).toArray();
            routing.addDimensionWithVehicleCapacity(routing.registerUnaryTransitVector(demand), 0, capacity, true,
                    "load" + d);
        }
    }

    /**
     * Transit from a node = its unloading time + driving to the next; the cumul at a hospital is when
     * unloading starts. One transit matrix per distinct driving matrix.
     */
    private static void addTimes(RoutingInstance instance, RoutingIndexManager manager, RoutingModel routing) {
        Map<long[][], Integer> callbacks = new IdentityHashMap<>();
        int[] callbackByTruck = new int[instance.trucks().size()];
        for (Truck truck : instance.trucks()) {
            callbackByTruck[truck.index()] = callbacks.computeIfAbsent(instance.drivingMatrix(truck.index()),
                    driving -> routing.registerTransitMatrix(transitMatrix(instance, driving)));
        }
        long horizon = timeHorizon(instance);
        routing.addDimensionWithVehicleTransits(callbackByTruck, horizon, horizon, false, "time");
        RoutingDimension time = routing.getMutableDimension("time");
        for (Stop stop : instance.stops()) {
            time.cumulVar(manager.nodeToIndex(stop.node())).setRange(stop.windowFromMs(), stop.windowToMs());
        }
        for (Truck truck : instance.trucks()) {
            time.cumulVar(routing.start(truck.index())).setRange(truck.shiftFromMs(), truck.shiftToMs());
            time.cumulVar(routing.end(truck.index())).setRange(truck.shiftFromMs(), truck.shiftToMs());
        }
    }

    /**
     * The latest time the time dimension needs: the latest shift end, or sooner a bound on when any
     * route ends that waits only for windows (the latest window or shift start, then at most every
     * unloading and the longest drive out of every node). A tight horizon matters: with an open one
     * (about 7e7 years in ms) guided local search found 27 % longer routes on Solomon C101 in 10 s.
     */
    private static long timeHorizon(RoutingInstance instance) {
        long latestStart = 0;
        long latestShiftEnd = 0;
        for (Truck truck : instance.trucks()) {
            latestStart = Math.max(latestStart, truck.shiftFromMs());
            latestShiftEnd = Math.max(latestShiftEnd, truck.shiftToMs());
        }
        for (Stop stop : instance.stops()) {
            latestStart = Math.max(latestStart, stop.windowFromMs());
        }
        long work = 0;
        for (int from = 0; from < instance.nodeCount(); from++) {
            long longestDrive = 0;
            for (Truck truck : instance.trucks()) {
                for (long drive : instance.drivingMatrix(truck.index())[from]) {
                    longestDrive = Math.max(longestDrive, drive);
                }
            }
            work += instance.unloadMs(from) + longestDrive;
        }
        return Math.min(latestShiftEnd, latestStart + work);
    }

    private static long[][] transitMatrix(RoutingInstance instance, long[][] driving) {
        int n = instance.nodeCount();
        long[][] transit = new long[n][n];
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                transit[from][to] = instance.unloadMs(from) + driving[from][to];
            }
        }
        return transit;
    }

    private static RoutingSearchParameters searchParameters(Duration remaining) {
        Duration limit = remaining.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : remaining;
        return main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(limit.getSeconds()).setNanos(limit.getNano()))
                .build();
    }
}
