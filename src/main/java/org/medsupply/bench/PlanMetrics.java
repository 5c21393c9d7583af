// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;

/**
 * What a plan does with scarce supplies, read from the problem and plan files alone (FORMAT.md), so the
 * figures mean the same whatever solver wrote the plan. A plan's deliveries name a hospital and a supply, not
 * a line; where a hospital has several lines for one supply, units count against its most urgent line first,
 * then in file order, as the project's checker counts them.
 *
 * @param deliveredByPriority   units delivered per priority, most urgent first
 * @param fairnessByPriority    how evenly each priority's share of the short supplies is spread
 * @param fairnessWithinReach   the same over the reached lines (a trip that could bring the supply stops at
 *                              the hospital): how evenly the plan shares what its stops could bring,
 *                              whatever the fleet does not reach
 * @param repeatStops           stops at a hospital the same trip already stopped at, over all trips
 * @param maxStopsAtOneHospital the most stops any one hospital gets in the whole plan
 * @param totalKm               the plan's {@code kpis.totalDistanceKm}
 * @param vehiclesUsed          the plan's {@code kpis.vehiclesUsed}
 */
public record PlanMetrics(Map<String, Long> deliveredByPriority, Map<String, PlanFairness.Score> fairnessByPriority,
        Map<String, PlanFairness.Score> fairnessWithinReach, int repeatStops, int maxStopsAtOneHospital, double totalKm, int vehiclesUsed) {

    /** FORMAT.md's priorities, most urgent first. */
    public static final List<String> PRIORITIES = List.of("critical", "high", "normal", "low");

    private record HospitalSupply(String hospital, String supply) {
    }

    /** @param plan a plan of {@code problem} with its {@code kpis} */
    public static PlanMetrics of(ProblemFile problem, PlanFile plan) {
        List<PlanFairness.Line> lines = lines(problem, plan);
        Map<String, Long> delivered = new LinkedHashMap<>();
        PRIORITIES.forEach(priority -> delivered.put(priority, 0L));
        lines.forEach(line -> delivered.merge(line.priority(), line.delivered(), Long::sum));
        Set<String> shortSupplies = shortSupplies(problem);
        return new PlanMetrics(delivered, PlanFairness.byPriority(lines, shortSupplies, PRIORITIES),
                PlanFairness.byPriority(lines.stream().filter(PlanFairness.Line::reached).toList(), shortSupplies,
                        PRIORITIES),
                repeatStops(plan), maxStopsAtOneHospital(plan), plan.kpis().totalDistanceKm(),
                plan.kpis().vehiclesUsed());
    }

    /** Supplies whose total stock is below their total demand. */
    static Set<String> shortSupplies(ProblemFile problem) {
        Map<String, Long> balance = new HashMap<>(); // stock minus demand
        problem.warehouses().stream().filter(warehouse -> warehouse.stock() != null).forEach(warehouse ->
                warehouse.stock().forEach((supply, units) -> balance.merge(supply, units, Long::sum)));
        problem.hospitals().forEach(hospital -> hospital.demands().forEach(demand ->
                balance.merge(demand.supply(), -demand.quantity(), Long::sum)));
        return balance.entrySet().stream().filter(supply -> supply.getValue() < 0).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Every demand line with the units the plan's stops bring it, and whether a trip that could bring it stops there. */
    static List<PlanFairness.Line> lines(ProblemFile problem, PlanFile plan) {
        Map<HospitalSupply, Long> undistributed = new HashMap<>();
        Set<HospitalSupply> reached = new HashSet<>();
        Map<String, Set<String>> carriedByVehicle = carriedByVehicle(problem);
        plan.routes().forEach(route -> route.trips().forEach(trip -> trip.stops().forEach(stop -> {
            carriedByVehicle.get(route.vehicle()).forEach(supply -> reached.add(new HospitalSupply(stop.hospital(), supply)));
            stop.deliver().forEach((supply, units) ->
                    undistributed.merge(new HospitalSupply(stop.hospital(), supply), units, Long::sum));
        })));
        List<PlanFairness.Line> lines = new ArrayList<>();
        for (HospitalDto hospital : problem.hospitals()) {
            List<DemandDto> mostUrgentFirst = new ArrayList<>(hospital.demands());
            mostUrgentFirst.sort(Comparator.comparingInt(demand -> PRIORITIES.indexOf(demand.priorityOrDefault())));
            for (DemandDto demand : mostUrgentFirst) {
                HospitalSupply key = new HospitalSupply(hospital.id(), demand.supply());
                long left = undistributed.getOrDefault(key, 0L);
                long delivered = Math.min(left, demand.quantity());
                undistributed.put(key, left - delivered);
                lines.add(new PlanFairness.Line(demand.supply(), demand.priorityOrDefault(), demand.quantity(),
                        delivered, reached.contains(key)));
            }
        }
        return lines;
    }

    /** Per vehicle, the supplies it could bring: its warehouse holds some, and cold chain only if refrigerated. */
    private static Map<String, Set<String>> carriedByVehicle(ProblemFile problem) {
        Map<String, Set<String>> heldByWarehouse = new HashMap<>();
        problem.warehouses().forEach(warehouse -> heldByWarehouse.put(warehouse.id(), warehouse.stock() == null ? Set.of()
                : warehouse.stock().entrySet().stream().filter(stock -> stock.getValue() > 0).map(Map.Entry::getKey)
                        .collect(Collectors.toSet())));
        Set<String> coldChain = problem.supplies().stream().filter(SupplyDto::isColdChain).map(SupplyDto::id)
                .collect(Collectors.toSet());
        Map<String, Set<String>> carried = new HashMap<>();
        problem.vehicles().forEach(vehicle -> carried.put(vehicle.id(), heldByWarehouse.get(vehicle.warehouse()).stream()
                .filter(supply -> vehicle.isRefrigerated() || !coldChain.contains(supply)).collect(Collectors.toSet())));
        return carried;
    }

    static int repeatStops(PlanFile plan) {
        int[] repeats = {0};
        forEachTrip(plan, stops -> {
            Set<String> visited = new HashSet<>();
            stops.forEach(stop -> repeats[0] += visited.add(stop.hospital()) ? 0 : 1);
        });
        return repeats[0];
    }

    static int maxStopsAtOneHospital(PlanFile plan) {
        Map<String, Integer> stopsPerHospital = new HashMap<>();
        forEachTrip(plan, stops -> stops.forEach(stop -> stopsPerHospital.merge(stop.hospital(), 1, Integer::sum)));
        return stopsPerHospital.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Calls {@code tripStops} with the stops of each trip of the plan, in order. */
    private static void forEachTrip(PlanFile plan, Consumer<List<StopDto>> tripStops) {
        plan.routes().forEach(route -> route.trips().stream().map(TripDto::stops).forEach(tripStops));
    }
}
