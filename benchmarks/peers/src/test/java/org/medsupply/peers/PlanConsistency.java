// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.PlanFile.UnmetDto;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

/**
 * An independent reading of a plan against its problem, written for the euclidean test problems with
 * {@code minutesPerKm} (as the classic instances are): recomputes distances, times, loads and what is
 * delivered or listed unmet, and lists every disagreement. Times may differ by 1 ms (rounding).
 */
final class PlanConsistency {

    private static final double TIME_TOLERANCE_MINUTES = 0.001;

    private final ProblemFile problem;
    private final Map<String, HospitalDto> hospitals = new HashMap<>();
    private final Map<String, WarehouseDto> warehouses = new HashMap<>();
    private final Map<String, VehicleDto> vehicles = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    private PlanConsistency(ProblemFile problem) {
        this.problem = problem;
        problem.hospitals().forEach(h -> hospitals.put(h.id(), h));
        problem.warehouses().forEach(w -> warehouses.put(w.id(), w));
        problem.vehicles().forEach(v -> vehicles.put(v.id(), v));
    }

    /** Everything wrong with {@code plan}; empty when it is consistent and complete. */
    static List<String> violations(ProblemFile problem, PlanFile plan) {
        PlanConsistency check = new PlanConsistency(problem);
        check.check(plan);
        return check.violations;
    }

    private void check(PlanFile plan) {
        Map<String, Long> delivered = new HashMap<>();
        double totalKm = 0;
        for (RouteDto route : plan.routes()) {
            VehicleDto vehicle = vehicles.get(route.vehicle());
            double routeKm = 0;
            for (TripDto trip : route.trips()) {
                routeKm += checkTrip(vehicle, trip, delivered);
            }
            expectClose(route.vehicle() + " distanceKm", route.distanceKm(), routeKm, 1e-5);
            totalKm += routeKm;
        }
        expectClose("kpis.totalDistanceKm", plan.kpis().totalDistanceKm(), totalKm, 1e-5);
        if (plan.kpis().vehiclesUsed() != plan.routes().size()) {
            violations.add("kpis.vehiclesUsed " + plan.kpis().vehiclesUsed() + " for " + plan.routes().size()
                    + " routes");
        }
        Map<String, Long> unmet = new HashMap<>();
        for (UnmetDto line : plan.unmet()) {
            unmet.merge(line.hospital() + "/" + line.supply(), line.quantity(), Long::sum);
        }
        for (HospitalDto hospital : problem.hospitals()) {
            for (ProblemFile.DemandDto demand : hospital.demands()) {
                String key = hospital.id() + "/" + demand.supply();
                long got = delivered.getOrDefault(key, 0L);
                long missing = unmet.getOrDefault(key, 0L);
                if (got + missing != demand.quantity()) {
                    violations.add(key + ": " + got + " delivered + " + missing + " unmet != " + demand.quantity());
                }
            }
        }
    }

    /** Checks one trip and returns its distance. */
    private double checkTrip(VehicleDto vehicle, TripDto trip, Map<String, Long> delivered) {
        WarehouseDto warehouse = warehouses.get(vehicle.warehouse());
        String where = vehicle.id() + " trip";
        OffsetDateTime clock = time(trip.departure());
        if (vehicle.shift() != null && clock.isBefore(time(vehicle.shift().from()))) {
            violations.add(where + " leaves before its shift");
        }
        double x = warehouse.x();
        double y = warehouse.y();
        double km = 0;
        long loadUnits = 0;
        for (StopDto stop : trip.stops()) {
            HospitalDto hospital = hospitals.get(stop.hospital());
            double legKm = distance(x, y, hospital.x(), hospital.y());
            km += legKm;
            OffsetDateTime earliest = clock.plus(minutes(legKm * problem.travel().minutesPerKm()));
            expectAtLeast(where + " arrival at " + hospital.id(), time(stop.arrival()), earliest);
            OffsetDateTime start = time(stop.start());
            expectAtLeast(where + " start at " + hospital.id(), start, time(stop.arrival()));
            if (hospital.window() != null) {
                expectAtLeast(where + " start at " + hospital.id() + " vs window", start,
                        time(hospital.window().from()));
                expectAtLeast(where + " window end of " + hospital.id(), time(hospital.window().to()), start);
            }
            expectClose(where + " unloading at " + hospital.id(),
                    minutesBetween(start, time(stop.departure())), hospital.unloadMinutesOrDefault(),
                    TIME_TOLERANCE_MINUTES);
            for (Map.Entry<String, Long> entry : stop.deliver().entrySet()) {
                delivered.merge(hospital.id() + "/" + entry.getKey(), entry.getValue(), Long::sum);
                loadUnits += entry.getValue();
            }
            clock = time(stop.departure());
            x = hospital.x();
            y = hospital.y();
        }
        double backKm = distance(x, y, warehouse.x(), warehouse.y());
        km += backKm;
        expectAtLeast(where + " return", time(trip.returnTime()), clock.plus(minutes(backKm)));
        if (vehicle.shift() != null) {
            expectAtLeast(where + " shift end", time(vehicle.shift().to()), time(trip.returnTime()));
        }
        long tripLoad = trip.load().values().stream().mapToLong(Long::longValue).sum();
        if (tripLoad != loadUnits) {
            violations.add(where + " load " + tripLoad + " but stops deliver " + loadUnits);
        }
        if (vehicle.capacityKg() != null && trip.weightKg() > vehicle.capacityKg()) {
            violations.add(where + " carries " + trip.weightKg() + " kg over " + vehicle.capacityKg());
        }
        return km;
    }

    private double distance(double x1, double y1, double x2, double y2) {
        double d = Math.hypot(x1 - x2, y1 - y2);
        return "nearest".equals(problem.travel().round()) ? Math.floor(d + 0.5) : d;
    }

    private void expectAtLeast(String what, OffsetDateTime actual, OffsetDateTime bound) {
        if (minutesBetween(bound, actual) < -TIME_TOLERANCE_MINUTES) {
            violations.add(what + ": " + actual + " is before " + bound);
        }
    }

    private void expectClose(String what, double actual, double expected, double tolerance) {
        if (Math.abs(actual - expected) > tolerance) {
            violations.add(what + ": " + actual + " but recomputed " + expected);
        }
    }

    private static OffsetDateTime time(String iso) {
        return OffsetDateTime.parse(iso);
    }

    private static Duration minutes(double minutes) {
        return Duration.ofNanos(Math.round(minutes * 60e9));
    }

    private static double minutesBetween(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toNanos() / 60e9;
    }
}
