// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.medsupply.domain.Priority;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Trip;

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
 */
final class LoadSharing {

    /** Passes over all blocks at most; each pass that changes anything improves the objective. */
    private static final int MAX_PASSES = 50;

    private final DispatchSolution plan;
    private final List<Trip> trips;
    /** Units each line gets on each trip (only non-zero entries). */
    private final Map<Trip, Map<DemandLine, Long>> units = new IdentityHashMap<>();
    private final Map<DemandLine, Long> delivered = new HashMap<>();
    private final Map<Trip, Set<Hospital>> stops = new IdentityHashMap<>();
    private final Map<Hospital, List<DemandLine>> linesAt = new IdentityHashMap<>();
    private final Set<DemandLine> changed = new LinkedHashSet<>();

    private LoadSharing(DispatchSolution plan) {
        this.plan = plan;
        this.trips = plan.getTrips().stream().filter(trip -> !trip.isUnservedPool()).toList();
        plan.getLines().forEach(line -> linesAt.computeIfAbsent(line.hospital(), h -> new ArrayList<>()).add(line));
        for (Trip trip : trips) {
            Map<DemandLine, Long> ofTrip = new LinkedHashMap<>();
            Set<Hospital> hospitals = new LinkedHashSet<>();
            for (Delivery delivery : trip.getDeliveries()) {
                ofTrip.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
                delivered.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
                hospitals.add(delivery.getHospital());
            }
            units.put(trip, ofTrip);
            stops.put(trip, hospitals);
        }
    }

    /**
     * Re-shares the trips' loads of {@code plan} in place and reconnects its timeline; the caller scores it.
     *
     * @return whether any line's deliveries changed
     */
    static boolean share(DispatchSolution plan) {
        LoadSharing sharing = new LoadSharing(plan);
        for (int pass = 0; pass < MAX_PASSES && sharing.onePass(); pass++) {
            // each pass re-shares every block given the others
        }
        if (sharing.changed.isEmpty()) {
            return false;
        }
        sharing.rebuildDeliveries();
        return true;
    }

    private boolean onePass() {
        boolean improved = false;
        for (Trip trip : trips) {
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
        lines.forEach(line -> elsewhere.put(line, delivered.getOrDefault(line, 0L) - onTrip.getOrDefault(line, 0L)));
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
            long after = shared.get(line);
            if (before != after) {
                delivered.merge(line, after - before, Long::sum);
                if (after == 0) {
                    onTrip.remove(line);
                } else {
                    onTrip.put(line, after);
                }
                changed.add(line);
            }
        }
        return true;
    }

    /** A line that must arrive in one stop may get units here only when no other trip brings it any. */
    private boolean mayJoin(DemandLine line, Trip trip) {
        return line.splittable()
                || delivered.getOrDefault(line, 0L) == units.get(trip).getOrDefault(line, 0L);
    }

    /**
     * {@code give} units (at most what the lines miss) shared so the lines' fill rates, counting what they
     * get {@code elsewhere}, end as equal as whole units allow: each unit goes to the line whose
     * shortfall^2 / requested it lowers most. Fill levels are first raised together in doubles (a water
     * level found by bisection), then the last few units go one by one.
     */
    static Map<DemandLine, Long> waterFill(List<DemandLine> lines, Map<DemandLine, Long> elsewhere, long give) {
        Map<DemandLine, Long> shares = new HashMap<>();
        double low = 0;
        double high = 1;
        for (int i = 0; i < 100 && high - low > 1e-15; i++) {
            double level = (low + high) / 2;
            if (unitsBelow(lines, elsewhere, level) >= give) {
                high = level;
            } else {
                low = level;
            }
        }
        long given = 0;
        for (DemandLine line : lines) {
            long share = Math.min(give - given, (long) Math.floor(rise(line, elsewhere.get(line), low)));
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

    /** Units the line needs to reach fill rate {@code level}, given what it gets elsewhere (0..missing). */
    private static double rise(DemandLine line, long elsewhere, double level) {
        return Math.max(0, Math.min(line.quantity() - elsewhere, level * line.quantity() - elsewhere));
    }

    private static double unitsBelow(List<DemandLine> lines, Map<DemandLine, Long> elsewhere, double level) {
        return lines.stream().mapToDouble(line -> rise(line, elsewhere.get(line), level)).sum();
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
            long missing = line.quantity() - delivered.getOrDefault(line, 0L);
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
