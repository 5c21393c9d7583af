// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.ProblemFile.CommittedTripDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.VehicleDto;

/**
 * Drives every route again: each trip leaves its vehicle's warehouse at its stated departure, each stop is
 * reached after the travel time from the previous one, starts when the vehicle is there and the window is
 * open, and ends after the unload time; the vehicle returns after the drive back. Checks the stated times,
 * windows, shifts, trip order, loads, capacities, cold chain, stock and km against that, and collects what
 * each stop delivers for the demand-side checks.
 */
final class RouteWalk {

    /** Slack on times, in minutes (printed plans round to the second; the reference checker's 1.01). */
    static final double TOLERANCE_MINUTES = 1.01;

    private final ProblemIndex problem;
    private final Findings findings;
    private final List<Drop> drops = new ArrayList<>();
    private final Set<String> vehiclesSeen = new HashSet<>();
    private final Set<String> vehiclesWithStops = new LinkedHashSet<>();
    /** Units shipped so far per warehouse, then per supply. */
    private final Map<String, Map<String, Long>> shipped = new HashMap<>();
    private double totalKm;
    private double routeKm;
    private boolean routeKmKnown;
    private boolean routeHasStops;

    private RouteWalk(ProblemIndex problem, Findings findings) {
        this.problem = problem;
        this.findings = findings;
    }

    static RouteWalk walk(ProblemIndex problem, List<RouteDto> routes, Findings findings) {
        RouteWalk walk = new RouteWalk(problem, findings);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) != null) {
                walk.route(routes.get(i), Pointer.child("/routes", i));
            }
        }
        problem.committed().forEach((vehicle, trips) -> {
            if (!walk.vehiclesSeen.contains(vehicle)) {
                findings.add(Rule.COMMITTED, "/routes", vehicle + " has " + trips.size()
                        + " committed trip(s), but no route in the plan");
            }
        });
        return walk;
    }

    /** What known hospitals received, in plan order. */
    List<Drop> drops() {
        return drops;
    }

    /** Recomputed km of all routes of known vehicles. */
    double totalKm() {
        return totalKm;
    }

    int vehiclesUsed() {
        return vehiclesWithStops.size();
    }

    private void route(RouteDto route, String at) {
        if (!findings.present(route.vehicle(), at + "/vehicle")) {
            return;
        }
        VehicleDto vehicle = problem.vehicles().get(route.vehicle());
        if (vehicle == null) {
            findings.add(Rule.UNKNOWN_ID, at + "/vehicle", "no vehicle " + route.vehicle() + " in the problem");
            return;
        }
        if (!vehiclesSeen.add(vehicle.id())) {
            findings.add(Rule.DUPLICATE_VEHICLE, at + "/vehicle", "vehicle " + vehicle.id() + " has a route already");
        }
        if (findings.present(route.warehouse(), at + "/warehouse") && !route.warehouse().equals(vehicle.warehouse())) {
            findings.add(Rule.WAREHOUSE, at + "/warehouse", "vehicle " + vehicle.id() + " loads at "
                    + vehicle.warehouse() + ", not " + route.warehouse());
        }
        List<TripDto> trips = findings.present(route.trips(), at + "/trips") ? route.trips() : List.of();
        if (trips.size() > vehicle.maxTripsOrDefault()) {
            findings.add(Rule.MAX_TRIPS, at + "/trips", trips.size() + " trips, but vehicle " + vehicle.id()
                    + " may make " + vehicle.maxTripsOrDefault());
        }
        List<CommittedTripDto> committed = problem.committedOf(vehicle.id());
        long marked = trips.stream().filter(trip -> trip != null && trip.isCommitted()).count();
        if (marked != committed.size()) {
            findings.add(Rule.COMMITTED, at + "/trips", vehicle.id() + ": the plan marks " + marked
                    + " trip(s) committed, the problem commits " + committed.size());
        }
        routeKm = 0;
        routeKmKnown = true;
        routeHasStops = false;
        Double previousReturn = null;
        for (int i = 0; i < trips.size(); i++) {
            if (trips.get(i) != null) {
                previousReturn = trip(vehicle, trips.get(i), Pointer.child(at + "/trips", i),
                        vehicle.id() + " trip " + (i + 1), previousReturn,
                        i < committed.size() ? committed.get(i) : null);
            }
        }
        if (findings.present(route.distanceKm(), at + "/distanceKm") && routeKmKnown
                && !closeKm(route.distanceKm(), routeKm)) {
            findings.add(Rule.DISTANCE, at + "/distanceKm", vehicle.id() + ": distanceKm says "
                    + Findings.number(route.distanceKm()) + " km, its trips drive " + Findings.number(routeKm) + " km");
        }
        if (!routeHasStops) {
            findings.add(Rule.IDLE_ROUTE, at, "vehicle " + vehicle.id()
                    + " makes no stop; routes list only vehicles that move");
        }
        totalKm += routeKm;
    }

    /**
     * Checks one trip, named {@code who} in messages ("van-1 trip 2"); returns when the vehicle is back
     * (stated, else recomputed, else null).
     *
     * @param kept the committed trip the problem puts at this place in the vehicle's day, or null: such a trip
     *             must be kept exactly, and is not judged by today's windows, shifts, capacities or stock
     */
    private Double trip(VehicleDto vehicle, TripDto trip, String at, String who, Double previousReturn,
            CommittedTripDto kept) {
        Double departure = findings.minutes(trip.departure(), at + "/departure");
        Double returned = findings.minutes(trip.returnTime(), at + "/return");
        Double shiftFrom = kept != null ? null : ProblemIndex.from(vehicle.shift());
        Double shiftTo = kept != null ? null : ProblemIndex.to(vehicle.shift());
        if (kept != null && !keptExactly(trip, kept)) {
            findings.add(Rule.COMMITTED, at, who + " is committed in the problem (departing " + kept.departure()
                    + "), but not kept exactly: same departure, stops in order and quantities, marked committed");
        } else if (kept == null && trip.isCommitted()) {
            findings.add(Rule.COMMITTED, at + "/committed", who + " is marked committed, but the problem commits "
                    + problem.committedOf(vehicle.id()).size() + " trip(s) of " + vehicle.id());
        }
        if (kept == null && departure != null && problem.nowMinutes() != null
                && departure < problem.nowMinutes() - TOLERANCE_MINUTES) {
            findings.add(Rule.BEFORE_NOW, at + "/departure", who + " departs " + trip.departure()
                    + " before now, " + problem.show(problem.nowMinutes()) + "; only committed trips may");
        }
        if (departure != null && previousReturn != null && departure < previousReturn - TOLERANCE_MINUTES) {
            findings.add(Rule.TRIP_ORDER, at + "/departure", who + " departs " + trip.departure()
                    + " before the previous trip is back at " + problem.show(previousReturn));
        }
        if (departure != null && shiftFrom != null && departure < shiftFrom - TOLERANCE_MINUTES) {
            findings.add(Rule.SHIFT, at + "/departure", who + " departs " + trip.departure() + " before the shift of "
                    + vehicle.id() + " starts at " + vehicle.shift().from());
        }
        String here = vehicle.warehouse();
        Double clock = departure;
        Map<String, Long> load = new LinkedHashMap<>();
        List<StopDto> stops = findings.present(trip.stops(), at + "/stops") ? trip.stops() : List.of();
        for (int i = 0; i < stops.size(); i++) {
            StopDto stop = stops.get(i);
            if (stop == null) {
                continue;
            }
            vehiclesWithStops.add(vehicle.id());
            routeHasStops = true;
            String stopAt = Pointer.child(at + "/stops", i);
            HospitalDto hospital = hospital(stop, stopAt);
            Double arrival = drive(vehicle, here, hospital == null ? null : hospital.id(), clock);
            Stated stated = new Stated(findings.minutes(stop.arrival(), stopAt + "/arrival"),
                    findings.minutes(stop.start(), stopAt + "/start"),
                    findings.minutes(stop.departure(), stopAt + "/departure"));
            String stopWho = who + " stop " + (i + 1) + " (" + stop.hospital() + ")";
            clock = hospital == null ? null : stopTimes(hospital, stop, stopAt, stopWho, arrival, stated, kept == null);
            deliveries(vehicle, hospital, stop, stopAt, stated.start(), load, kept != null);
            here = hospital == null ? null : hospital.id();
        }
        clock = drive(vehicle, here, vehicle.warehouse(), clock);
        compareTime(who, "return", clock, returned, trip.returnTime(), at + "/return");
        if (returned != null && shiftTo != null && returned > shiftTo + TOLERANCE_MINUTES) {
            findings.add(Rule.SHIFT, at + "/return", who + " is back " + trip.returnTime() + " after the shift of "
                    + vehicle.id() + " ends at " + vehicle.shift().to());
        }
        tripFigures(vehicle, trip, at, who, load, kept == null);
        return returned != null ? returned : clock;
    }

    /** Same departure, the same hospitals in the same order, the same quantities (zeros aside). */
    private static boolean keptExactly(TripDto trip, CommittedTripDto kept) {
        List<StopDto> stops = ProblemIndex.orEmpty(trip.stops());
        if (!trip.isCommitted() || trip.departure() == null || stops.size() != kept.stops().size()
                || !Findings.sameInstant(trip.departure(), kept.departure())) {
            return false;
        }
        for (int i = 0; i < stops.size(); i++) {
            StopDto stop = stops.get(i);
            if (stop == null || !kept.stops().get(i).hospital().equals(stop.hospital()) || stop.deliver() == null
                    || !withoutZeros(stop.deliver()).equals(withoutZeros(kept.stops().get(i).deliver()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds a leg's km to the route and returns when the vehicle, leaving at {@code clock}, gets there; null
     * when the clock is unknown, or either end is (then the route's km are unknown too).
     */
    private Double drive(VehicleDto vehicle, String from, String to, Double clock) {
        if (from == null || to == null) {
            routeKmKnown = false;
            return null;
        }
        routeKm += problem.travel().distanceKm(from, to);
        return clock == null ? null : clock + problem.travel().durationMinutes(from, to, vehicle.speedKmhOrDefault());
    }

    private HospitalDto hospital(StopDto stop, String at) {
        if (!findings.present(stop.hospital(), at + "/hospital")) {
            return null;
        }
        HospitalDto hospital = problem.hospitals().get(stop.hospital());
        if (hospital == null) {
            findings.add(Rule.UNKNOWN_ID, at + "/hospital", "no hospital " + stop.hospital() + " in the problem");
        }
        return hospital;
    }

    /** A stop's times as the plan states them, in epoch minutes; null where missing or unreadable. */
    private record Stated(Double arrival, Double start, Double departure) {
    }

    /**
     * Checks a stop's stated times against those recomputed from {@code arrival} (null when unknown, then
     * only the window is checked); returns the recomputed departure.
     */
    private Double stopTimes(HospitalDto hospital, StopDto stop, String at, String who, Double arrival,
            Stated stated, boolean windowJudged) {
        Double opens = ProblemIndex.from(hospital.window());
        Double closes = ProblemIndex.to(hospital.window());
        Double start = arrival == null ? null : opens == null ? arrival : Math.max(arrival, opens);
        Double departure = start == null ? null : start + hospital.unloadMinutesOrDefault();
        compareTime(who, "arrival", arrival, stated.arrival(), stop.arrival(), at + "/arrival");
        compareTime(who, "start", start, stated.start(), stop.start(), at + "/start");
        compareTime(who, "departure", departure, stated.departure(), stop.departure(), at + "/departure");
        if (windowJudged && stated.start() != null && opens != null
                && (stated.start() < opens - TOLERANCE_MINUTES || stated.start() > closes + TOLERANCE_MINUTES)) {
            findings.add(Rule.WINDOW, at + "/start", who + ": unloading starts " + stop.start()
                    + ", outside its window " + hospital.window().from() + " .. " + hospital.window().to());
        }
        return departure;
    }

    private void compareTime(String who, String what, Double recomputed, Double stated, String statedText,
            String at) {
        if (recomputed != null && stated != null && Math.abs(stated - recomputed) > TOLERANCE_MINUTES) {
            findings.add(Rule.TIMES, at, who + ": " + what + " says " + statedText
                    + ", the drive and unload times give " + problem.show(recomputed));
        }
    }

    /** @param committed whether the stop is on a committed trip: loaded before now, its cold chain not judged */
    private void deliveries(VehicleDto vehicle, HospitalDto hospital, StopDto stop, String at, Double start,
            Map<String, Long> load, boolean committed) {
        if (!findings.present(stop.deliver(), at + "/deliver")) {
            return;
        }
        for (Map.Entry<String, Long> entry : stop.deliver().entrySet()) {
            String deliverAt = Pointer.child(at + "/deliver", entry.getKey());
            SupplyDto supply = problem.supplies().get(entry.getKey());
            Long quantity = entry.getValue();
            if (supply == null) {
                findings.add(Rule.UNKNOWN_ID, deliverAt, "no supply " + entry.getKey() + " in the problem");
            } else if (quantity == null || quantity < 0) {
                findings.add(Rule.QUANTITY, deliverAt, "quantity must be a non-negative whole number, not " + quantity);
            } else if (quantity > 0) {
                load.merge(supply.id(), quantity, Long::sum);
                if (!committed) {
                    ship(vehicle.warehouse(), supply.id(), quantity, deliverAt);
                }
                if (!committed && supply.isColdChain() && !vehicle.isRefrigerated()) {
                    findings.add(Rule.COLD_CHAIN, deliverAt, supply.id() + " needs the cold chain, but vehicle "
                            + vehicle.id() + " is not refrigerated");
                }
                if (hospital != null) {
                    drops.add(new Drop(vehicle.id(), committed, hospital.id(), supply.id(), quantity, start,
                            deliverAt));
                }
            }
        }
    }

    /** Counts units out of a warehouse; reported once, where the running total first exceeds the stock. */
    private void ship(String warehouse, String supply, long quantity, String at) {
        long total = shipped.computeIfAbsent(warehouse, w -> new HashMap<>()).merge(supply, quantity, Long::sum);
        long stock = problem.stock(warehouse, supply);
        if (total > stock && total - quantity <= stock) {
            findings.add(Rule.STOCK, at, "warehouse " + warehouse + " holds " + stock + " " + supply
                    + ", its vehicles ship " + total + " by this stop");
        }
    }

    private void tripFigures(VehicleDto vehicle, TripDto trip, String at, String who, Map<String, Long> load,
            boolean capacityJudged) {
        double kg = 0;
        double m3 = 0;
        for (Map.Entry<String, Long> entry : load.entrySet()) {
            SupplyDto supply = problem.supplies().get(entry.getKey());
            kg += entry.getValue() * supply.weightKg();
            m3 += entry.getValue() * supply.volumeM3();
        }
        if (capacityJudged && exceeds(kg, vehicle.capacityKg())) {
            findings.add(Rule.CAPACITY_KG, at + "/load", who + " carries " + Findings.number(kg) + " kg, the vehicle"
                    + " takes " + Findings.number(vehicle.capacityKg()) + " kg");
        }
        if (capacityJudged && exceeds(m3, vehicle.capacityM3())) {
            findings.add(Rule.CAPACITY_M3, at + "/load", who + " carries " + Findings.number(m3) + " m3, the vehicle"
                    + " takes " + Findings.number(vehicle.capacityM3()) + " m3");
        }
        if (findings.present(trip.load(), at + "/load") && !withoutZeros(trip.load()).equals(load)) {
            findings.add(Rule.LOAD, at + "/load", who + ": load says " + trip.load() + ", its stops deliver "
                    + load);
        }
        if (findings.present(trip.weightKg(), at + "/weightKg") && !closeFigure(trip.weightKg(), kg)) {
            findings.add(Rule.WEIGHT, at + "/weightKg", who + ": weightKg says " + Findings.number(trip.weightKg())
                    + " kg, its deliveries weigh " + Findings.number(kg) + " kg");
        }
        if (findings.present(trip.volumeM3(), at + "/volumeM3") && !closeFigure(trip.volumeM3(), m3)) {
            findings.add(Rule.VOLUME, at + "/volumeM3", who + ": volumeM3 says " + Findings.number(trip.volumeM3())
                    + " m3, its deliveries take " + Findings.number(m3) + " m3");
        }
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> load) {
        Map<String, Long> nonZero = new LinkedHashMap<>();
        load.forEach((supply, quantity) -> {
            if (quantity == null || quantity != 0) {
                nonZero.put(supply, quantity);
            }
        });
        return nonZero;
    }

    /** Over capacity beyond floating-point noise, as the reference checker judges it; null is unlimited. */
    private static boolean exceeds(double amount, Double capacity) {
        return capacity != null && amount > capacity * (1 + 1e-9) + 1e-6;
    }

    /** Km agree within 0.5 % (earth radius, rounding) or 50 m, as the reference checker judges them. */
    static boolean closeKm(double stated, double recomputed) {
        double larger = Math.max(Math.abs(stated), Math.abs(recomputed));
        return Math.abs(stated - recomputed) <= Math.max(0.05, 0.005 * larger);
    }

    /** Weights and volumes agree within 0.01 % (unit weights rounded to mg, volumes to mm³) or 1e-6. */
    private static boolean closeFigure(double stated, double recomputed) {
        double larger = Math.max(Math.abs(stated), Math.abs(recomputed));
        return Math.abs(stated - recomputed) <= Math.max(1e-6, 1e-4 * larger);
    }
}
