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
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;

/**
 * What a coordinator does by hand: take the lines in priority order (then by deadline) and give each
 * to the trip whose route grows least, as much of it as fits and stock allows; what fits nowhere stays
 * unserved. It never breaks a hard rule, so its plan is a feasible start for local search and the
 * baseline the solver must beat. Deliveries already on trips stay where they are (re-planning).
 */
public final class GreedyDispatcher {

    private final DispatchSolution solution;
    private final Map<Trip, TripState> states = new IdentityHashMap<>();
    /** In problem order: among equally cheap insertions the first vehicle wins, the same on every run. */
    private final Map<Vehicle, List<TripState>> tripsByVehicle = new LinkedHashMap<>();
    private final Map<Warehouse, Map<Supply, Long>> stockLeft = new IdentityHashMap<>();

    private GreedyDispatcher(DispatchSolution solution) {
        this.solution = solution;
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                TripState state = new TripState(trip);
                states.put(trip, state);
                tripsByVehicle.computeIfAbsent(trip.getVehicle(), v -> new ArrayList<>()).add(state);
            }
        }
        for (Warehouse warehouse : solution.getWarehouses()) {
            Map<Supply, Long> left = new HashMap<>();
            solution.getSupplies().forEach(supply -> left.put(supply, warehouse.stockOf(supply)));
            stockLeft.put(warehouse, left);
        }
        states.values().forEach(state -> state.stops.forEach(stop -> stop.deliveries.forEach(d ->
                stockLeft.get(state.vehicle().warehouse()).merge(d.getSupply(), -d.getQuantity(), Long::sum))));
    }

    /** The trips' new delivery lists; deliveries not in any of them stay in the unserved pool. */
    public static Map<Trip, List<Delivery>> plan(DispatchSolution solution) {
        GreedyDispatcher dispatcher = new GreedyDispatcher(solution);
        Map<DemandLine, List<Delivery>> waiting = new HashMap<>();
        for (Delivery delivery : solution.unservedPool().getDeliveries()) {
            waiting.computeIfAbsent(delivery.getLine(), line -> new ArrayList<>()).add(delivery);
        }
        waiting.keySet().stream()
                .sorted(Comparator.comparing(DemandLine::priority)
                        .thenComparing(line -> line.needByMs() == null ? Long.MAX_VALUE : line.needByMs())
                        .thenComparing(DemandLine::index))
                .forEach(line -> dispatcher.dispatch(line, waiting.get(line)));
        Map<Trip, List<Delivery>> result = new IdentityHashMap<>();
        dispatcher.states.forEach((trip, state) -> result.put(trip, state.deliveries()));
        return result;
    }

    private void dispatch(DemandLine line, List<Delivery> chunks) {
        List<Delivery> left = new ArrayList<>(chunks);
        left.sort(Comparator.comparingLong(Delivery::getQuantity).reversed());
        while (!left.isEmpty()) {
            Insertion insertion = cheapestFeasibleInsertion(line, left.get(left.size() - 1));
            if (insertion == null) {
                return;
            }
            Stop stop = insertion.apply();
            TripState state = insertion.state;
            Map<Supply, Long> stock = stockLeft.get(state.vehicle().warehouse());
            for (var iterator = left.iterator(); iterator.hasNext(); ) {
                Delivery chunk = iterator.next();
                if (state.fits(chunk) && stock.get(line.supply()) >= chunk.getQuantity()) {
                    stop.deliveries.add(chunk);
                    state.load(chunk);
                    stock.merge(line.supply(), -chunk.getQuantity(), Long::sum);
                    iterator.remove();
                }
            }
            if (!line.splittable()) {
                return;
            }
        }
    }

    /** The cheapest place for a stop at the line's hospital that can take at least {@code smallest}. */
    private Insertion cheapestFeasibleInsertion(DemandLine line, Delivery smallest) {
        List<Insertion> candidates = new ArrayList<>();
        for (List<TripState> vehicleTrips : tripsByVehicle.values()) {
            Vehicle vehicle = vehicleTrips.get(0).vehicle();
            if (!vehicle.canCarry(line.supply())
                    || stockLeft.get(vehicle.warehouse()).get(line.supply()) < smallest.getQuantity()) {
                continue;
            }
            boolean emptyTripSeen = false;
            for (TripState state : vehicleTrips) {
                if (!state.fits(smallest) || (state.stops.isEmpty() && emptyTripSeen)) {
                    continue; // the empty trips of a vehicle are all alike: try the first
                }
                emptyTripSeen |= state.stops.isEmpty();
                state.addInsertions(line.hospital(), candidates);
            }
        }
        while (!candidates.isEmpty()) {
            Insertion best = candidates.get(0);
            for (Insertion candidate : candidates) {
                if (candidate.cost < best.cost) {
                    best = candidate;
                }
            }
            if (best.existingStop != null || isOnTime(best)) {
                return best;
            }
            candidates.remove(best);
        }
        return null;
    }

    /** Replays the vehicle's day with the new stop: every window and the shift end must hold. */
    private boolean isOnTime(Insertion insertion) {
        Vehicle vehicle = insertion.state.vehicle();
        long clock = vehicle.shiftFromMs();
        for (TripState state : tripsByVehicle.get(vehicle)) {
            List<Hospital> route = state.route();
            if (state == insertion.state) {
                route.add(insertion.position, insertion.hospital);
            }
            Site here = vehicle.warehouse();
            for (Hospital hospital : route) {
                long start = Math.max(clock + vehicle.drivingMs(here, hospital), hospital.windowFromMs());
                if (start > hospital.windowToMs()) {
                    return false;
                }
                clock = start + hospital.unloadMs();
                here = hospital;
            }
            clock += vehicle.drivingMs(here, vehicle.warehouse());
            if (clock > vehicle.shiftToMs()) {
                return false;
            }
        }
        return true;
    }

    private static final class Stop {
        final Hospital hospital;
        final List<Delivery> deliveries = new ArrayList<>();

        Stop(Hospital hospital) {
            this.hospital = hospital;
        }
    }

    private static final class TripState {
        final Trip trip;
        final List<Stop> stops = new ArrayList<>();
        long weightMg;
        long volumeMm3;

        TripState(Trip trip) {
            this.trip = trip;
            for (Delivery delivery : trip.getDeliveries()) {
                if (stops.isEmpty() || stops.get(stops.size() - 1).hospital != delivery.getHospital()) {
                    stops.add(new Stop(delivery.getHospital()));
                }
                stops.get(stops.size() - 1).deliveries.add(delivery);
                load(delivery);
            }
        }

        Vehicle vehicle() {
            return trip.getVehicle();
        }

        boolean fits(Delivery delivery) {
            return weightMg + delivery.weightMg() <= vehicle().capacityMg()
                    && volumeMm3 + delivery.volumeMm3() <= vehicle().capacityMm3();
        }

        void load(Delivery delivery) {
            weightMg += delivery.weightMg();
            volumeMm3 += delivery.volumeMm3();
        }

        List<Hospital> route() {
            List<Hospital> route = new ArrayList<>(stops.size() + 1);
            stops.forEach(stop -> route.add(stop.hospital));
            return route;
        }

        List<Delivery> deliveries() {
            List<Delivery> deliveries = new ArrayList<>();
            stops.forEach(stop -> deliveries.addAll(stop.deliveries));
            return deliveries;
        }

        /** Adds a free insertion into an existing stop at the hospital, or one per gap between stops. */
        void addInsertions(Hospital hospital, List<Insertion> candidates) {
            for (Stop stop : stops) {
                if (stop.hospital == hospital) {
                    candidates.add(new Insertion(this, -1, hospital, 0, stop));
                    return;
                }
            }
            Vehicle vehicle = vehicle();
            for (int position = 0; position <= stops.size(); position++) {
                Site before = position == 0 ? vehicle.warehouse() : stops.get(position - 1).hospital;
                Site after = position == stops.size() ? vehicle.warehouse() : stops.get(position).hospital;
                long cost = vehicle.travelCost(before, hospital) + vehicle.travelCost(hospital, after)
                        - vehicle.travelCost(before, after);
                candidates.add(new Insertion(this, position, hospital, cost, null));
            }
        }
    }

    private record Insertion(TripState state, int position, Hospital hospital, long cost, Stop existingStop) {
        Stop apply() {
            if (existingStop != null) {
                return existingStop;
            }
            Stop stop = new Stop(hospital);
            state.stops.add(position, stop);
            return stop;
        }
    }
}
