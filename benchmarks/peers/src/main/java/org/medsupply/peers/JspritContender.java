// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.RandomNumberGeneration;
import com.graphhopper.jsprit.core.util.Solutions;
import org.medsupply.bench.Contender;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.peers.RoutingInstance.Stop;
import org.medsupply.peers.RoutingInstance.Truck;

/**
 * jsprit 1.8 (GraphHopper's ruin-and-recreate search) with its default algorithm on one thread: a
 * finite fleet, one service per hospital with its window and unloading time, costs equal to the
 * distance. Times are ms after the problem start, as in {@link RoutingInstance}. The search runs until
 * the time limit; the seed drives jsprit's own and its shared random generator, but how many
 * iterations fit in the time limit still varies from run to run.
 */
public final class JspritContender implements Contender {

    @Override
    public String name() {
        return "jsprit";
    }

    @Override
    public PlanFile solve(ProblemFile problem, Duration timeLimit, long seed) {
        long startNanos = System.nanoTime();
        RoutingInstance instance = RoutingInstance.of(problem);
        Map<String, List<String>> routes = new LinkedHashMap<>();
        if (!instance.stops().isEmpty() && !instance.trucks().isEmpty()) {
            VehicleRoutingProblem vrp = vehicleRoutingProblem(instance);
            RandomNumberGeneration.setSeed(seed);
            VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp)
                    .setProperty(Jsprit.Parameter.THREADS, "1")
                    .setRandom(new Random(seed))
                    .buildAlgorithm();
            algorithm.setMaxIterations(Integer.MAX_VALUE);
            // jsprit's TimeTermination starts its clock after the initial solution is built; this
            // deadline counts everything since solve() was called
            long deadlineNanos = startNanos + timeLimit.toNanos();
            algorithm.setPrematureAlgorithmTermination(discovered -> System.nanoTime() - deadlineNanos >= 0);
            VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
            for (VehicleRoute route : best.getRoutes()) {
                List<String> hospitals = new ArrayList<>();
                for (TourActivity activity : route.getActivities()) {
                    hospitals.add(((TourActivity.JobActivity) activity).getJob().getId());
                }
                routes.put(route.getVehicle().getId(), hospitals);
            }
        }
        return new RoutePlanBuilder(instance, name()).build(routes);
    }

    private static VehicleRoutingProblem vehicleRoutingProblem(RoutingInstance instance) {
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        Map<String, VehicleType> typesByCapacity = new HashMap<>();
        int[] truckByVehicleIndex = new int[instance.trucks().size() + 1];
        for (Truck truck : instance.trucks()) {
            VehicleType type = typesByCapacity.computeIfAbsent(Arrays.toString(truck.capacity()),
                    key -> VehicleTypeImpl.Builder.newInstance("capacity " + key)
                            .addCapacityDimension(RoutingInstance.WEIGHT, asInt(truck.capacity()[RoutingInstance.WEIGHT]))
                            .addCapacityDimension(RoutingInstance.VOLUME, asInt(truck.capacity()[RoutingInstance.VOLUME]))
                            .build());
            Location depot = location(truck.depotNode(), truck.vehicle().warehouse().id());
            VehicleImpl vehicle = VehicleImpl.Builder.newInstance(truck.vehicle().id())
                    .setType(type)
                    .setStartLocation(depot)
                    .setEndLocation(depot)
                    .setEarliestStart(truck.shiftFromMs())
                    .setLatestArrival(truck.shiftToMs())
                    .build();
            builder.addVehicle(vehicle);
            truckByVehicleIndex[vehicle.getIndex()] = truck.index();
        }
        for (Stop stop : instance.stops()) {
            builder.addJob(Service.Builder.newInstance(stop.hospital().id())
                    .setLocation(location(stop.node(), stop.hospital().id()))
                    .addSizeDimension(RoutingInstance.WEIGHT, asInt(stop.size()[RoutingInstance.WEIGHT]))
                    .addSizeDimension(RoutingInstance.VOLUME, asInt(stop.size()[RoutingInstance.VOLUME]))
                    .setServiceTime(stop.hospital().unloadMs())
                    .addTimeWindow(stop.windowFromMs(), stop.windowToMs())
                    .build());
        }
        builder.setRoutingCost(new TransportCosts(instance, truckByVehicleIndex));
        return builder.build();
    }

    private static Location location(int node, String id) {
        return Location.Builder.newInstance().setIndex(node).setId(id).build();
    }

    private static int asInt(long loadUnits) {
        try {
            return Math.toIntExact(loadUnits);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a load of " + loadUnits + " units does not fit jsprit's int sizes", e);
        }
    }

    /**
     * The instance's distances as costs and its driving times (ms) as transport times, looked up by the
     * index jsprit gives each vehicle when it is added (from 1).
     */
    private static final class TransportCosts extends AbstractForwardVehicleRoutingTransportCosts {
        private final RoutingInstance instance;
        private final int[] truckByVehicleIndex;

        TransportCosts(RoutingInstance instance, int[] truckByVehicleIndex) {
            this.instance = instance;
            this.truckByVehicleIndex = truckByVehicleIndex;
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return instance.distanceKm(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportCost(Location from, Location to, double departureTime, Driver driver,
                Vehicle vehicle) {
            return instance.distanceKm(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportTime(Location from, Location to, double departureTime, Driver driver,
                Vehicle vehicle) {
            Objects.requireNonNull(vehicle, "jsprit asked for a transport time without a vehicle");
            return instance.drivingMs(truckByVehicleIndex[vehicle.getIndex()], from.getIndex(), to.getIndex());
        }
    }
}
