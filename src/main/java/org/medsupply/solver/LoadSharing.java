// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Load;
import org.medsupply.domain.Priority;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;

/**
 * Decides, after solving, how many units of what a trip carries go to each line at its stops. A trip's
 * load of a supply is kept as the search left it (so weight, volume, stock, stops and times stay as they
 * are), but it is shared among the lines of that supply at the trip's stops priority by priority: first
 * as many units as those lines still miss to the highest priority, and within a priority so that the
 * lines end with fill rates as equal as whole units allow (least sum of shortfall^2 / requested, the
 * fairness level of the objective). Local search moves fixed chunks and ranks plans by units first, so
 * under a tight fleet it fills a trip with whatever chunks bring most units, one site's in full and its
 * neighbour's not at all; here the quantities are cut to fit the lines instead.
 * <p>
 * Each trip and supply is one block, solved exactly given the units the lines get on other trips; the
 * blocks are revisited until none improves (a line served by two trips couples them). A block's new
 * sharing is taken only when it is lexicographically better on (units, fairness) per priority, so the
 * objective's upper levels never get worse; lateness may, being a lower level.
 * <p>
 * Trips still carry different shares of a supply for the lines they reach, so units then move between
 * trips too ({@link #shareAcrossTrips}): from the best-served line on one trip to the worst-served one at
 * a stop of another, which leaves lower-priority units behind to make room. After that the blocks are
 * shared once more.
 * <p>
 * A last finishing step ({@link #mix}) may grow a trip's loads: its more urgent lines take the room its less urgent
 * ones leave.
 */
final class LoadSharing {

    /** Passes over all blocks at most; each pass that changes anything improves the objective. */
    private static final int MAX_PASSES = 50;
    /** Rounds of moves between trips per supply and priority, at most (each move brings two fill rates closer). */
    private static final int MAX_ROUNDS = 20;
    /** The best-served lines a poorly served one may take units from, richest first. */
    private static final int RICHEST_TRIED = 20;
    /**
     * Lines looked at and moves between trips weighed ({@link #movable}) after which no more rounds start (about a
     * second's work; the 2,000-hospital problem needs at most 1.4 million, 10,000 hospitals about 9 million): a
     * round started is done whole, and the step stays short at any scale with a result that does not depend on the
     * machine.
     */
    private static final long MOVE_WORK_LIMIT = 2_500_000;

    private final DispatchSolution plan;
    private final List<Trip> trips;
    /** Units each line gets on each trip (only non-zero entries). */
    private final Map<Trip, Map<DemandLine, Long>> units = new IdentityHashMap<>();
    /** Units per line, by {@link DemandLine#index()}. */
    private final long[] delivered;
    private final Map<Trip, Set<Hospital>> stops = new IdentityHashMap<>();
    private final Map<Hospital, List<DemandLine>> linesAt = new IdentityHashMap<>();
    private final Set<DemandLine> changed = new LinkedHashSet<>();
    /** Trips whose blocks may share better since they were last shared: a line at one of their stops changed. */
    private final Set<Trip> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Each trip's load, and each warehouse's stock not shipped, for moves between trips. */
    private final Map<Trip, Load> loads = new IdentityHashMap<>();
    private final Map<Warehouse, Map<Supply, Long>> stockLeft = new HashMap<>();
    private final Map<Hospital, List<Trip>> tripsAt = new IdentityHashMap<>();
    /** The trips that bring each line some units. */
    private final Map<DemandLine, Set<Trip>> carriers = new HashMap<>();
    /** Lines looked at and moves between trips weighed so far, and the most that starts another round. */
    private long work;
    private final long moveWorkLimit;

    private LoadSharing(DispatchSolution plan, long moveWorkLimit) {
        this.plan = plan;
        this.moveWorkLimit = moveWorkLimit;
        this.trips = plan.getTrips().stream().filter(trip -> !trip.isUnservedPool()).toList();
        plan.getLines().forEach(line -> linesAt.computeIfAbsent(line.hospital(), h -> new ArrayList<>()).add(line));
        this.delivered = plan.unitsByLine();
        for (Trip trip : trips) {
            Map<DemandLine, Long> ofTrip = new LinkedHashMap<>();
            Set<Hospital> hospitals = new LinkedHashSet<>();
            for (Delivery delivery : trip.getDeliveries()) {
                ofTrip.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
                hospitals.add(delivery.getHospital());
            }
            units.put(trip, ofTrip);
            stops.put(trip, hospitals);
            hospitals.forEach(hospital -> tripsAt.computeIfAbsent(hospital, h -> new ArrayList<>()).add(trip));
            ofTrip.keySet().forEach(line -> carriers.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(trip));
            loads.put(trip, Load.of(trip.getDeliveries()));
        }
        stockLeft.putAll(plan.stockLeft());
        dirty.addAll(trips);
    }

    /**
     * Re-shares the trips' loads of {@code plan} in place and reconnects its timeline; the caller scores it.
     *
     * @return whether any line's deliveries changed
     */
    static boolean share(DispatchSolution plan) {
        return share(plan, MOVE_WORK_LIMIT);
    }

    /** {@link #share} starting no more rounds between trips once their work passes {@code moveWorkLimit}. */
    static boolean share(DispatchSolution plan, long moveWorkLimit) {
        LoadSharing sharing = new LoadSharing(plan, moveWorkLimit);
        sharing.shareWithinTrips();
        if (sharing.shareAcrossTrips()) {
            sharing.shareWithinTrips();
        }
        if (sharing.changed.isEmpty()) {
            return false;
        }
        sharing.rebuildDeliveries();
        return true;
    }

    /** {@link #chooseMix} for every trip and priority, the most urgent first. */
    private void chooseMixes() {
        for (Trip trip : trips) {
            for (Priority priority : Priority.values()) {
                chooseMix(trip, priority);
            }
        }
    }

    /**
     * More units for the priority's lines at the trip's stops, in the room its less urgent units leave: from the
     * warehouse's stock left and from those units themselves, the supplies chosen for the most units in that room
     * ({@link LoadMix}). The trip's units of the priority and of more urgent ones stay, so no supply is traded for
     * another of the same priority; stops and times stay too. How evenly the units are shared is left to
     * {@link #share}. Lines that must arrive in one stop get no units here.
     */
    private void chooseMix(Trip trip, Priority priority) {
        Vehicle vehicle = trip.getVehicle();
        Map<Supply, List<DemandLine>> open = new LinkedHashMap<>();
        for (Hospital hospital : stops.get(trip)) {
            for (DemandLine line : linesAt.get(hospital)) {
                if (line.priority() == priority && line.splittable() && vehicle.canCarry(line.supply())) {
                    open.computeIfAbsent(line.supply(), s -> new ArrayList<>()).add(line);
                }
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Load kept = kept(trip, priority);
        Map<Supply, Long> lessUrgent = new HashMap<>();
        leavable(trip, priority).forEach(line -> lessUrgent.merge(line.supply(), units.get(trip).get(line), Long::sum));
        Map<Supply, Long> stock = stockLeft.get(vehicle.warehouse());
        List<LoadMix.Option> options = new ArrayList<>();
        open.forEach((supply, lines) -> {
            long missing = lines.stream().mapToLong(line -> line.quantity() - got(line)).sum();
            long available = Math.max(0, stock.getOrDefault(supply, 0L)) + lessUrgent.getOrDefault(supply, 0L);
            options.add(new LoadMix.Option(supply, Math.min(missing, available)));
        });
        Map<Supply, Long> added = LoadMix.mostUnits(options, vehicle.capacityMg() - kept.weightMg(),
                vehicle.capacityMm3() - kept.volumeMm3());
        added.forEach((supply, more) -> {
            leaveBehind(trip, priority, supply, more - Math.max(0, stock.getOrDefault(supply, 0L)));
            List<DemandLine> poorestFirst = new ArrayList<>(open.get(supply));
            poorestFirst.sort(Comparator.comparingDouble(this::fill).thenComparingInt(DemandLine::index));
            long left = more;
            for (DemandLine line : poorestFirst) {
                long given = Math.min(left, line.quantity() - got(line));
                if (given > 0) {
                    change(trip, line, given);
                    left -= given;
                }
            }
        });
        leaveBehind(trip, priority, 0, 0);
    }

    /** Leaves {@code units} of the supply on lines less urgent than {@code priority} behind, the least urgent first. */
    private void leaveBehind(Trip trip, Priority priority, Supply supply, long units) {
        long left = units;
        for (DemandLine line : leavable(trip, priority)) {
            if (left <= 0) {
                break;
            }
            if (line.supply() == supply) {
                long taken = Math.min(left, this.units.get(trip).get(line));
                change(trip, line, -taken);
                left -= taken;
            }
        }
    }

    /**
     * Brings each trip's more urgent lines more units in the room its less urgent ones leave ({@link #chooseMix}),
     * in place; the caller connects the timeline and scores it.
     *
     * @return whether any trip's load changed
     */
    static boolean mix(DispatchSolution plan) {
        LoadSharing mixing = new LoadSharing(plan, MOVE_WORK_LIMIT);
        mixing.chooseMixes();
        if (mixing.changed.isEmpty()) {
            return false;
        }
        mixing.rebuildDeliveries();
        return true;
    }

    private void shareWithinTrips() {
        for (int pass = 0; pass < MAX_PASSES && onePass(); pass++) {
            // each pass re-shares the blocks whose lines changed in the pass before
        }
    }

    private boolean onePass() {
        boolean improved = false;
        List<Trip> toShare = trips.stream().filter(dirty::contains).toList();
        dirty.clear();
        for (Trip trip : toShare) {
            Map<Supply, Long> loads = new LinkedHashMap<>();
            units.get(trip).forEach((line, quantity) -> loads.merge(line.supply(), quantity, Long::sum));
            for (Map.Entry<Supply, Long> load : loads.entrySet()) {
                improved |= shareBlock(trip, load.getKey(), load.getValue());
            }
        }
        return improved;
    }

    /** Shares a trip's {@code load} units of a supply among the lines at its stops; true if that improved. */
    private boolean shareBlock(Trip trip, Supply supply, long load) {
        Map<DemandLine, Long> onTrip = units.get(trip);
        List<DemandLine> lines = new ArrayList<>();
        for (Hospital hospital : stops.get(trip)) {
            for (DemandLine line : linesAt.get(hospital)) {
                if (line.supply() == supply && mayJoin(line, trip)) {
                    lines.add(line);
                }
            }
        }
        Map<DemandLine, Long> elsewhere = new HashMap<>();
        lines.forEach(line -> elsewhere.put(line, got(line) - onTrip.getOrDefault(line, 0L)));
        Map<DemandLine, Long> shared = new HashMap<>();
        long left = load;
        for (Priority priority : Priority.values()) {
            List<DemandLine> tier = lines.stream().filter(line -> line.priority() == priority).toList();
            long missing = tier.stream().mapToLong(line -> line.quantity() - elsewhere.get(line)).sum();
            long give = Math.min(left, missing);
            shared.putAll(waterFill(tier, elsewhere, give));
            left -= give;
        }
        if (left != 0 || compare(lines, elsewhere, shared, onTrip) <= 0) {
            return false;
        }
        for (DemandLine line : lines) {
            long before = onTrip.getOrDefault(line, 0L);
            if (before != shared.get(line)) {
                change(trip, line, shared.get(line) - before);
            }
        }
        return true;
    }

    /**
     * Between trips: units of a supply and priority move from the line with the highest fill rate, on one
     * trip, to the line with the lowest at a stop of another trip, as many as bring the two closer without
     * crossing. The receiving trip makes room by leaving lower-priority units behind (its warehouse must
     * hold the units when the trips load at different ones); the room the giving trip gets back is filled
     * by the top-up that follows. Units of the priority stay, its fairness improves, and only lower
     * priorities can lose.
     *
     * @return whether any units moved
     */
    private boolean shareAcrossTrips() {
        // most urgent first across supplies, so that a work limit reached leaves only less urgent lines unshared
        Map<Priority, Map<Supply, List<DemandLine>>> groups = new EnumMap<>(Priority.class);
        plan.getLines().forEach(line -> groups.computeIfAbsent(line.priority(), p -> new LinkedHashMap<>())
                .computeIfAbsent(line.supply(), s -> new ArrayList<>()).add(line));
        boolean moved = false;
        for (Map<Supply, List<DemandLine>> bySupply : groups.values()) {
            for (List<DemandLine> group : bySupply.values()) {
                for (int round = 0; round < MAX_ROUNDS && work <= moveWorkLimit && moveRound(group); round++) {
                    moved = true;
                }
            }
        }
        return moved;
    }

    /**
     * One round over a supply and priority's lines, the worst served first: each takes what it can from the
     * best-served ones (see {@link #shareAcrossTrips}).
     *
     * @return whether any units moved
     */
    private boolean moveRound(List<DemandLine> group) {
        List<DemandLine> byFill = new ArrayList<>(group);
        byFill.sort(Comparator.comparingDouble(this::fill).thenComparingInt(DemandLine::index));
        boolean moved = false;
        for (DemandLine poor : byFill) {
            work++;
            for (Trip receiving : tripsAt.getOrDefault(poor.hospital(), List.of())) {
                if (!receiving.getVehicle().canCarry(poor.supply()) || !mayJoin(poor, receiving)) {
                    continue;
                }
                for (int r = byFill.size() - 1; r >= Math.max(0, byFill.size() - RICHEST_TRIED); r--) {
                    DemandLine rich = byFill.get(r);
                    if (fill(rich) <= fill(poor)) {
                        break;
                    }
                    for (Trip giving : List.copyOf(carriers.getOrDefault(rich, Set.of()))) {
                        work++;
                        long units = giving == receiving ? 0 : movable(rich, poor, giving, receiving);
                        if (units > 0) {
                            move(rich, giving, poor, receiving, units);
                            moved = true;
                        }
                    }
                }
            }
        }
        return moved;
    }

    private long got(DemandLine line) {
        return delivered[line.index()];
    }

    private double fill(DemandLine line) {
        return (double) got(line) / line.quantity();
    }

    /** How many units {@link #move} may take from the rich line on one trip to the poor one on another. */
    private long movable(DemandLine rich, DemandLine poor, Trip giving, Trip receiving) {
        long onGiving = units.get(giving).getOrDefault(rich, 0L);
        if (onGiving == 0) {
            return 0;
        }
        long richGot = got(rich);
        long poorGot = got(poor);
        // the most that leaves the rich line's fill rate at or above the poor one's: (a q_b - b q_a) / (q_a + q_b)
        long units = (richGot * poor.quantity() - poorGot * rich.quantity()) / (rich.quantity() + poor.quantity());
        units = Math.min(units, Math.min(onGiving, poor.quantity() - poorGot));
        Supply supply = poor.supply();
        Warehouse warehouse = receiving.getVehicle().warehouse();
        if (warehouse != giving.getVehicle().warehouse()) {
            units = Math.min(units, stockLeft.get(warehouse).get(supply));
        }
        if (units <= 0) {
            return 0;
        }
        return Math.min(units, kept(receiving, poor.priority()).roomFor(supply, receiving.getVehicle()));
    }

    /** What a trip would carry if it left behind every unit of priorities below {@code priority}. */
    private Load kept(Trip trip, Priority priority) {
        Load kept = new Load();
        units.get(trip).forEach((line, quantity) -> {
            if (line.priority().compareTo(priority) <= 0) {
                kept.add(line.supply(), quantity);
            }
        });
        return kept;
    }

    private void move(DemandLine rich, Trip giving, DemandLine poor, Trip receiving, long quantity) {
        Supply supply = poor.supply();
        leaveBehind(receiving, poor.priority(), quantity * supply.weightMg(), quantity * supply.volumeMm3());
        change(giving, rich, -quantity);
        change(receiving, poor, quantity);
    }

    /**
     * Leaves units of priorities below {@code priority} behind until the trip's load plus {@code extraMg} and
     * {@code extraMm3} fits its vehicle: the lowest priority, best served first.
     */
    private void leaveBehind(Trip trip, Priority priority, long extraMg, long extraMm3) {
        Load load = loads.get(trip);
        Vehicle vehicle = trip.getVehicle();
        for (DemandLine line : leavable(trip, priority)) {
            long shortMg = load.weightMg() + extraMg - vehicle.capacityMg();
            long shortMm3 = load.volumeMm3() + extraMm3 - vehicle.capacityMm3();
            if (shortMg <= 0 && shortMm3 <= 0) {
                break;
            }
            long left = Math.max(ceilDiv(shortMg, line.supply().weightMg()), ceilDiv(shortMm3, line.supply().volumeMm3()));
            change(trip, line, -Math.min(left, units.get(trip).get(line)));
        }
    }

    /** The trip's lines less urgent than {@code priority}, in the order they give way: the least urgent, best served first. */
    private List<DemandLine> leavable(Trip trip, Priority priority) {
        List<DemandLine> leavable = new ArrayList<>(units.get(trip).keySet().stream()
                .filter(line -> line.priority().compareTo(priority) > 0).toList());
        leavable.sort(Comparator.comparing(DemandLine::priority).reversed()
                .thenComparing(Comparator.comparingDouble(this::fill).reversed()).thenComparingInt(DemandLine::index));
        return leavable;
    }

    /** Adds {@code quantity} (may be negative) of the line to the trip, keeping totals, loads and stock in step. */
    private void change(Trip trip, DemandLine line, long quantity) {
        Map<DemandLine, Long> onTrip = units.get(trip);
        long after = onTrip.getOrDefault(line, 0L) + quantity;
        if (after == 0) {
            onTrip.remove(line);
            carriers.get(line).remove(trip);
        } else {
            onTrip.put(line, after);
            carriers.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(trip);
        }
        delivered[line.index()] += quantity;
        loads.get(trip).add(line.supply(), quantity);
        stockLeft.get(trip.getVehicle().warehouse()).merge(line.supply(), -quantity, Long::sum);
        changed.add(line);
        dirty.addAll(tripsAt.get(line.hospital()));
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /** A line that must arrive in one stop may get units here only when no other trip brings it any. */
    private boolean mayJoin(DemandLine line, Trip trip) {
        return line.splittable()
                || got(line) == units.get(trip).getOrDefault(line, 0L);
    }

    /**
     * {@code give} units (at most what the lines miss) shared so the lines' fill rates, counting what they
     * get {@code elsewhere}, end as equal as whole units allow: the least-filled lines are raised together
     * to one water level (found exactly, lines sorted by the fill rate they start from), each takes the
     * whole units below it, and the last few units go one each to the lines whose shortfall^2 / requested
     * they lower most.
     */
    static Map<DemandLine, Long> waterFill(List<DemandLine> lines, Map<DemandLine, Long> elsewhere, long give) {
        Map<DemandLine, Long> shares = new HashMap<>();
        lines.forEach(line -> shares.put(line, 0L));
        if (give == 0) {
            return shares;
        }
        List<DemandLine> byStart = new ArrayList<>(lines);
        byStart.sort(Comparator.comparingDouble(line -> (double) elsewhere.get(line) / line.quantity()));
        double requested = 0;
        double got = 0;
        double level = 1;
        for (int i = 0; i < byStart.size(); i++) {
            requested += byStart.get(i).quantity();
            got += elsewhere.get(byStart.get(i));
            level = Math.min(1, (give + got) / requested);
            if (i + 1 == byStart.size() || (double) elsewhere.get(byStart.get(i + 1)) / byStart.get(i + 1).quantity() >= level) {
                break;
            }
        }
        long given = 0;
        for (DemandLine line : lines) {
            long missing = line.quantity() - elsewhere.get(line);
            long share = Math.min(give - given, Math.max(0, Math.min(missing,
                    (long) Math.floor(level * line.quantity() - elsewhere.get(line)))));
            shares.put(line, share);
            given += share;
        }
        // the last units, one each, to the lines whose squared shortfall they lower most
        List<DemandLine> order = new ArrayList<>(lines);
        while (given < give) {
            order.sort(Comparator.comparingDouble((DemandLine line) -> -marginalGain(line, elsewhere.get(line)
                    + shares.get(line))).thenComparingInt(DemandLine::index));
            for (DemandLine line : order) {
                if (given == give) {
                    break;
                }
                if (elsewhere.get(line) + shares.get(line) < line.quantity()) {
                    shares.merge(line, 1L, Long::sum);
                    given++;
                }
            }
        }
        return shares;
    }

    /** How much one more unit lowers shortfall^2 / requested: (2 shortfall - 1) / requested. */
    private static double marginalGain(DemandLine line, long delivered) {
        long shortfall = line.quantity() - delivered;
        return shortfall == 0 ? Double.NEGATIVE_INFINITY : (2.0 * shortfall - 1) / line.quantity();
    }

    /**
     * Compares two sharings of one block on the objective's levels, priority by priority: units delivered
     * (more is better), then the fairness penalty (less is better). Positive when {@code proposed} is better.
     */
    private static int compare(List<DemandLine> lines, Map<DemandLine, Long> elsewhere, Map<DemandLine, Long> proposed,
            Map<DemandLine, Long> current) {
        for (Priority priority : Priority.values()) {
            long unitsProposed = 0;
            long unitsCurrent = 0;
            long unfairProposed = 0;
            long unfairCurrent = 0;
            for (DemandLine line : lines) {
                if (line.priority() == priority) {
                    long got = elsewhere.get(line);
                    unitsProposed += proposed.get(line);
                    unitsCurrent += current.getOrDefault(line, 0L);
                    unfairProposed += ConstraintNames.unfairness(line, line.quantity() - got - proposed.get(line));
                    unfairCurrent += ConstraintNames.unfairness(line, line.quantity() - got
                            - current.getOrDefault(line, 0L));
                }
            }
            if (unitsProposed != unitsCurrent) {
                return Long.compare(unitsProposed, unitsCurrent);
            }
            if (unfairProposed != unfairCurrent) {
                return Long.compare(unfairCurrent, unfairProposed);
            }
        }
        return 0;
    }

    /**
     * Gives every changed line new deliveries: one per trip that brings it some, at the trip's stop at its
     * hospital, and one in the unserved pool for what is missing. A trip's stops keep their order (a stop
     * left with nothing to unload is dropped); each stop's deliveries are listed together.
     */
    private void rebuildDeliveries() {
        Set<Delivery> removed = new HashSet<>();
        int[] next = {0};
        for (Trip trip : trips) {
            Map<Hospital, List<Delivery>> byStop = new LinkedHashMap<>();
            for (Delivery delivery : trip.getDeliveries()) {
                List<Delivery> atStop = byStop.computeIfAbsent(delivery.getHospital(), h -> new ArrayList<>());
                if (changed.contains(delivery.getLine())) {
                    removed.add(delivery);
                } else {
                    atStop.add(delivery);
                }
            }
            byStop.forEach((hospital, atStop) -> {
                for (DemandLine line : linesAt.get(hospital)) {
                    Long quantity = units.get(trip).get(line);
                    if (changed.contains(line) && quantity != null) {
                        atStop.add(newDelivery(line, quantity, next));
                    }
                }
            });
            trip.getDeliveries().clear();
            byStop.values().forEach(trip.getDeliveries()::addAll);
        }
        Trip pool = plan.unservedPool();
        pool.getDeliveries().removeIf(delivery -> {
            boolean ofChangedLine = changed.contains(delivery.getLine());
            if (ofChangedLine) {
                removed.add(delivery);
            }
            return ofChangedLine;
        });
        for (DemandLine line : changed) {
            long missing = line.quantity() - got(line);
            if (missing > 0) {
                pool.getDeliveries().add(newDelivery(line, missing, next));
            }
        }
        plan.getDeliveries().removeIf(removed::contains);
    }

    private Delivery newDelivery(DemandLine line, long quantity, int[] next) {
        Delivery delivery = new Delivery(line.index() + ":shared" + next[0]++, line, quantity);
        plan.getDeliveries().add(delivery);
        return delivery;
    }
}
