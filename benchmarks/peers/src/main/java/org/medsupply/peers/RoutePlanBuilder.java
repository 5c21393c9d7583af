// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.DemandLine;
import org.medsupply.domain.Priority;
import org.medsupply.domain.TimeAxis;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.LateDto;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.PlanFile.UnmetDto;
import org.medsupply.peers.RoutingInstance.Stop;
import org.medsupply.peers.RoutingInstance.Truck;

/**
 * Turns a peer's answer, only the order in which each vehicle visits hospitals, into a FORMAT.md plan.
 * Every time, load and distance is recomputed here from the {@link RoutingInstance}, never taken from
 * the peer, so all peers are written in one convention: a vehicle leaves its depot at the start of its
 * shift, or later when it would otherwise only wait at its first stop; it unloads at
 * {@code max(arrival, window start)}. Times are printed to the millisecond. Hospitals on no route are
 * unmet with cause {@code fleet}. A route that breaks a window, a shift or a capacity is still written
 * as the peer gave it, and the plan is then marked not feasible.
 */
public final class RoutePlanBuilder {

    private final RoutingInstance instance;
    private final String solverName;

    /** {@code solverName} appears in the score and in the reasons of unmet lines. */
    public RoutePlanBuilder(RoutingInstance instance, String solverName) {
        this.instance = instance;
        this.solverName = solverName;
    }

    /**
     * Writes the plan.
     *
     * @param hospitalsByVehicle per vehicle id, the ids of the hospitals it visits in order; vehicles
     *                           missing or with an empty list stay home
     * @throws IllegalArgumentException for an unknown vehicle, a hospital that asks for nothing, or a
     *                                  hospital visited twice
     */
    public PlanFile build(Map<String, List<String>> hospitalsByVehicle) {
        Set<String> knownVehicles = new HashSet<>();
        instance.trucks().forEach(truck -> knownVehicles.add(truck.vehicle().id()));
        hospitalsByVehicle.keySet().stream().filter(id -> !knownVehicles.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("unknown vehicle " + id);
        });
        Map<Stop, Long> startMsByStop = new HashMap<>();
        List<RouteDto> routes = new ArrayList<>();
        double totalKm = 0;
        int brokenRules = 0;
        for (Truck truck : instance.trucks()) {
            List<String> hospitalIds = hospitalsByVehicle.getOrDefault(truck.vehicle().id(), List.of());
            if (hospitalIds.isEmpty()) {
                continue;
            }
            List<Stop> stops = new ArrayList<>();
            for (String hospitalId : hospitalIds) {
                Stop stop = instance.stopOf(hospitalId);
                if (stop == null || startMsByStop.containsKey(stop) || stops.contains(stop)) {
                    throw new IllegalArgumentException("vehicle " + truck.vehicle().id() + " visits " + hospitalId
                            + ", which asks for nothing or is visited twice");
                }
                stops.add(stop);
            }
            Trip trip = trip(truck, stops);
            trip.startMsByStop().forEach(startMsByStop::put);
            brokenRules += trip.brokenRules();
            totalKm += trip.distanceKm();
            routes.add(new RouteDto(truck.vehicle().id(), truck.vehicle().warehouse().id(),
                    truck.vehicle().warehouse().name(), round(trip.distanceKm()), List.of(trip.dto())));
        }
        List<UnmetDto> unmet = unmet(startMsByStop.keySet());
        int unservedStops = instance.stops().size() - startMsByStop.size();
        String score = String.format(Locale.ROOT, "%s: %.3f km, %d of %d stops unserved, %d rules broken",
                solverName, totalKm, unservedStops, instance.stops().size(), brokenRules);
        List<LateDto> late = late(startMsByStop);
        return new PlanFile(instance.solution().getName(), score, brokenRules == 0, routes, unmet, late,
                kpis(startMsByStop, round(totalKm), routes.size(), late.size()));
    }

    /** One trip as written, with what the plan needs beyond it. */
    private record Trip(TripDto dto, double distanceKm, Map<Stop, Long> startMsByStop, int brokenRules) {
    }

    private Trip trip(Truck truck, List<Stop> stops) {
        int depot = truck.depotNode();
        int t = truck.index();
        Stop first = stops.get(0);
        long clockMs = Math.max(truck.shiftFromMs(), first.windowFromMs() - instance.drivingMs(t, depot, first.node()));
        long departureMs = clockMs;
        int here = depot;
        double km = 0;
        int brokenRules = 0;
        long[] used = new long[RoutingInstance.DIMENSIONS];
        long weightMg = 0;
        long volumeMm3 = 0;
        Map<String, Long> load = new LinkedHashMap<>();
        Map<Stop, Long> startMsByStop = new LinkedHashMap<>();
        List<StopDto> stopDtos = new ArrayList<>();
        for (Stop stop : stops) {
            km += instance.distanceKm(here, stop.node());
            long arrivalMs = clockMs + instance.drivingMs(t, here, stop.node());
            long startMs = Math.max(arrivalMs, stop.windowFromMs());
            if (startMs > stop.windowToMs()) {
                brokenRules++;
            }
            clockMs = startMs + stop.hospital().unloadMs();
            here = stop.node();
            startMsByStop.put(stop, startMs);
            stopDtos.add(new StopDto(stop.hospital().id(), stop.hospital().name(), time(arrivalMs), time(startMs),
                    time(clockMs), new LinkedHashMap<>(stop.load())));
            stop.load().forEach((supply, quantity) -> load.merge(supply, quantity, Long::sum));
            weightMg += stop.weightMg();
            volumeMm3 += stop.volumeMm3();
            for (int d = 0; d < used.length; d++) {
                used[d] += stop.size()[d];
            }
        }
        km += instance.distanceKm(here, depot);
        long returnMs = clockMs + instance.drivingMs(t, here, depot);
        if (returnMs > truck.shiftToMs()) {
            brokenRules++;
        }
        for (int d = 0; d < used.length; d++) {
            if (used[d] > truck.capacity()[d]) {
                brokenRules++;
            }
        }
        TripDto dto = new TripDto(time(departureMs), time(returnMs), load, weightMg / 1e6, volumeMm3 / 1e9, stopDtos);
        return new Trip(dto, km, startMsByStop, brokenRules);
    }

    private List<UnmetDto> unmet(Set<Stop> served) {
        List<UnmetDto> unmet = new ArrayList<>();
        for (Stop stop : instance.stops()) {
            if (served.contains(stop)) {
                continue;
            }
            String reason = String.format(Locale.ROOT,
                    "fleet: %s found no place for %s (%.3f kg) on the %d vehicles within its time limit",
                    solverName, stop.hospital().id(), stop.weightMg() / 1e6, instance.trucks().size());
            for (DemandLine line : stop.lines()) {
                unmet.add(new UnmetDto(stop.hospital().id(), stop.hospital().name(), line.supply().id(),
                        line.supply().name(), line.quantity(), line.priority().wireName(), "fleet", reason));
            }
        }
        return unmet;
    }

    /** Lines of served stops that start unloading after their {@code needBy}: peers serve a stop in one visit. */
    private List<LateDto> late(Map<Stop, Long> startMsByStop) {
        List<LateDto> late = new ArrayList<>();
        startMsByStop.forEach((stop, startMs) -> {
            for (DemandLine line : stop.lines()) {
                if (line.needByMs() != null && startMs > line.needByMs()) {
                    late.add(new LateDto(stop.hospital().id(), stop.hospital().name(), line.supply().id(),
                            line.supply().name(), line.priority().wireName(), time(line.needByMs()), time(startMs),
                            TimeAxis.ceilMinutes(startMs - line.needByMs())));
                }
            }
        });
        return late;
    }

    /** Peers serve a hospital whole or not at all, so a hospital's fill rate is 1 or 0. */
    private KpisDto kpis(Map<Stop, Long> startMsByStop, double totalKm, int vehiclesUsed, int lateLines) {
        Map<Priority, long[]> requestedDelivered = new EnumMap<>(Priority.class);
        Map<Priority, Double> minHospitalFill = new EnumMap<>(Priority.class);
        for (Stop stop : instance.stops()) {
            Long startMs = startMsByStop.get(stop);
            for (DemandLine line : stop.lines()) {
                long[] counts = requestedDelivered.computeIfAbsent(line.priority(), p -> new long[2]);
                counts[0] += line.quantity();
                counts[1] += startMs == null ? 0 : line.quantity();
                if (startMs == null) {
                    minHospitalFill.put(line.priority(), 0.0);
                }
            }
        }
        Map<String, Double> fill = new LinkedHashMap<>();
        Map<String, Double> minFill = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            long[] counts = requestedDelivered.get(priority);
            fill.put(priority.wireName(), counts == null ? 1.0 : (double) counts[1] / counts[0]);
            minFill.put(priority.wireName(), minHospitalFill.getOrDefault(priority, 1.0));
        }
        return new KpisDto(totalKm, vehiclesUsed, fill, minFill, lateLines);
    }

    private String time(long ms) {
        TimeAxis axis = instance.solution().getTimeAxis();
        return axis.toTime(ms).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Distances to the micrometre: exact enough to compare with best-known values given to 0.01. */
    private static double round(double km) {
        return Math.round(km * 1e6) / 1e6;
    }
}
