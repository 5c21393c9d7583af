// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/**
 * Checks a plan against its problem. This version checks references (vehicles, warehouses,
 * hospitals, supplies), that each trip's {@code load} is the sum of its stops, and warehouse stock;
 * the complete checker replaces it.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    public static PlanFile readPlan(String json) throws InvalidInputException {
        try {
            PlanFile plan = Json.MAPPER.readValue(json, PlanFile.class);
            if (plan == null) {
                throw new InvalidInputException(List.of(new InputError("", "the document is empty or null")));
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new InputError("", "not a plan file: malformed JSON or wrong types")));
        }
    }

    public static CheckReport check(ProblemFile problem, PlanFile plan) {
        Map<String, ProblemFile.VehicleDto> vehicles = byId(problem.vehicles(), ProblemFile.VehicleDto::id);
        Map<String, ProblemFile.WarehouseDto> warehouses = byId(problem.warehouses(), ProblemFile.WarehouseDto::id);
        Map<String, ProblemFile.HospitalDto> hospitals = byId(problem.hospitals(), ProblemFile.HospitalDto::id);
        Map<String, ProblemFile.SupplyDto> supplies = byId(problem.supplies(), ProblemFile.SupplyDto::id);
        List<Violation> violations = new ArrayList<>();
        Map<String, Map<String, Long>> shipped = new HashMap<>();
        int trips = 0;
        int stops = 0;
        long units = 0;
        List<PlanFile.RouteDto> routes = plan.routes() == null ? List.of() : plan.routes();
        for (int r = 0; r < routes.size(); r++) {
            PlanFile.RouteDto route = routes.get(r);
            String routePointer = "/routes/" + r;
            ProblemFile.VehicleDto vehicle = vehicles.get(route.vehicle());
            if (vehicle == null) {
                violations.add(new Violation("reference", routePointer + "/vehicle", "unknown vehicle '" + route.vehicle() + "'"));
                continue;
            }
            List<PlanFile.TripDto> tripList = route.trips() == null ? List.of() : route.trips();
            for (int t = 0; t < tripList.size(); t++) {
                trips++;
                String tripPointer = routePointer + "/trips/" + t;
                Map<String, Long> delivered = new HashMap<>();
                List<PlanFile.StopDto> stopList = tripList.get(t).stops() == null ? List.of() : tripList.get(t).stops();
                for (int s = 0; s < stopList.size(); s++) {
                    stops++;
                    PlanFile.StopDto stop = stopList.get(s);
                    if (!hospitals.containsKey(stop.hospital())) {
                        violations.add(new Violation("reference", tripPointer + "/stops/" + s + "/hospital",
                                "unknown hospital '" + stop.hospital() + "'"));
                    }
                    Map<String, Long> deliver = stop.deliver() == null ? Map.of() : stop.deliver();
                    for (Map.Entry<String, Long> entry : deliver.entrySet()) {
                        if (!supplies.containsKey(entry.getKey())) {
                            violations.add(new Violation("reference", tripPointer + "/stops/" + s + "/deliver",
                                    "unknown supply '" + entry.getKey() + "'"));
                        }
                        delivered.merge(entry.getKey(), entry.getValue(), Long::sum);
                        units += entry.getValue();
                    }
                }
                Map<String, Long> load = tripList.get(t).load() == null ? Map.of() : tripList.get(t).load();
                if (!load.equals(delivered)) {
                    violations.add(new Violation("load", tripPointer + "/load",
                            "load " + load + " differs from the sum of the stops " + delivered));
                }
                delivered.forEach((supply, quantity) -> shipped.computeIfAbsent(vehicle.warehouse(), w -> new HashMap<>())
                        .merge(supply, quantity, Long::sum));
            }
        }
        shipped.forEach((warehouseId, bySupply) -> bySupply.forEach((supply, quantity) -> {
            ProblemFile.WarehouseDto warehouse = warehouses.get(warehouseId);
            long stock = warehouse == null || warehouse.stock() == null ? 0 : warehouse.stock().getOrDefault(supply, 0L);
            if (quantity > stock) {
                violations.add(new Violation("stock", "/routes", "warehouse " + warehouseId + " ships " + quantity
                        + " " + supply + " but holds " + stock));
            }
        }));
        return new CheckReport(violations, new CheckReport.Summary(routes.size(), trips, stops, units));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items == null ? Map.of() : items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
