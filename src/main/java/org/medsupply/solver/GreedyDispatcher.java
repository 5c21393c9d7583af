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
import java.util.TreeSet;
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
    private final Map<Vehicle, List<TripState>> tripsByVehicle = new IdentityHashMap<>();
    /** The trips stopping at each hospital, which take more of it without a new stop. */
    private final Map<Hospital, List<TripState>> visits = new IdentityHashMap<>();
    /** The trips by warehouse, which a search looks into nearest first. */
    private final Map<Warehouse, TripGroup> groups = new LinkedHashMap<>();
    /** {@code null} when the travel has none (a matrix): then every trip is looked at. */
    private final TravelBound bound;
    /** The shortest unloading of any hospital: a vehicle with less spare time takes no new stop anywhere. */
    private final long shortestUnloadMs;
    /** The trip whose stop an unsplittable line's first portion went to: the rest may only join it. */
    private final Map<DemandLine, TripState> unsplittableTrip = new HashMap<>();
    /**
     * Units announced earlier (a re-planning problem's {@code reference}) not yet placed again, per hospital and
     * supply and vehicle: a line goes to the vehicle that announced it first, when that vehicle can still take
     * it on time, so a re-made plan starts from what was announced.
     */
    private final Map<Hospital, Map<Supply, Map<Vehicle, Long>>> announced = new IdentityHashMap<>();

    /** Whether a chunk larger than what stock or room allow is cut down to it (after solving, see {@link #topUp}). */
    private final boolean cutToFit;
    /** Entries the searches took from their queues and trips they filtered, so far. */
    private long work;
    /** The work after which no more lines are tried. */
    private final long workLimit;

    private GreedyDispatcher(DispatchSolution solution, boolean cutToFit, long workLimit) {
        List<TripState> byTieOrder = new ArrayList<>(); // sorted below
        int tieOrder = 0;
        this.solution = solution;
        this.cutToFit = cutToFit;
        this.workLimit = workLimit;
        this.bound = solution.getVehicles().isEmpty() ? null
                : TravelBound.of(solution.getVehicles().get(0).travel(), sites(solution)).orElse(null);
        this.shortestUnloadMs = solution.getHospitals().stream().mapToLong(Hospital::unloadMs).min().orElse(0);
        Map<Warehouse, Map<Supply, Long>> stockLeft = solution.stockLeft();
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                TripGroup group = groups.computeIfAbsent(trip.getVehicle().warehouse(),
                        warehouse -> new TripGroup(warehouse, stockLeft.get(warehouse)));
                List<TripState> day = tripsByVehicle.computeIfAbsent(trip.getVehicle(), v -> new ArrayList<>());
                TripState state = new TripState(trip, group, bound, day);
                states.put(trip, state);
                day.add(state);
                byTieOrder.add(state);
            }
        }
        byTieOrder.sort(Comparator.comparingLong((TripState state) -> state.vehicle().capacityMg()).reversed());
        for (TripState state : byTieOrder) {
            state.tieOrder = tieOrder++;
            state.group.add(state);
        }
        tripsByVehicle.keySet().forEach(this::measureDay);
        states.values().forEach(state -> state.stops.forEach(stop -> visitedBy(stop.hospital, state)));
        solution.getReferenceLoads().stream()
                .filter(load -> load.vehicle() != null && tripsByVehicle.containsKey(load.vehicle()))
                .forEach(load -> announced.computeIfAbsent(load.hospital(), h -> new IdentityHashMap<>())
                        .computeIfAbsent(load.supply(), s -> new LinkedHashMap<>())
                        .merge(load.vehicle(), load.units(), Long::sum));
        states.values().forEach(state -> state.stops.forEach(stop -> stop.deliveries.forEach(d -> {
            if (!d.getLine().splittable()) {
                unsplittableTrip.put(d.getLine(), state);
            }
        })));
    }

    private static List<Site> sites(DispatchSolution solution) {
        List<Site> sites = new ArrayList<>(solution.getWarehouses());
        sites.addAll(solution.getHospitals());
        return sites;
    }

    /** The trips' new delivery lists; deliveries not in any of them stay in the unserved pool. */
    public static Map<Trip, List<Delivery>> plan(DispatchSolution solution) {
        return plan(solution, false, Long.MAX_VALUE);
    }

    /**
     * The same on a solved plan, cutting chunks to what is left in stock and in each vehicle: the new
     * pieces are added to the solution's deliveries, what remains of a cut chunk stays unserved. So no
     * stock stays in a warehouse while its lines go short and a vehicle there has room and time.
     * Lines are tried until {@link #TOP_UP_WORK_LIMIT}.
     */
    public static Map<Trip, List<Delivery>> topUp(DispatchSolution solution) {
        return topUp(solution, TOP_UP_WORK_LIMIT);
    }

    /** {@link #topUp} trying no more lines once the search work ({@link #work}) passes {@code workLimit}. */
    static Map<Trip, List<Delivery>> topUp(DispatchSolution solution, long workLimit) {
        return plan(solution, true, workLimit);
    }

    private static Map<Trip, List<Delivery>> plan(DispatchSolution solution, boolean cutToFit, long workLimit) {
        GreedyDispatcher dispatcher = new GreedyDispatcher(solution, cutToFit, workLimit);
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
    static boolean stockAndFleetCoverAll(DispatchSolution solution) {
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
        if (work > workLimit) {
            return;
        }
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
            if (insertion.existingStop == null) {
                measureDay(state.vehicle());
                visitedBy(stop.hospital, state);
            }
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
                state.group.stock.merge(line.supply(), -chunk.getQuantity(), Long::sum);
            }
            Map<Vehicle, Long> announcedUnits = announcedBy(line);
            if (announcedUnits.containsKey(state.vehicle())) {
                long placedUnits = taken.stream().mapToLong(Delivery::getQuantity).sum();
                announcedUnits.computeIfPresent(state.vehicle(), (vehicle, units) ->
                        units > placedUnits ? units - placedUnits : null);
            }
            if (!line.splittable()) {
                unsplittableTrip.put(line, state);
                return;
            }
        }
    }

    /**
     * The cheapest on-time stop that takes all that is left of the line; failing that, for a line that
     * may be split the cheapest that takes some of it, and for one that may not the one taking most
     * (the cheapest of those). Equal costs go to the trip first in the problem, then the earlier position.
     */
    private Insertion chooseInsertion(DemandLine line, List<Delivery> left) {
        Supply supply = line.supply();
        long allUnits = left.stream().mapToLong(Delivery::getQuantity).sum();
        long allMg = left.stream().mapToLong(Delivery::weightMg).sum();
        long allMm3 = left.stream().mapToLong(Delivery::volumeMm3).sum();
        long fewest = cutToFit ? 1 : left.get(left.size() - 1).getQuantity();
        TripState placed = unsplittableTrip.get(line);
        // chunks are taken largest first while they fit, so a trip takes them all exactly when their sum fits
        TripFilter takesAll = (state, stock) -> stock >= allUnits && state.fits(allMg, allMm3);
        TripFilter eligible = (state, stock) -> stock >= fewest
                && (hasTimeFor(state.spareMs, line.hospital().unloadMs()) || state.stopAt(line.hospital()) != null)
                && mayTake(state, supply, fewest);
        if (placed == null) {
            for (Vehicle vehicle : announcedBy(line).keySet()) {
                for (TripState trip : tripsByVehicle.get(vehicle)) {
                    Insertion asAnnounced = cheapestOnTime(line.hospital(), trip, supply, eligible);
                    if (asAnnounced != null) {
                        return asAnnounced;
                    }
                }
            }
        }
        Insertion takingAll = cheapestOnTime(line.hospital(), placed, supply, eligible.and(takesAll));
        if (takingAll != null) {
            return takingAll;
        }
        TripFilter takesSome = eligible.and(takesAll.negate());
        if (line.splittable()) {
            return cheapestOnTime(line.hospital(), placed, supply, takesSome);
        }
        TreeSet<Long> unitCounts = new TreeSet<>();
        states.values().stream().filter(state -> takesSome.accepts(state, stockOf(state, supply)))
                .forEach(state -> unitCounts.add(chunksTaken(state, supply, left).units()));
        unitCounts.remove(0L);
        for (long units : unitCounts.descendingSet()) {
            Insertion takingMost = cheapestOnTime(line.hospital(), placed, supply,
                    takesSome.and((state, stock) -> chunksTaken(state, supply, left).units() == units));
            if (takingMost != null) {
                return takingMost;
            }
        }
        return null;
    }

    /**
     * The vehicles that announced units of the line's supply to its hospital and have some left to place; an
     * immutable empty map when none did (most problems), so nothing is allocated on the greedy's hot path.
     */
    private Map<Vehicle, Long> announcedBy(DemandLine line) {
        return announced.getOrDefault(line.hospital(), Map.of()).getOrDefault(line.supply(), Map.of());
    }

    /** Which trips a search accepts, given what their warehouse has left of the supply. */
    @FunctionalInterface
    private interface TripFilter {
        boolean accepts(TripState state, long stockLeft);

        default TripFilter and(TripFilter other) {
            return (state, stock) -> accepts(state, stock) && other.accepts(state, stock);
        }

        default TripFilter negate() {
            return (state, stock) -> !accepts(state, stock);
        }
    }

    private long stockOf(TripState state, Supply supply) {
        return state.group.stock.get(supply);
    }

    /**
     * The cheapest on-time insertion into the accepted trips ({@code only} that trip when not null). The
     * queue holds warehouses' trips and single trips under lower bounds of their insertion costs and real
     * insertions, cheapest first: a warehouse or trip is opened only when nothing cheaper is left, so far
     * away ones never are. Each trip's cheapest place comes first, its other places only if that one is late.
     */
    private Insertion cheapestOnTime(Hospital hospital, TripState only, Supply supply, TripFilter accepts) {
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        if (only == null) {
            // every search takes at least a unit from stock; a trip stopping there already is not among the open
            for (TripGroup group : groups.values()) {
                if (group.stock.get(supply) > 0 && hasTimeFor(group.spareMs, hospital.unloadMs())) {
                    queue.add(Candidate.of(group, group.costBound(hospital, bound)));
                }
            }
            for (TripState visiting : visitors(hospital)) {
                if (accepts.accepts(visiting, stockOf(visiting, supply))) {
                    queue.add(Candidate.of(visiting, visiting.costBound(hospital)));
                }
            }
        } else if (accepts.accepts(only, stockOf(only, supply))) {
            queue.add(Candidate.of(only, only.costBound(hospital)));
        }
        while (!queue.isEmpty()) {
            Candidate candidate = queue.poll();
            work++;
            if (candidate.group() != null) {
                work += candidate.group().open.size();
                long stock = candidate.group().stock.get(supply);
                for (TripState state : candidate.group().open) {
                    if (accepts.accepts(state, stock)) {
                        queue.add(Candidate.of(state, state.costBound(hospital)));
                    }
                }
            } else if (candidate.insertion() == null) {
                queue.add(Candidate.of(candidate.trip().cheapestInsertion(hospital)));
            } else {
                Insertion insertion = candidate.insertion();
                if (insertion.existingStop != null || isOnTime(insertion)) {
                    return insertion;
                }
                if (insertion.cheapestOfTrip) {
                    insertion.state.otherInsertions(insertion)
                            .forEach(other -> queue.add(Candidate.of(other)));
                }
            }
        }
        return null;
    }

    /**
     * An entry of that queue: a warehouse's trips or one trip with a lower bound of what inserting costs
     * there, or an insertion with its cost. Ties go by {@link TripState#tieOrder}; a bound before what it bounds.
     */
    private record Candidate(long cost, int order, int rank, TripGroup group, TripState trip, Insertion insertion)
            implements Comparable<Candidate> {

        @Override
        public int compareTo(Candidate other) {
            int byCost = Long.compare(cost, other.cost);
            if (byCost != 0) {
                return byCost;
            }
            return order != other.order ? Integer.compare(order, other.order) : Integer.compare(rank, other.rank);
        }

        static Candidate of(TripGroup group, long costBound) {
            return new Candidate(costBound, group.firstTieOrder, 0, group, null, null);
        }

        static Candidate of(TripState trip, long costBound) {
            return new Candidate(costBound, trip.tieOrder, 1, null, trip, null);
        }

        /** An existing stop (position -1) ranks before every new one of its trip. */
        static Candidate of(Insertion insertion) {
            return new Candidate(insertion.cost, insertion.state.tieOrder, 3 + insertion.position, null,
                    insertion.state, insertion);
        }
    }

    /** Whole chunks a trip takes, and (cutting to fit) a part of one more. */
    private record Load(List<Delivery> whole, Delivery cut, long cutUnits) {
        long units() {
            return whole.stream().mapToLong(Delivery::getQuantity).sum() + cutUnits;
        }
    }

    /** The waiting chunks (largest first) the trip would take, as its capacity and its warehouse's stock allow. */
    private Load chunksTaken(TripState state, Supply supply, List<Delivery> left) {
        long stock = stockOf(state, supply);
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

    /**
     * Whether the trip can take {@code fewest} units of the supply: vehicle and capacity allowing.
     * Of a vehicle's empty trips, all alike, only the first.
     */
    private boolean mayTake(TripState state, Supply supply, long fewest) {
        return state.vehicle().canCarry(supply) && state.takes(fewest, supply)
                && (!state.stops.isEmpty() || isFirstEmptyTrip(state));
    }

    /** Whether a vehicle with so much spare time may take a new stop at the hospital ({@link #spareMs}). */
    private boolean hasTimeFor(long spareMs, long unloadMs) {
        return bound == null || !bound.detoursTakeTime() || spareMs + ROUNDING_MS >= unloadMs;
    }

    private List<TripState> visitors(Hospital hospital) {
        return visits.getOrDefault(hospital, List.of());
    }

    private void visitedBy(Hospital hospital, TripState state) {
        visits.computeIfAbsent(hospital, h -> new ArrayList<>()).add(state);
    }

    /**
     * Replays the vehicle's day trip by trip, keeping when each trip leaves, and works out its spare time
     * ({@link #spareMs}) again, and so its warehouse's most.
     */
    private void measureDay(Vehicle vehicle) {
        List<TripState> day = tripsByVehicle.get(vehicle);
        long clock = vehicle.shiftFromMs();
        long waited = 0;
        boolean held = true;
        for (TripState state : day) {
            state.departureMs = clock;
            Timeline.Day trip = Timeline.replayDay(clock, List.of(state));
            if (!trip.windowsHeld()) {
                held = false;
                break;
            }
            clock = trip.endMs();
            waited += trip.waitedMs();
        }
        long spareMs = spareMs(vehicle, held, clock, waited);
        for (TripState state : day) {
            state.spareMs = spareMs;
            state.dayHeld = held;
        }
        TripGroup group = day.get(0).group;
        group.spareMs = group.trips.stream().mapToLong(state -> state.spareMs).max().orElse(-1);
        if (!hasTimeFor(spareMs, shortestUnloadMs)) { // spare time only shrinks as stops are added
            group.open.removeAll(day);
        }
    }

    private static boolean isFirstEmptyTrip(TripState state) {
        for (TripState trip : state.day) {
            if (trip.stops.isEmpty()) {
                return trip == state;
            }
        }
        return false;
    }

    /**
     * Replays the vehicle's day with the new stop: every window and the shift end must hold. When the day held
     * before, the trips ahead of the insertion's are as measured, so the replay starts where that trip leaves.
     */
    private static boolean isOnTime(Insertion insertion) {
        TripState state = insertion.state;
        int index = state.day.indexOf(state);
        List<Timeline.Route> routes = new ArrayList<>(state.day);
        routes.set(index, insertion.route());
        Timeline.Day day = state.dayHeld
                ? Timeline.replayDay(state.departureMs, routes.subList(index, routes.size()))
                : Timeline.replayDay(state.vehicle().shiftFromMs(), routes);
        return day.windowsHeld() && day.endMs() <= state.vehicle().shiftToMs();
    }

    /**
     * Search work ({@link #work}) after which a top-up tries no more lines (about a second's work):
     * the lines come by priority, so the most urgent are topped up first, and the step stays short at any scale
     * with a result that does not depend on the machine. The first plan is built whole.
     */
    private static final long TOP_UP_WORK_LIMIT = 5_000_000;

    /** Driving times are rounded up to the millisecond, leg by leg. */
    private static final long ROUNDING_MS = 3;

    /**
     * How much a new stop may add to the vehicle's day: what is left of its shift and the time it waits
     * for windows (which a later arrival may use up). Where detours never save time (travel obeying the
     * triangle inequality) a new stop adds at least its unloading, so a vehicle with less spare takes none.
     */
    private static long spareMs(Vehicle vehicle, boolean held, long endMs, long waitedMs) {
        return held ? vehicle.shiftToMs() - endMs + waitedMs : -1;
    }

    private static final class Stop {
        final Hospital hospital;
        final List<Delivery> deliveries = new ArrayList<>();

        Stop(Hospital hospital) {
            this.hospital = hospital;
        }
    }

    /** A cost bound in thousandths of a cost unit, as {@link Vehicle#travelCost} rounds, from one in km. */
    private static long costBound(double km, double costPerKm) {
        return (long) Math.floor(km * costPerKm * 1000d) - 2; // three rounded legs are off by 1.5 at most
    }

    /**
     * The trips of one warehouse's vehicles, with what bounds the cost of a new stop on any of them: their
     * stops lie within {@link #reachKm} of the warehouse (in the bound's distance), their legs are at most so
     * long. These only grow as trips gain stops; one grown too large still bounds, less tightly.
     */
    private static final class TripGroup {
        final Warehouse warehouse;
        /** What the warehouse has left per supply, as the plan so far leaves it. */
        final Map<Supply, Long> stock;
        final List<TripState> trips = new ArrayList<>();
        /** Those whose vehicles may still have time for a new stop somewhere ({@link #measureDay}). */
        final List<TripState> open = new ArrayList<>();
        int firstTieOrder = Integer.MAX_VALUE;
        double lowestCostPerKm = Double.MAX_VALUE;
        double highestCostPerKm;
        double reachKm;
        double longestEndLegKm;
        double longestInnerLegKm;
        /** The most spare time of one of its vehicles ({@link GreedyDispatcher#spareMs}). */
        long spareMs;

        TripGroup(Warehouse warehouse, Map<Supply, Long> stock) {
            this.warehouse = warehouse;
            this.stock = stock;
        }

        void add(TripState state) {
            trips.add(state);
            open.add(state);
            firstTieOrder = Math.min(firstTieOrder, state.tieOrder);
            lowestCostPerKm = Math.min(lowestCostPerKm, state.vehicle().costPerKm());
            highestCostPerKm = Math.max(highestCostPerKm, state.vehicle().costPerKm());
        }

        void include(TripState state) {
            reachKm = Math.max(reachKm, state.reachKm);
            longestEndLegKm = Math.max(longestEndLegKm, state.endLegKm);
            longestInnerLegKm = Math.max(longestInnerLegKm, state.innerLegKm);
        }

        /** At most what a new stop at the hospital costs on any of the trips ({@link TripState#costBound}). */
        long costBound(Hospital hospital, TravelBound bound) {
            if (bound == null) {
                return Long.MIN_VALUE;
            }
            double toWarehouse = Math.max(0, bound.km(hospital, warehouse) - bound.slackKm());
            double toStops = Math.max(0, toWarehouse - reachKm);
            double km = Math.min(2 * toWarehouse,
                    Math.min(toWarehouse + toStops - longestEndLegKm, 2 * toStops - longestInnerLegKm));
            return GreedyDispatcher.costBound(km, km < 0 ? highestCostPerKm : lowestCostPerKm);
        }
    }

    private static final class TripState implements Timeline.Route {
        final Trip trip;
        /** Its vehicle's trips in order, this one among them. */
        final List<TripState> day;
        /**
         * Which of equally cheap trips comes first: the larger vehicle (more can join the route it opens;
         * on the generated 60-site problems of {@code GreedyBaselineTest} 519, 1,339 and 181 high-priority
         * units unmet against 558, 1,278 and 181 with vans first), then the first in the problem.
         */
        int tieOrder;
        final TripGroup group;
        final TravelBound bound;
        final List<Stop> stops = new ArrayList<>();
        long weightMg;
        long volumeMm3;
        /** The first stop, the farthest of the others from it (in the bound's distance), the longest legs. */
        Hospital centre;
        double spreadKm;
        double reachKm;
        double endLegKm;
        double innerLegKm;
        /** Its vehicle's {@link GreedyDispatcher#spareMs}; before it is worked out, any time. */
        long spareMs = Long.MAX_VALUE;
        /** Whether every window of its vehicle's day held when last measured; then {@link #departureMs} is set. */
        boolean dayHeld;
        /** When it leaves, as last measured. */
        long departureMs;
        /** The driving time of each leg of its route ({@link Timeline.Route#legMs}), kept between replays. */
        long[] legMs;

        TripState(Trip trip, TripGroup group, TravelBound bound, List<TripState> day) {
            this.trip = trip;
            this.group = group;
            this.bound = bound;
            this.day = day;
            for (Delivery delivery : trip.getDeliveries()) {
                if (stops.isEmpty() || stops.get(stops.size() - 1).hospital != delivery.getHospital()) {
                    stops.add(new Stop(delivery.getHospital()));
                }
                stops.get(stops.size() - 1).deliveries.add(delivery);
                load(delivery);
            }
            measure();
        }

        @Override
        public int stopCount() {
            return stops.size();
        }

        @Override
        public Hospital stop(int index) {
            return stops.get(index).hospital;
        }

        @Override
        public long legMs(int leg) {
            return legMs[leg];
        }

        /** Times the legs of its route again, after a stop was added. */
        void timeLegs() {
            Vehicle vehicle = vehicle();
            legMs = new long[stops.size() + 1];
            Site here = vehicle.warehouse();
            for (int i = 0; i < stops.size(); i++) {
                legMs[i] = vehicle.drivingMs(here, stops.get(i).hospital);
                here = stops.get(i).hospital;
            }
            legMs[stops.size()] = vehicle.drivingMs(here, vehicle.warehouse());
        }

        /** Works out the legs' driving times and the figures the cost bounds use again, after a stop was added. */
        void measure() {
            timeLegs();
            if (bound == null || stops.isEmpty()) {
                return;
            }
            Vehicle vehicle = vehicle();
            centre = stops.get(0).hospital;
            Hospital last = stops.get(stops.size() - 1).hospital;
            endLegKm = Math.max(vehicle.distanceKm(vehicle.warehouse(), centre), vehicle.distanceKm(last, vehicle.warehouse()));
            spreadKm = 0;
            innerLegKm = 0;
            for (int i = 0; i < stops.size(); i++) {
                Hospital hospital = stops.get(i).hospital;
                spreadKm = Math.max(spreadKm, bound.km(centre, hospital));
                reachKm = Math.max(reachKm, bound.km(vehicle.warehouse(), hospital));
                if (i > 0) {
                    innerLegKm = Math.max(innerLegKm, vehicle.distanceKm(stops.get(i - 1).hospital, hospital));
                }
            }
            group.include(this);
        }

        /**
         * At most what the hospital costs on this trip at any place. Every stop is at least {@code toStops}
         * away (triangle inequality around the first stop), so a place between two stops costs at least
         * twice that less the longest such leg, and one next to the warehouse the way to the warehouse plus
         * that less the longest leg from or to it.
         */
        long costBound(Hospital hospital) {
            if (bound == null) {
                return Long.MIN_VALUE;
            }
            double toWarehouse = Math.max(0, bound.km(hospital, vehicle().warehouse()) - bound.slackKm());
            if (stops.isEmpty()) {
                return GreedyDispatcher.costBound(2 * toWarehouse, vehicle().costPerKm());
            }
            double toStops = Math.max(0, bound.km(hospital, centre) - spreadKm - bound.slackKm());
            double km = toWarehouse + toStops - endLegKm;
            if (stops.size() > 1) {
                km = Math.min(km, 2 * toStops - innerLegKm);
            }
            return GreedyDispatcher.costBound(km, vehicle().costPerKm());
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

        /** Whether so much more fits on top of the trip's load. */
        boolean fits(long moreMg, long moreMm3) {
            return weightMg + moreMg <= vehicle().capacityMg() && volumeMm3 + moreMm3 <= vehicle().capacityMm3();
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

        List<Delivery> deliveries() {
            List<Delivery> deliveries = new ArrayList<>();
            stops.forEach(stop -> deliveries.addAll(stop.deliveries));
            return deliveries;
        }

        /** A free insertion into the trip's stop at the hospital if it has one, else the cheapest new stop. */
        Insertion cheapestInsertion(Hospital hospital) {
            Stop existing = stopAt(hospital);
            if (existing != null) {
                return new Insertion(this, -1, hospital, 0, existing, true);
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

        /** Its stop at the hospital, or {@code null}: a walk over a few stops, cheaper than any lookup. */
        Stop stopAt(Hospital hospital) {
            for (Stop stop : stops) {
                if (stop.hospital == hospital) {
                    return stop;
                }
            }
            return null;
        }

        /** Every new-stop position but the one already tried. */
        List<Insertion> otherInsertions(Insertion tried) {
            List<Insertion> others = new ArrayList<>(stops.size());
            for (int position = 0; position <= stops.size(); position++) {
                if (position != tried.position) {
                    others.add(new Insertion(this, position, tried.hospital, insertionCost(tried.hospital, position),
                            null, false));
                }
            }
            return others;
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

        /** The trip's route with the new stop; only its two new legs are timed. */
        Timeline.Route route() {
            Vehicle vehicle = state.vehicle();
            Site before = position == 0 ? vehicle.warehouse() : state.stop(position - 1);
            Site after = position == state.stopCount() ? vehicle.warehouse() : state.stop(position);
            long inMs = vehicle.drivingMs(before, hospital);
            long outMs = vehicle.drivingMs(hospital, after);
            return new Timeline.Route() {
                @Override
                public int stopCount() {
                    return state.stopCount() + 1;
                }

                @Override
                public Hospital stop(int index) {
                    return index < position ? state.stop(index) : index == position ? hospital : state.stop(index - 1);
                }

                @Override
                public long legMs(int leg) {
                    if (leg < position) {
                        return state.legMs(leg);
                    }
                    return leg == position ? inMs : leg == position + 1 ? outMs : state.legMs(leg - 1);
                }
            };
        }

        Stop apply() {
            if (existingStop != null) {
                return existingStop;
            }
            Stop stop = new Stop(hospital);
            state.stops.add(position, stop);
            state.measure();
            return stop;
        }
    }
}
