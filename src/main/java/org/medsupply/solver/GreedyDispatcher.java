// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Timeline;
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
    /** In the problem's vehicle order, so that ties go the same way in every run. */
    private final Map<Vehicle, List<TripState>> tripsByVehicle = new LinkedHashMap<>();
    private final Map<Warehouse, Map<Supply, Long>> stockLeft = new IdentityHashMap<>();
    /** The trip whose stop an unsplittable line's first portion went to: the rest may only join it. */
    private final Map<DemandLine, TripState> unsplittableTrip = new HashMap<>();

    /** Whether a chunk larger than what stock or room allow is cut down to it (after solving, see {@link #topUp}). */
    private final boolean cutToFit;

    private GreedyDispatcher(DispatchSolution solution, boolean cutToFit) {
        this.solution = solution;
        this.cutToFit = cutToFit;
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                TripState state = new TripState(trip);
                states.put(trip, state);
                tripsByVehicle.computeIfAbsent(trip.getVehicle(), v -> new ArrayList<>()).add(state);
            }
        }
        stockLeft.putAll(solution.stockLeft());
        states.values().forEach(state -> state.stops.forEach(stop -> stop.deliveries.forEach(d -> {
            if (!d.getLine().splittable()) {
                unsplittableTrip.put(d.getLine(), state);
            }
        })));
    }

    /** The trips' new delivery lists; deliveries not in any of them stay in the unserved pool. */
    public static Map<Trip, List<Delivery>> plan(DispatchSolution solution) {
        return plan(solution, false);
    }

    /**
     * The same on a solved plan, cutting chunks to what is left in stock and in each vehicle: the new
     * pieces are added to the solution's deliveries, what remains of a cut chunk stays unserved. So no
     * stock stays in a warehouse while its lines go short and a vehicle there has room and time.
     */
    public static Map<Trip, List<Delivery>> topUp(DispatchSolution solution) {
        return plan(solution, true);
    }

    private static Map<Trip, List<Delivery>> plan(DispatchSolution solution, boolean cutToFit) {
        GreedyDispatcher dispatcher = new GreedyDispatcher(solution, cutToFit);
        Map<DemandLine, Portion> shares = new HashMap<>();
        Map<DemandLine, Portion> rests = new HashMap<>();
        for (Delivery delivery : solution.unservedPool().getDeliveries()) {
            (delivery.isInFairShare() ? shares : rests)
                    .computeIfAbsent(delivery.getLine(), line -> new Portion(line, delivery.isInFairShare()))
                    .chunks.add(delivery);
        }
        List<Portion> portions = new ArrayList<>(shares.values());
        portions.addAll(rests.values());
        Map<Hospital, Double> remoteness = remoteness(solution);
        Comparator<Portion> byRemoteness = Comparator.comparing(portion -> remoteness.get(portion.line.hospital()));
        // every line's fair share of a short supply before any line of that priority gets more
        portions.stream()
                .sorted(Comparator.comparing((Portion portion) -> portion.line.priority())
                        .thenComparing(portion -> !portion.fairShare)
                        .thenComparing(portion -> portion.line.needByMs() == null ? Long.MAX_VALUE : portion.line.needByMs())
                        .thenComparing(stockAndFleetCoverAll(solution) ? byRemoteness.reversed() : byRemoteness)
                        .thenComparing(portion -> portion.line.index()))
                .forEach(portion -> dispatcher.dispatch(portion.line, portion.chunks));
        Map<Trip, List<Delivery>> result = new IdentityHashMap<>();
        dispatcher.states.forEach((trip, state) -> result.put(trip, state.deliveries()));
        return result;
    }

    /** The waiting chunks of a line, either those of its fair share or the rest. */
    private record Portion(DemandLine line, boolean fairShare, List<Delivery> chunks) {
        Portion(DemandLine line, boolean fairShare) {
            this(line, fairShare, new ArrayList<>());
        }
    }

    /**
     * Each hospital's distance to the nearest warehouse with vehicles, which orders equally urgent lines.
     * When everything can be delivered, the remotest go first: they open the routes and nearer hospitals
     * join them on the way (in file order, routes fill up early and later sites need long detours; 61,700
     * against 40,700 km on CVRPLIB's X-n303-k21). When stock or fleet fall short, the nearest go first:
     * more units arrive per hour of the fleet (on the generated 100-site outbreak, 29 more high-priority
     * units than remotest first).
     */
    private static Map<Hospital, Double> remoteness(DispatchSolution solution) {
        Collection<Vehicle> onePerWarehouse = solution.getVehicles().stream()
                .collect(Collectors.toMap(Vehicle::warehouse, vehicle -> vehicle, (one, other) -> one)).values();
        Map<Hospital, Double> remoteness = new IdentityHashMap<>();
        for (Hospital hospital : solution.getHospitals()) {
            remoteness.put(hospital, onePerWarehouse.stream()
                    .mapToDouble(vehicle -> vehicle.distanceKm(vehicle.warehouse(), hospital))
                    .min().orElse(0));
        }
        return remoteness;
    }

    /** Whether the stock covers every supply's demand and the fleet's trips could carry all of it. */
    private static boolean stockAndFleetCoverAll(DispatchSolution solution) {
        Map<Supply, Long> demand = new HashMap<>();
        double weightMg = 0; // doubles: unlimited capacities are Long.MAX_VALUE, and only the order matters
        double volumeMm3 = 0;
        for (Delivery delivery : solution.getDeliveries()) {
            demand.merge(delivery.getSupply(), delivery.getQuantity(), Long::sum);
            weightMg += delivery.weightMg();
            volumeMm3 += delivery.volumeMm3();
        }
        for (Map.Entry<Supply, Long> entry : demand.entrySet()) {
            long stock = solution.getWarehouses().stream().mapToLong(w -> w.stockOf(entry.getKey())).sum();
            if (stock < entry.getValue()) {
                return false;
            }
        }
        double fleetMg = 0;
        double fleetMm3 = 0;
        for (Vehicle vehicle : solution.getVehicles()) {
            fleetMg += (double) vehicle.capacityMg() * vehicle.maxTrips();
            fleetMm3 += (double) vehicle.capacityMm3() * vehicle.maxTrips();
        }
        return fleetMg >= weightMg && fleetMm3 >= volumeMm3;
    }

    private void dispatch(DemandLine line, List<Delivery> chunks) {
        List<Delivery> left = new ArrayList<>(chunks);
        left.sort(Comparator.comparingLong(Delivery::getQuantity).reversed());
        while (!left.isEmpty()) {
            Insertion insertion = chooseInsertion(line, left);
            if (insertion == null) {
                return;
            }
            TripState state = insertion.state;
            Load load = chunksTaken(state, line.supply(), left);
            Stop stop = insertion.apply();
            List<Delivery> taken = new ArrayList<>(load.whole);
            left.removeAll(load.whole);
            if (load.cut != null) {
                Delivery piece = load.cut.splitOff(load.cutUnits, load.cut.getId() + "/" + solution.getDeliveries().size());
                solution.getDeliveries().add(piece);
                taken.add(piece);
            }
            for (Delivery chunk : taken) {
                stop.deliveries.add(chunk);
                state.load(chunk);
                stockLeft.get(state.vehicle().warehouse()).merge(line.supply(), -chunk.getQuantity(), Long::sum);
            }
            if (!line.splittable()) {
                unsplittableTrip.put(line, state);
                return;
            }
        }
    }

    /**
     * The cheapest on-time stop that takes all that is left of the line; failing that, for a line that
     * may be split the cheapest that takes some of it, and for one that may not the one taking most.
     */
    private Insertion chooseInsertion(DemandLine line, List<Delivery> left) {
        long allUnits = left.stream().mapToLong(Delivery::getQuantity).sum();
        // each trip's cheapest place first; a trip's other places only when that one is not on time
        PriorityQueue<Insertion> candidates = new PriorityQueue<>(Comparator.comparingLong(Insertion::cost));
        eligibleTrips(line, left.get(left.size() - 1))
                .forEach(state -> candidates.add(state.cheapestInsertion(line.hospital())));
        Insertion best = null;
        long bestUnits = 0;
        while (!candidates.isEmpty()) {
            Insertion candidate = candidates.poll();
            long units = chunksTaken(candidate.state, line.supply(), left).units();
            boolean takesAll = units == allUnits;
            if (!takesAll && (line.splittable() ? best != null : units <= bestUnits)) {
                continue;
            }
            if (candidate.existingStop != null || isOnTime(candidate)) {
                if (takesAll) {
                    return candidate;
                }
                best = candidate;
                bestUnits = units;
            } else if (candidate.cheapestOfTrip) {
                candidate.state.addOtherInsertions(candidate, candidates);
            }
        }
        return best;
    }

    /** Whole chunks a trip takes, and (cutting to fit) a part of one more. */
    private record Load(List<Delivery> whole, Delivery cut, long cutUnits) {
        long units() {
            return whole.stream().mapToLong(Delivery::getQuantity).sum() + cutUnits;
        }
    }

    /** The waiting chunks (largest first) the trip would take, as its capacity and its warehouse's stock allow. */
    private Load chunksTaken(TripState state, Supply supply, List<Delivery> left) {
        long stock = stockLeft.get(state.vehicle().warehouse()).get(supply);
        long weightMg = state.weightMg;
        long volumeMm3 = state.volumeMm3;
        List<Delivery> taken = new ArrayList<>();
        Delivery tooLarge = null;
        for (Delivery chunk : left) {
            if (state.fits(weightMg, volumeMm3, chunk) && stock >= chunk.getQuantity()) {
                weightMg += chunk.weightMg();
                volumeMm3 += chunk.volumeMm3();
                stock -= chunk.getQuantity();
                taken.add(chunk);
            } else if (tooLarge == null) {
                tooLarge = chunk;
            }
        }
        if (cutToFit && tooLarge != null) {
            long units = Math.min(stock, state.unitsFitting(weightMg, volumeMm3, supply));
            if (units > 0) {
                return new Load(taken, tooLarge, Math.min(units, tooLarge.getQuantity() - 1));
            }
        }
        return new Load(taken, null, 0);
    }

    /** The trips that can take at least {@code smallest} of the line: vehicle, stock and capacity allowing. */
    private List<TripState> eligibleTrips(DemandLine line, Delivery smallest) {
        List<TripState> eligible = new ArrayList<>();
        long fewest = cutToFit ? 1 : smallest.getQuantity();
        TripState placed = unsplittableTrip.get(line);
        if (placed != null) {
            long stock = stockLeft.get(placed.vehicle().warehouse()).get(line.supply());
            return placed.takes(fewest, line.supply()) && stock >= fewest ? List.of(placed) : List.of();
        }
        for (List<TripState> vehicleTrips : tripsByVehicle.values()) {
            Vehicle vehicle = vehicleTrips.get(0).vehicle();
            if (!vehicle.canCarry(line.supply()) || stockLeft.get(vehicle.warehouse()).get(line.supply()) < fewest) {
                continue;
            }
            boolean emptyTripSeen = false;
            for (TripState state : vehicleTrips) {
                if (!state.takes(fewest, line.supply()) || (state.stops.isEmpty() && emptyTripSeen)) {
                    continue; // the empty trips of a vehicle are all alike: try the first
                }
                emptyTripSeen |= state.stops.isEmpty();
                eligible.add(state);
            }
        }
        return eligible;
    }

    /** Replays the vehicle's day with the new stop: every window and the shift end must hold. */
    private boolean isOnTime(Insertion insertion) {
        Vehicle vehicle = insertion.state.vehicle();
        List<List<Hospital>> routes = new ArrayList<>();
        for (TripState state : tripsByVehicle.get(vehicle)) {
            List<Hospital> route = state.route();
            if (state == insertion.state) {
                route.add(insertion.position, insertion.hospital);
            }
            routes.add(route);
        }
        return Timeline.replay(vehicle, vehicle.shiftFromMs(), routes) <= vehicle.shiftToMs();
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

        /** Whether {@code units} of the supply fit on top of the trip's load. */
        boolean takes(long units, Supply supply) {
            return unitsFitting(weightMg, volumeMm3, supply) >= units;
        }

        /** How many units of the supply fit on top of a load of {@code loadMg} and {@code loadMm3}. */
        long unitsFitting(long loadMg, long loadMm3, Supply supply) {
            return Math.min((vehicle().capacityMg() - loadMg) / supply.weightMg(),
                    (vehicle().capacityMm3() - loadMm3) / supply.volumeMm3());
        }

        /** Whether the delivery fits on top of a load of {@code loadMg} and {@code loadMm3}. */
        boolean fits(long loadMg, long loadMm3, Delivery delivery) {
            return loadMg + delivery.weightMg() <= vehicle().capacityMg()
                    && loadMm3 + delivery.volumeMm3() <= vehicle().capacityMm3();
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

        /** A free insertion into the trip's stop at the hospital if it has one, else the cheapest new stop. */
        Insertion cheapestInsertion(Hospital hospital) {
            for (Stop stop : stops) {
                if (stop.hospital == hospital) {
                    return new Insertion(this, -1, hospital, 0, stop, true);
                }
            }
            Insertion cheapest = null;
            for (int position = 0; position <= stops.size(); position++) {
                long cost = insertionCost(hospital, position);
                if (cheapest == null || cost < cheapest.cost) {
                    cheapest = new Insertion(this, position, hospital, cost, null, true);
                }
            }
            return cheapest;
        }

        /** Every new-stop position but the one already tried. */
        void addOtherInsertions(Insertion tried, Collection<Insertion> candidates) {
            for (int position = 0; position <= stops.size(); position++) {
                if (position != tried.position) {
                    candidates.add(new Insertion(this, position, tried.hospital, insertionCost(tried.hospital, position),
                            null, false));
                }
            }
        }

        private long insertionCost(Hospital hospital, int position) {
            Vehicle vehicle = vehicle();
            Site before = position == 0 ? vehicle.warehouse() : stops.get(position - 1).hospital;
            Site after = position == stops.size() ? vehicle.warehouse() : stops.get(position).hospital;
            return vehicle.travelCost(before, hospital) + vehicle.travelCost(hospital, after)
                    - vehicle.travelCost(before, after);
        }
    }

    /** @param cheapestOfTrip whether this is the trip's first candidate (its others are added only if it fails) */
    private record Insertion(TripState state, int position, Hospital hospital, long cost, Stop existingStop,
            boolean cheapestOfTrip) {
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
