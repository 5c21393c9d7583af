// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.calculator.EasyScoreCalculator;

/**
 * The score computed the slow, obvious way: replay each vehicle's day from its trip lists, without
 * shadow variables or constraint streams. Tests require it to agree with the constraint streams.
 */
public class NaiveScoreCalculator implements EasyScoreCalculator<DispatchSolution, BendableLongScore> {

    @Override
    public BendableLongScore calculateScore(DispatchSolution solution) {
        long hard = 0;
        long[] soft = new long[ScoreLevels.SOFT_LEVELS];
        Map<DemandLine, Long> unserved = new HashMap<>();
        for (Delivery delivery : solution.unservedPool().getDeliveries()) {
            unserved.merge(delivery.getLine(), delivery.getQuantity(), Long::sum);
            soft[ScoreLevels.unmet(delivery.getLine().priority())] -= delivery.getQuantity();
        }
        unserved.forEach((line, missing) ->
                soft[ScoreLevels.fairness(line.priority())] -= ConstraintNames.unfairness(line, missing));

        Map<Warehouse, Map<Supply, Long>> shipped = new HashMap<>();
        Map<DemandLine, Long> lastStart = new HashMap<>();
        Map<DemandLine, Set<String>> stopsOfUnsplittable = new HashMap<>();
        Set<Vehicle> used = new HashSet<>();
        for (Vehicle vehicle : solution.getVehicles()) {
            long clock = vehicle.shiftFromMs();
            for (Trip trip : tripsOf(solution, vehicle)) {
                List<Delivery> deliveries = trip.getDeliveries();
                if (deliveries.isEmpty()) {
                    continue;
                }
                used.add(vehicle);
                long weight = 0;
                long volume = 0;
                // the trip stops once at each of its hospitals, in the order they first appear
                Map<Hospital, Long> startAt = new LinkedHashMap<>();
                deliveries.forEach(delivery -> startAt.put(delivery.getHospital(), null));
                Site here = vehicle.warehouse();
                for (Hospital hospital : startAt.keySet()) {
                    soft[ScoreLevels.TRAVEL] -= vehicle.travelCost(here, hospital);
                    long start = Math.max(clock + vehicle.drivingMs(here, hospital), hospital.windowFromMs());
                    if (start > hospital.windowToMs()) {
                        hard -= TimeAxis.ceilMinutes(start - hospital.windowToMs());
                    }
                    startAt.put(hospital, start);
                    clock = start + hospital.unloadMs();
                    here = hospital;
                }
                for (Delivery delivery : deliveries) {
                    weight += delivery.weightMg();
                    volume += delivery.volumeMm3();
                    if (!vehicle.canCarry(delivery.getSupply())) {
                        hard -= delivery.getQuantity();
                    }
                    shipped.computeIfAbsent(vehicle.warehouse(), w -> new HashMap<>())
                            .merge(delivery.getSupply(), delivery.getQuantity(), Long::sum);
                    lastStart.merge(delivery.getLine(), startAt.get(delivery.getHospital()), Math::max);
                    if (!delivery.getLine().splittable()) {
                        stopsOfUnsplittable.computeIfAbsent(delivery.getLine(), l -> new HashSet<>())
                                .add(trip.getId() + "/" + delivery.getHospital().id());
                    }
                }
                soft[ScoreLevels.TRAVEL] -= vehicle.travelCost(here, vehicle.warehouse());
                clock += vehicle.drivingMs(here, vehicle.warehouse());
                if (clock > vehicle.shiftToMs()) {
                    hard -= TimeAxis.ceilMinutes(clock - vehicle.shiftToMs());
                }
                if (weight > vehicle.capacityMg()) {
                    hard -= (weight - vehicle.capacityMg() + 999) / 1000;
                }
                if (volume > vehicle.capacityMm3()) {
                    hard -= (volume - vehicle.capacityMm3() + 999_999) / 1_000_000;
                }
            }
        }
        for (var perWarehouse : shipped.entrySet()) {
            for (var perSupply : perWarehouse.getValue().entrySet()) {
                hard -= Math.max(0, perSupply.getValue() - perWarehouse.getKey().stockOf(perSupply.getKey()));
            }
        }
        for (var entry : lastStart.entrySet()) {
            DemandLine line = entry.getKey();
            if (line.needByMs() != null && entry.getValue() > line.needByMs()) {
                soft[ScoreLevels.LATENESS] -= TimeAxis.ceilMinutes(entry.getValue() - line.needByMs()) * line.priority().weight();
            }
        }
        for (Set<String> stops : stopsOfUnsplittable.values()) {
            hard -= stops.size() - 1;
        }
        for (Vehicle vehicle : used) {
            soft[ScoreLevels.TRAVEL] -= Math.round(vehicle.fixedCost() * 1000);
        }
        for (ReferenceLoad reference : solution.getReferenceLoads()) {
            long kept = solution.getDeliveries().stream().filter(reference::keptBy)
                    .mapToLong(Delivery::getQuantity).sum();
            soft[ScoreLevels.STABILITY] -= Math.max(0, reference.units() - kept);
        }
        return BendableLongScore.of(new long[] {hard}, soft);
    }

    private static List<Trip> tripsOf(DispatchSolution solution, Vehicle vehicle) {
        return solution.getTrips().stream().filter(trip -> trip.getVehicle() == vehicle).toList();
    }
}
