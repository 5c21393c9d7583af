// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Explains every shortfall of a plan, testing the causes in order:
 * <ol>
 * <li>cold-chain: a cold-chain supply and no refrigerated vehicle loads where it is stocked;</li>
 * <li>time: no vehicle able to carry it can drive there and back inside the site's window and its shift;</li>
 * <li>stock / priority: the warehouses those vehicles load at have none of it left; "priority" when
 * lines of higher priority alone asked for more than was in stock, "stock" otherwise (the shortage was
 * shared among lines of this priority);</li>
 * <li>fleet: stock is left, but the vehicles that could bring it are full or out of time (each named with
 * its load against its capacity, or its return against its shift end).</li>
 * </ol>
 * What every line's explanation looks up (trips per vehicle and their loads, carriers per supply, units requested
 * per supply and priority) is worked out once, so a plan with tens of thousands of short lines is explained in
 * about linear time.
 */
public final class ShortfallDiagnosis {

    private static final int IDS_NAMED = 5;

    private final DispatchSolution solution;
    private final long[] delivered;
    private final Map<Warehouse, Map<Supply, Long>> stockLeft;
    private final Map<Vehicle, List<Trip>> tripsByVehicle = new IdentityHashMap<>();
    private final Map<Trip, Load> loads = new IdentityHashMap<>();
    private final Map<Supply, Carriers> carriers = new IdentityHashMap<>();
    private final Map<Supply, Map<Priority, Long>> requestedByPriority = new IdentityHashMap<>();
    /** A vehicle of each reach class, by class number. */
    private final List<Vehicle> classSamples = new ArrayList<>();
    private final Map<ReachClass, Integer> classNumbers = new HashMap<>();
    /** Whether each class reaches {@link #reachHospital} ({@code null}: not worked out yet). */
    private Hospital reachHospital;
    private Boolean[] reaches;
    /** The trip that brings each line its first dispatched units, looked up when first needed. */
    private Map<DemandLine, Trip> firstTrips;

    /** @param delivered units delivered per line in the plan, by {@link DemandLine#index()} */
    public ShortfallDiagnosis(DispatchSolution solution, long[] delivered) {
        this.solution = solution;
        this.delivered = delivered;
        this.stockLeft = solution.stockLeft();
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                tripsByVehicle.computeIfAbsent(trip.getVehicle(), v -> new ArrayList<>()).add(trip);
                loads.put(trip, Load.of(trip.getDeliveries()));
            }
        }
        solution.getVehicles().forEach(this::classOf);
        for (DemandLine line : solution.getLines()) {
            requestedByPriority.computeIfAbsent(line.supply(), supply -> new EnumMap<>(Priority.class))
                    .merge(line.priority(), line.quantity(), Long::sum);
        }
    }

    /**
     * The warehouses holding a supply and the vehicles loading there that may carry it, in problem order, with
     * each vehicle's reach class ({@link #classOf}).
     */
    private record Carriers(List<Warehouse> stocking, List<Vehicle> vehicles, int[] reachClass,
            Map<Integer, Integer> vehiclesByClass) {

        static Carriers of(Supply supply, DispatchSolution solution, ToIntFunction<Vehicle> classOf) {
            List<Warehouse> stocking = solution.getWarehouses().stream().filter(w -> w.stockOf(supply) > 0).toList();
            Set<Warehouse> stocked = Set.copyOf(stocking);
            List<Vehicle> vehicles = solution.getVehicles().stream()
                    .filter(v -> v.canCarry(supply) && stocked.contains(v.warehouse())).toList();
            int[] reachClass = vehicles.stream().mapToInt(classOf).toArray();
            // in the order of each class's first vehicle, so the reaching vehicles' warehouses come in problem order
            Map<Integer, Integer> vehiclesByClass = new LinkedHashMap<>();
            Arrays.stream(reachClass).forEach(c -> vehiclesByClass.merge(c, 1, Integer::sum));
            return new Carriers(stocking, vehicles, reachClass, vehiclesByClass);
        }

        /**
         * Those whose class reaches the hospital: how many, the first {@code named} in problem order, and their
         * warehouses in the order of their first vehicle. Counted by class (a few hundred at province scale)
         * rather than vehicle by vehicle, as it is asked for every short line.
         */
        Reaching reaching(IntPredicate classReaches, int named, IntFunction<Warehouse> warehouseOfClass) {
            int count = 0;
            List<Warehouse> sources = new ArrayList<>();
            for (Map.Entry<Integer, Integer> vehiclesOfClass : vehiclesByClass.entrySet()) {
                if (classReaches.test(vehiclesOfClass.getKey())) {
                    count += vehiclesOfClass.getValue();
                    Warehouse warehouse = warehouseOfClass.apply(vehiclesOfClass.getKey());
                    if (!sources.contains(warehouse)) {
                        sources.add(warehouse);
                    }
                }
            }
            List<Vehicle> first = new ArrayList<>(named);
            for (int i = 0; i < vehicles.size() && first.size() < Math.min(named, count); i++) {
                if (classReaches.test(reachClass[i])) {
                    first.add(vehicles.get(i));
                }
            }
            return new Reaching(count, first, sources);
        }
    }

    private record Reaching(int count, List<Vehicle> first, List<Warehouse> sources) {
    }

    /** The number of the vehicle's reach class: vehicles of one class reach the same hospitals. */
    private int classOf(Vehicle vehicle) {
        return classNumbers.computeIfAbsent(new ReachClass(vehicle), c -> {
            classSamples.add(vehicle);
            return classSamples.size() - 1;
        });
    }

    /** Whether the vehicles of a class can reach the hospital; remembered for the hospital last asked about. */
    private boolean classReaches(int reachClass, Hospital hospital) {
        if (hospital != reachHospital) {
            reachHospital = hospital;
            reaches = new Boolean[classSamples.size()];
        }
        if (reaches[reachClass] == null) {
            reaches[reachClass] = canReach(classSamples.get(reachClass), hospital);
        }
        return reaches[reachClass];
    }

    /** What decides whether a vehicle can reach a hospital in time ({@link #canReach}). */
    private record ReachClass(Warehouse warehouse, double speedKmh, long shiftFromMs, long shiftToMs, Travel travel) {
        ReachClass(Vehicle vehicle) {
            this(vehicle.warehouse(), vehicle.speedKmh(), vehicle.shiftFromMs(), vehicle.shiftToMs(), vehicle.travel());
        }
    }

    public List<Shortfall> shortfalls() {
        List<Shortfall> shortfalls = new ArrayList<>();
        for (DemandLine line : solution.getLines()) {
            long missing = line.quantity() - delivered[line.index()];
            if (missing > 0) {
                shortfalls.add(diagnose(line, missing));
            }
        }
        return shortfalls;
    }

    private Shortfall diagnose(DemandLine line, long missing) {
        Supply supply = line.supply();
        Carriers ofSupply = carriers.computeIfAbsent(supply, s -> Carriers.of(s, solution, this::classOf));
        List<Warehouse> stocking = ofSupply.stocking();
        if (stocking.isEmpty()) {
            return new Shortfall(line, missing, Shortfall.Cause.STOCK,
                    "stock: no warehouse holds any " + supply.id());
        }
        if (ofSupply.vehicles().isEmpty()) {
            return new Shortfall(line, missing, Shortfall.Cause.COLD_CHAIN, "cold-chain: " + supply.id()
                    + " needs a refrigerated vehicle and none loads at " + ids(stocking));
        }
        Reaching reaching = ofSupply.reaching(reachClass -> classReaches(reachClass, line.hospital()), IDS_NAMED,
                reachClass -> classSamples.get(reachClass).warehouse());
        if (reaching.count() == 0) {
            return new Shortfall(line, missing, Shortfall.Cause.TIME, "time: none of " + ids(ofSupply.vehicles())
                    + " can reach " + line.hospital().id() + " inside its receiving window and be back by the end of its shift");
        }
        List<Warehouse> sources = reaching.sources();
        long stock = sources.stream().mapToLong(w -> w.stockOf(supply)).sum();
        long left = sources.stream().mapToLong(w -> stockLeft.get(w).get(supply)).sum();
        if (left <= 0) {
            long higher = requested(supply, line.priority(), true);
            if (higher >= stock) {
                return new Shortfall(line, missing, Shortfall.Cause.PRIORITY, String.format(Locale.ROOT,
                        "priority: all %d %s at %s went to higher-priority lines, which asked for %d",
                        stock, supply.id(), ids(sources), higher));
            }
            return new Shortfall(line, missing, Shortfall.Cause.STOCK, String.format(Locale.ROOT,
                    "stock: %s holds %d %s for %d requested at %s priority or above; all dispatched, shortfall shared",
                    ids(sources), stock, supply.id(), requested(supply, line.priority(), false),
                    line.priority().wireName()));
        }
        if (!line.splittable() && delivered[line.index()] > 0) {
            Trip trip = tripOf(line);
            if (trip == null) {
                return new Shortfall(line, missing, Shortfall.Cause.FLEET, String.format(Locale.ROOT,
                        "fleet: the line arrives in one stop (not splittable) and %s's trip under way brought part of it",
                        committedVehicle(line)));
            }
            Vehicle bringing = trip.getVehicle();
            return new Shortfall(line, missing, Shortfall.Cause.FLEET, String.format(Locale.ROOT,
                    "fleet: the line arrives in one stop (not splittable) and %s, which brings it, %s",
                    bringing.id(), state(bringing, supply, line.hospital())));
        }
        List<String> states = reaching.first().stream()
                .map(vehicle -> vehicle.id() + " " + state(vehicle, supply, line.hospital())).toList();
        String more = reaching.count() > IDS_NAMED ? "; and " + (reaching.count() - IDS_NAMED) + " more" : "";
        return new Shortfall(line, missing, Shortfall.Cause.FLEET, String.format(Locale.ROOT,
                "fleet: %d %s left at %s, but %s%s", left, supply.id(), ids(sources), String.join("; ", states), more));
    }

    /**
     * Why a vehicle that could carry the supply brings no more of it, with the numbers: "is full (10 of
     * 10 kg)" or "is full on every trip (trip 2: 35.9 of 36 m3)" when none of its trips has room for one
     * more unit (the heaviest trip is named), "loads at wh-2, which has none left", else "has room for 40
     * but no time for a stop at ...".
     */
    private String state(Vehicle vehicle, Supply supply, Hospital hospital) {
        Warehouse warehouse = vehicle.warehouse();
        if (stockLeft.get(warehouse).get(supply) <= 0) {
            return "loads at " + warehouse.id() + ", which has none left";
        }
        List<Trip> trips = tripsByVehicle.getOrDefault(vehicle, List.of());
        long room = 0;
        Trip fullest = null;
        for (Trip trip : trips) {
            room = Math.max(room, loads.get(trip).roomFor(supply, vehicle));
            if (!trip.getDeliveries().isEmpty()
                    && (fullest == null || loads.get(trip).weightMg() > loads.get(fullest).weightMg())) {
                fullest = trip;
            }
        }
        if (room <= 0 && fullest != null) {
            String full = trips.size() > 1 ? "is full on every trip (trip " + (trips.indexOf(fullest) + 1) + ": " : "is full (";
            Load load = loads.get(fullest);
            return load.fullByWeight(supply, vehicle)
                    ? String.format(Locale.ROOT, "%s%s of %s kg)", full, amount(load.weightMg() / 1e6),
                            amount(vehicle.capacityMg() / 1e6))
                    : String.format(Locale.ROOT, "%s%s of %s m3)", full, amount(load.volumeMm3() / 1e9),
                            amount(vehicle.capacityMm3() / 1e9));
        }
        List<String> times = new ArrayList<>();
        if (hospital.windowToMs() < TimeAxis.OPEN_END) {
            times.add("window " + clock(hospital.windowFromMs()) + "-" + clock(hospital.windowToMs()));
        }
        long back = trips.stream().filter(trip -> !trip.getDeliveries().isEmpty()).mapToLong(Trip::returnMs)
                .max().orElse(vehicle.shiftFromMs());
        times.add("back at " + clock(back) + (vehicle.shiftToMs() < TimeAxis.OPEN_END
                ? ", shift ends " + clock(vehicle.shiftToMs()) : ""));
        return "has room for " + room + " but no time for a stop at " + hospital.id() + " (" + String.join("; ", times) + ")";
    }

    /** The trip that brings the line some units, or {@code null} when only trips under way do. */
    private Trip tripOf(DemandLine line) {
        if (firstTrips == null) {
            firstTrips = new HashMap<>();
            solution.getDeliveries().stream().filter(Delivery::isDispatched)
                    .forEach(delivery -> firstTrips.putIfAbsent(delivery.getLine(), delivery.getTrip()));
        }
        return firstTrips.get(line);
    }

    /** The vehicle whose trip under way brought the line's hospital some of its supply. */
    private String committedVehicle(DemandLine line) {
        return solution.getReplanning().committed().stream()
                .filter(trip -> trip.stops().stream().anyMatch(stop -> stop.hospital() == line.hospital()
                        && stop.deliver().containsKey(line.supply())))
                .map(trip -> trip.vehicle().id()).findFirst().orElseThrow();
    }

    /** Up to three decimals, trailing zeros dropped: 9, 9.5, 599.8. */
    private static String amount(double value) {
        return BigDecimal.valueOf(Math.round(value * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    /** The time of day, to the minute: 13:59. */
    private String clock(long millis) {
        return solution.getTimeAxis().toTime(millis).format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
    }


    /** Units of a supply requested at priorities above (strictly) or at-or-above the given one. */
    private long requested(Supply supply, Priority priority, boolean strictlyHigher) {
        return requestedByPriority.get(supply).entrySet().stream()
                .filter(entry -> strictlyHigher ? entry.getKey().compareTo(priority) < 0 : entry.getKey().compareTo(priority) <= 0)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether the vehicle alone could go there at the start of its shift and come back in time. */
    private static boolean canReach(Vehicle vehicle, Hospital hospital) {
        Timeline.Visit visit = Timeline.visit(vehicle, vehicle.warehouse(), vehicle.shiftFromMs(), hospital);
        return visit.startMs() <= hospital.windowToMs()
                && Timeline.returnMs(vehicle, hospital, visit.departureMs()) <= vehicle.shiftToMs();
    }

    /** A few ids, then how many more: a reason is read by a coordinator, not a list of the whole fleet. */
    private static String ids(List<?> items) {
        String named = items.stream().limit(IDS_NAMED).map(item -> item instanceof Vehicle v ? v.id() : ((Site) item).id())
                .collect(Collectors.joining(", "));
        return items.size() <= IDS_NAMED ? named : named + " and " + (items.size() - IDS_NAMED) + " more";
    }
}
