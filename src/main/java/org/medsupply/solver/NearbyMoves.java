// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Warehouse;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListSwapMove;

/**
 * Random moves between neighbours of one working solution, for one phase. A delivery is moved or
 * swapped next to deliveries of nearby hospitals, whole stops (the run of a trip's deliveries at one
 * hospital) are moved, swapped, or brought next to a nearby stop by reversing the route between them
 * (2-opt) or by two routes trading their tails (2-opt*), and deliveries go in and out of the unserved
 * pool. Moves that would leave the plan as it is (a swap inside one stop, a move within the pool) are
 * not made, but for one idle move when a step has found nothing to take (see
 * {@link #IDLE_AFTER_AT_MOST}). Each of these is one of OptaPlanner's own list moves, so doing, undoing
 * and rebasing are theirs. Where stock and fleet cover all demand a share of the moves are
 * {@link RuinAndRecreate}'s, which take many stops off their routes and put them back.
 */
final class NearbyMoves {

    /** Relative frequencies of the kinds of move; relocating and swapping single deliveries dominate. */
    private enum Kind {
        RELOCATE(4), SWAP(3), MOVE_STOP(2), SWAP_STOPS(1), REVERSE(1), SWAP_TAILS(1);

        private final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final int TOTAL_WEIGHT = Arrays.stream(KINDS).mapToInt(kind -> kind.weight).sum();
    /** Failed tries in a row after which the iterator ends: practically nothing can usefully move. */
    private static final int ATTEMPTS = 200;
    /** Share of relocations of a carried delivery that drop it into the unserved pool. */
    private static final double UNSERVE_SHARE = 0.1;
    /** Share of relocations that open or extend a route at a warehouse instead of joining a neighbour. */
    private static final double WAREHOUSE_SHARE = 0.2;
    /** Share of swaps with any delivery of the same supply, however far: trades stock between lines. */
    private static final double SAME_SUPPLY_SHARE = 0.25;
    /**
     * Most moves one step may try before it ends idle. A step ends when late acceptance takes a move;
     * when none is acceptable (a small plan already at its best) it would never end, and terminations
     * that count steps would never fire. So after trying as many moves as the neighbourhood holds (at
     * most this many) the iterator offers one that changes nothing, which late acceptance takes.
     */
    private static final int IDLE_AFTER_AT_MOST = 1000;
    /** Random picks of a carried delivery (or of a neighbour with one) before scanning or giving up. */
    private static final int PICKS = 4;

    private final ListVariableDescriptor<DispatchSolution> variable;
    private final long size;
    private final int idleAfter;
    private final NearbySites sites;
    private final Delivery[] deliveries;
    private final Trip pool;
    private final Trip[] vehicleTrips;
    private final Warehouse[] warehousesWithTrips;
    private final Map<Warehouse, Trip[]> tripsByWarehouse;
    private final Map<Hospital, Delivery[]> deliveriesByHospital;
    private final Map<Supply, Delivery[]> deliveriesBySupply;
    private final RuinAndRecreate ruinAndRecreate;
    private final Shares shares;

    /**
     * How often a generated move is one of {@link RuinAndRecreate}'s instead of a neighbour move: string
     * removal, and emptying a route.
     */
    record Shares(double stringRemoval, double routeEmptying) {
        static final Shares NONE = new Shares(0, 0);

        double total() {
            return stringRemoval + routeEmptying;
        }
    }

    NearbyMoves(DispatchSolution solution, ListVariableDescriptor<DispatchSolution> variable, int nearbyCount,
            Shares shares) {
        this.variable = variable;
        // Ruin and recreate only reroutes: where stock or fleet fall short, units and fairness decide and
        // the search stays as it was (on GreedyBaselineTest's scarce problems it ended worse on two of three)
        this.shares = GreedyDispatcher.stockAndFleetCoverAll(solution) ? shares : Shares.NONE;
        this.size = (long) solution.getDeliveries().size() * Math.min(nearbyCount, solution.getHospitals().size());
        this.idleAfter = (int) Math.max(1, Math.min(IDLE_AFTER_AT_MOST, size));
        this.deliveries = solution.getDeliveries().toArray(Delivery[]::new);
        this.pool = solution.unservedPool();
        List<Trip> trips = solution.getTrips().stream().filter(trip -> !trip.isUnservedPool()).toList();
        this.vehicleTrips = trips.toArray(Trip[]::new);
        this.tripsByWarehouse = group(trips, trip -> trip.getVehicle().warehouse(), Trip[]::new);
        this.warehousesWithTrips = tripsByWarehouse.keySet().toArray(Warehouse[]::new);
        this.sites = NearbySites.of(solution.getHospitals(), List.of(warehousesWithTrips),
                trips.isEmpty() ? null : trips.get(0).getVehicle().travel(), nearbyCount);
        this.deliveriesByHospital = group(solution.getDeliveries(), Delivery::getHospital, Delivery[]::new);
        this.deliveriesBySupply = group(solution.getDeliveries(), Delivery::getSupply, Delivery[]::new);
        this.ruinAndRecreate = new RuinAndRecreate(sites, deliveriesByHospital, vehicleTrips);
    }

    /** The values by key, keys in first-seen order. */
    static <K, V> Map<K, V[]> group(List<V> values, Function<V, K> key, IntFunction<V[]> newArray) {
        Map<K, List<V>> lists = new LinkedHashMap<>();
        values.forEach(value -> lists.computeIfAbsent(key.apply(value), k -> new ArrayList<>()).add(value));
        Map<K, V[]> arrays = new LinkedHashMap<>();
        lists.forEach((k, list) -> arrays.put(k, list.toArray(newArray)));
        return arrays;
    }

    /** Roughly how many distinct moves there are: each delivery towards each of its nearby hospitals. */
    long size() {
        return size;
    }

    /** Never-ending, unless no useful move can be found at all (no vehicle, or nothing any vehicle can take). */
    Iterator<Move<DispatchSolution>> iterator(Random random) {
        return new Iterator<>() {
            private Move<DispatchSolution> upcoming;
            private int offered;

            @Override
            public boolean hasNext() {
                if (upcoming == null && ++offered > idleAfter) {
                    offered = 0;
                    upcoming = idle(random);
                }
                if (upcoming == null) {
                    upcoming = generate(random);
                }
                return upcoming != null;
            }

            @Override
            public Move<DispatchSolution> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Move<DispatchSolution> move = upcoming;
                upcoming = null;
                return move;
            }
        };
    }

    private Move<DispatchSolution> generate(Random random) {
        if (deliveries.length == 0 || vehicleTrips.length == 0) {
            return null;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (shares.total() > 0) { // no draw otherwise, so the neighbour moves stay as they were
                double draw = random.nextDouble();
                if (draw < shares.total()) {
                    Move<DispatchSolution> move = draw < shares.stringRemoval() ? removeStrings(random)
                            : ruinAndRecreate.emptyRoute(random);
                    if (move != null) {
                        return move;
                    }
                    continue;
                }
            }
            Move<DispatchSolution> move = switch (kind(random)) {
                case RELOCATE -> relocate(random);
                case SWAP -> swap(random);
                case MOVE_STOP -> moveStop(random);
                case SWAP_STOPS -> swapStops(random);
                case REVERSE -> reverse(random);
                case SWAP_TAILS -> swapTails(random);
            };
            if (move != null) {
                return move;
            }
        }
        return null;
    }

    private Move<DispatchSolution> removeStrings(Random random) {
        Delivery seed = dispatched(random);
        return seed == null ? null : ruinAndRecreate.removeStrings(seed, random);
    }

    /**
     * A move that changes nothing the score sees: two deliveries trade places in the unserved pool, or
     * two neighbours inside one stop; {@code null} when there is no such pair.
     */
    private Move<DispatchSolution> idle(Random random) {
        List<Delivery> unserved = pool.getDeliveries();
        if (unserved.size() >= 2) {
            int left = random.nextInt(unserved.size() - 1);
            return new ListSwapMove<>(variable, pool, left, pool, left + 1);
        }
        for (Trip trip : vehicleTrips) {
            List<Delivery> list = trip.getDeliveries();
            for (int index = 0; index + 1 < list.size(); index++) {
                if (list.get(index).getHospital() == list.get(index + 1).getHospital()) {
                    return new ListSwapMove<>(variable, trip, index, trip, index + 1);
                }
            }
        }
        return null;
    }

    private static Kind kind(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            ticket -= kind.weight;
            if (ticket < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** A delivery (half the time one a vehicle carries) to the pool, a warehouse's route, or next to a neighbour. */
    private Move<DispatchSolution> relocate(Random random) {
        Delivery delivery = random.nextBoolean() ? dispatched(random) : deliveries[random.nextInt(deliveries.length)];
        if (delivery == null) {
            return null;
        }
        Trip source = delivery.getTrip();
        double draw = random.nextDouble();
        if (delivery.isDispatched() && draw < UNSERVE_SHARE) {
            return new ListChangeMove<>(variable, source, indexOf(delivery), pool, pool.getDeliveries().size());
        }
        Place place = draw < UNSERVE_SHARE + WAREHOUSE_SHARE
                ? atWarehouse(delivery.getHospital(), List.of(delivery), random)
                : nextTo(delivery, random);
        if (place == null) {
            return null;
        }
        int from = indexOf(delivery);
        if (place.trip == source && place.index >= stopStart(source.getDeliveries(), from)
                && place.index <= stopEnd(source.getDeliveries(), from)) {
            return null; // still in its own stop
        }
        int to = place.trip == source && place.index > from ? place.index - 1 : place.index;
        return new ListChangeMove<>(variable, source, from, place.trip, to);
    }

    /** Where a delivery joins a neighbour: inside the stop at its own hospital, else just before or after a stop. */
    private Place nextTo(Delivery delivery, Random random) {
        Delivery neighbour = dispatchedNear(delivery.getHospital(), random);
        if (neighbour == null || sameStop(delivery, neighbour)) {
            return null;
        }
        List<Delivery> list = neighbour.getTrip().getDeliveries();
        int index = indexOf(neighbour);
        if (neighbour.getHospital() == delivery.getHospital()) {
            return new Place(neighbour.getTrip(), index + (random.nextBoolean() ? 1 : 0));
        }
        return new Place(neighbour.getTrip(), random.nextBoolean() ? stopStart(list, index) : stopEnd(list, index));
    }

    /**
     * The start or end of a trip from the hospital's nearest warehouse with vehicles (half the time) or
     * any such warehouse, whose vehicle may carry every one of {@code load}; an empty trip opens a new route.
     */
    private Place atWarehouse(Hospital hospital, List<Delivery> load, Random random) {
        Warehouse warehouse = random.nextBoolean() ? sites.nearestWarehouse(hospital)
                : warehousesWithTrips[random.nextInt(warehousesWithTrips.length)];
        Trip[] trips = tripsByWarehouse.get(warehouse);
        Trip trip = trips[random.nextInt(trips.length)];
        if (load.stream().anyMatch(delivery -> !trip.getVehicle().canCarry(delivery.getSupply()))) {
            return null;
        }
        return new Place(trip, random.nextBoolean() ? 0 : trip.getDeliveries().size());
    }

    /** A carried delivery with one of a nearby hospital (or, for stock trades, any of the same supply). */
    private Move<DispatchSolution> swap(Random random) {
        Delivery left = dispatched(random);
        if (left == null) {
            return null;
        }
        Delivery right;
        if (random.nextDouble() < SAME_SUPPLY_SHARE) {
            Delivery[] sameSupply = deliveriesBySupply.get(left.getSupply());
            right = sameSupply[random.nextInt(sameSupply.length)];
        } else {
            Delivery[] candidates = deliveriesByHospital.get(nearby(left.getHospital(), random));
            right = candidates == null ? null : candidates[random.nextInt(candidates.length)];
        }
        if (right == null || right == left || sameStop(left, right)) {
            return null;
        }
        return new ListSwapMove<>(variable, left.getTrip(), indexOf(left), right.getTrip(), indexOf(right));
    }

    /** A whole stop next to a nearby stop (merging stops at one hospital), or to a warehouse's route. */
    private Move<DispatchSolution> moveStop(Random random) {
        Delivery delivery = dispatched(random);
        if (delivery == null) {
            return null;
        }
        Trip source = delivery.getTrip();
        List<Delivery> list = source.getDeliveries();
        int index = indexOf(delivery);
        int start = stopStart(list, index);
        int length = stopEnd(list, index) - start;
        Place place;
        if (random.nextDouble() < WAREHOUSE_SHARE) {
            place = atWarehouse(delivery.getHospital(), list.subList(start, start + length), random);
        } else {
            Delivery neighbour = dispatchedNear(delivery.getHospital(), random);
            if (neighbour == null || sameStop(delivery, neighbour)) {
                return null;
            }
            List<Delivery> neighbourList = neighbour.getTrip().getDeliveries();
            int neighbourIndex = indexOf(neighbour);
            place = new Place(neighbour.getTrip(), random.nextBoolean()
                    ? stopStart(neighbourList, neighbourIndex) : stopEnd(neighbourList, neighbourIndex));
        }
        if (place == null) {
            return null;
        }
        int to = place.trip == source && place.index > start ? place.index - length : place.index;
        return place.trip == source && to == start ? null
                : new SubListChangeMove<>(variable, source, start, length, place.trip, to, false);
    }

    /** Two stops at nearby hospitals trade places (in one trip or across trips). */
    private Move<DispatchSolution> swapStops(Random random) {
        Delivery left = dispatched(random);
        if (left == null) {
            return null;
        }
        Delivery right = dispatchedNear(left.getHospital(), random);
        if (right == null || right.getHospital() == left.getHospital()) {
            return null;
        }
        List<Delivery> leftList = left.getTrip().getDeliveries();
        List<Delivery> rightList = right.getTrip().getDeliveries();
        int leftIndex = indexOf(left);
        int rightIndex = indexOf(right);
        return new SubListSwapMove<>(variable,
                left.getTrip(), stopStart(leftList, leftIndex), stopEnd(leftList, leftIndex),
                right.getTrip(), stopStart(rightList, rightIndex), stopEnd(rightList, rightIndex), false);
    }

    /**
     * 2-opt: reverses the part of a trip between a stop and a nearby hospital's later (or earlier) stop
     * in the same trip, so the two become consecutive. Reversing positions i..j is moving i+1..j,
     * reversed, to just before i.
     */
    private Move<DispatchSolution> reverse(Random random) {
        Delivery delivery = dispatched(random);
        if (delivery == null) {
            return null;
        }
        Trip trip = delivery.getTrip();
        List<Delivery> list = trip.getDeliveries();
        Hospital partner = nearby(delivery.getHospital(), random);
        int partnerIndex = indexOfHospital(list, partner, random);
        if (partner == delivery.getHospital() || partnerIndex < 0) {
            return null;
        }
        int earlier = Math.min(indexOf(delivery), partnerIndex);
        int later = Math.max(indexOf(delivery), partnerIndex);
        // earlier stop, ..., later stop: reverse from after the earlier stop to the end of the later one
        int first = stopEnd(list, earlier);
        int last = stopEnd(list, later) - 1;
        if (stopStart(list, later) == first) { // already consecutive
            return null;
        }
        return new SubListChangeMove<>(variable, trip, first + 1, last - first, trip, first, true);
    }

    /**
     * 2-opt*: two trips exchange their ends so that a nearby stop comes right after a stop:
     * (a's head, a | a's rest) and (b's head | b, b's rest) become (a's head, a, b, b's rest) and
     * (b's head, a's rest).
     */
    private Move<DispatchSolution> swapTails(Random random) {
        Delivery left = dispatched(random);
        if (left == null) {
            return null;
        }
        Delivery right = dispatchedNear(left.getHospital(), random);
        if (right == null || right.getTrip() == left.getTrip()) {
            return null;
        }
        Trip leftTrip = left.getTrip();
        Trip rightTrip = right.getTrip();
        List<Delivery> leftList = leftTrip.getDeliveries();
        List<Delivery> rightList = rightTrip.getDeliveries();
        int leftTail = stopEnd(leftList, indexOf(left));
        int rightTail = stopStart(rightList, indexOf(right));
        if (leftTail == leftList.size()) {
            return new SubListChangeMove<>(variable, rightTrip, rightTail, rightList.size() - rightTail,
                    leftTrip, leftTail, false);
        }
        return new SubListSwapMove<>(variable, leftTrip, leftTail, leftList.size(),
                rightTrip, rightTail, rightList.size(), false);
    }

    /** A delivery that some vehicle carries: a few random picks, then a random non-empty trip. */
    private Delivery dispatched(Random random) {
        for (int pick = 0; pick < PICKS; pick++) {
            Delivery delivery = deliveries[random.nextInt(deliveries.length)];
            if (delivery.isDispatched()) {
                return delivery;
            }
        }
        int offset = random.nextInt(vehicleTrips.length);
        for (int i = 0; i < vehicleTrips.length; i++) {
            List<Delivery> list = vehicleTrips[(offset + i) % vehicleTrips.length].getDeliveries();
            if (!list.isEmpty()) {
                return list.get(random.nextInt(list.size()));
            }
        }
        return null;
    }

    /** A carried delivery at a hospital near {@code hospital} (itself included), if a few tries find one. */
    private Delivery dispatchedNear(Hospital hospital, Random random) {
        for (int pick = 0; pick < PICKS; pick++) {
            Delivery[] candidates = deliveriesByHospital.get(nearby(hospital, random));
            if (candidates == null) {
                continue;
            }
            int offset = random.nextInt(candidates.length);
            for (int i = 0; i < candidates.length; i++) {
                Delivery candidate = candidates[(offset + i) % candidates.length];
                if (candidate.isDispatched()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** One of the hospital's nearest, the nearer the likelier (rank = count x u^2). */
    private Hospital nearby(Hospital hospital, Random random) {
        Hospital[] nearest = sites.nearestHospitals(hospital);
        double u = random.nextDouble();
        return nearest[(int) (nearest.length * u * u)];
    }

    /** Whether two deliveries share a place where swapping or moving them changes nothing. */
    private static boolean sameStop(Delivery one, Delivery other) {
        if (one.getTrip() != other.getTrip()) {
            return false;
        }
        return one.getTrip().isUnservedPool()
                || one.getHospital() == other.getHospital() && one.getStopNumber().equals(other.getStopNumber());
    }

    /**
     * A linear search, yet cheaper than OptaPlanner's index supply, which would renumber the rest of the
     * unserved pool (thousands of deliveries) on every change to it, undo included.
     */
    private static int indexOf(Delivery delivery) {
        return delivery.getTrip().getDeliveries().indexOf(delivery);
    }

    /** Position of some delivery to {@code hospital} in the list, or -1. */
    private static int indexOfHospital(List<Delivery> list, Hospital hospital, Random random) {
        int offset = random.nextInt(list.size());
        for (int i = 0; i < list.size(); i++) {
            int index = (offset + i) % list.size();
            if (list.get(index).getHospital() == hospital) {
                return index;
            }
        }
        return -1;
    }

    private static int stopStart(List<Delivery> list, int index) {
        Hospital hospital = list.get(index).getHospital();
        int start = index;
        while (start > 0 && list.get(start - 1).getHospital() == hospital) {
            start--;
        }
        return start;
    }

    /** One past the stop's last delivery. */
    private static int stopEnd(List<Delivery> list, int index) {
        Hospital hospital = list.get(index).getHospital();
        int end = index + 1;
        while (end < list.size() && list.get(end).getHospital() == hospital) {
            end++;
        }
        return end;
    }

    /** An insertion point: the delivery lands at {@code index} of the trip as it is now. */
    private record Place(Trip trip, int index) {
    }
}
