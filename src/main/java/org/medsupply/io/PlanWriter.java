// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.medsupply.domain.CommittedTrip;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.Replanning;
import org.medsupply.domain.ShortfallDiagnosis;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.LateDto;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.PlanFile.UnmetDto;

/**
 * Writes a solved {@link DispatchSolution} as a FORMAT.md plan: routes with their trips and stops,
 * every shortfall with its cause and reason ({@link ShortfallDiagnosis}), and KPIs recomputed from the
 * routes. Times are printed rounded up to the whole second.
 */
public final class PlanWriter {

    private PlanWriter() {
    }

    public static PlanFile toPlan(DispatchSolution solution) {
        List<RouteDto> routes = new ArrayList<>();
        long[] delivered = solution.unitsByLine();
        Map<SiteSupply, Long> lastStartMs = new HashMap<>();
        double totalKm = 0;
        Replanning replanning = solution.getReplanning();
        Map<Vehicle, List<CommittedTrip>> committedByVehicle = replanning.committed().stream()
                .collect(Collectors.groupingBy(CommittedTrip::vehicle, IdentityHashMap::new, Collectors.toList()));
        Map<Vehicle, List<Trip>> tripsByVehicle = solution.getTrips().stream()
                .filter(trip -> !trip.isUnservedPool() && !trip.getDeliveries().isEmpty())
                .collect(Collectors.groupingBy(Trip::getVehicle, IdentityHashMap::new, Collectors.toList()));
        for (Vehicle vehicle : solution.getVehicles()) {
            List<TripDto> trips = new ArrayList<>();
            double vehicleKm = 0;
            for (CommittedTrip trip : committedByVehicle.getOrDefault(vehicle, List.of())) {
                vehicleKm += trip.distanceKm();
                trips.add(committedTrip(solution, trip, lastStartMs));
            }
            for (Trip trip : tripsByVehicle.getOrDefault(vehicle, List.of())) {
                vehicleKm += trip.distanceKm();
                trips.add(trip(solution, trip));
                for (Delivery delivery : trip.getDeliveries()) {
                    lastStartMs.merge(new SiteSupply(delivery.getHospital(), delivery.getSupply()), delivery.getStartMs(),
                            Math::max);
                }
            }
            if (!trips.isEmpty()) {
                routes.add(new RouteDto(vehicle.id(), vehicle.warehouse().id(), vehicle.warehouse().name(),
                        round(vehicleKm, 3), trips));
                totalKm += vehicleKm;
            }
        }
        List<UnmetDto> unmet = new ShortfallDiagnosis(solution, delivered).shortfalls().stream()
                .map(s -> new UnmetDto(s.line().hospital().id(), s.line().hospital().name(), s.line().supply().id(),
                        s.line().supply().name(), s.quantity(), s.line().priority().wireName(), s.cause().wireName(),
                        s.reason()))
                .toList();
        List<LateDto> late = late(solution, delivered, lastStartMs);
        KpisDto kpis = kpis(solution, delivered, round(totalKm, 3), routes.size(), late.size(),
                replanning.reference().isEmpty() ? null : changedUnits(solution));
        boolean feasible = solution.getScore() != null && solution.getScore().isFeasible();
        return new PlanFile(solution.getName(), String.valueOf(solution.getScore()), feasible, routes, unmet, late,
                kpis);
    }

    /** A hospital and a supply: what a plan's stops name, where a problem may have several lines. */
    private record SiteSupply(Hospital hospital, Supply supply) {
    }

    /**
     * The lines that got units and whose hospital's last stop bringing their supply starts after their
     * {@code needBy}, in problem order. A plan's stops name a hospital and a supply, not a line, so when a hospital
     * has several lines of one supply every such stop counts for each: the reading a checker of the plan file
     * makes too.
     */
    private static List<LateDto> late(DispatchSolution solution, long[] delivered,
            Map<SiteSupply, Long> lastStartMs) {
        List<LateDto> late = new ArrayList<>();
        for (DemandLine line : solution.getLines()) {
            Long start = lastStartMs.get(new SiteSupply(line.hospital(), line.supply()));
            if (line.needByMs() != null && start != null && start > line.needByMs()
                    && delivered[line.index()] > 0) {
                late.add(new LateDto(line.hospital().id(), line.hospital().name(), line.supply().id(),
                        line.supply().name(), line.priority().wireName(), time(solution, line.needByMs()),
                        time(solution, start), TimeAxis.ceilMinutes(start - line.needByMs())));
            }
        }
        return late;
    }

    /** Units of the announced deliveries that the plan does not bring on the same vehicle. */
    public static long changedUnits(DispatchSolution solution) {
        long changed = 0;
        for (ReferenceLoad reference : solution.getReplanning().reference()) {
            long kept = solution.getDeliveries().stream().filter(reference::keptBy)
                    .mapToLong(Delivery::getQuantity).sum();
            changed += Math.max(0, reference.units() - kept);
        }
        return changed;
    }

    /**
     * A trip under way, as given, with its times by the timing rule; its stops' starts count for the lines it
     * brings units to.
     */
    private static TripDto committedTrip(DispatchSolution solution, CommittedTrip trip,
            Map<SiteSupply, Long> lastStartMs) {
        List<StopDto> stops = new ArrayList<>();
        Map<String, Long> load = new LinkedHashMap<>();
        double weightKg = 0;
        double volumeM3 = 0;
        List<Timeline.Visit> visits = trip.visits();
        for (int i = 0; i < visits.size(); i++) {
            CommittedTrip.Stop stop = trip.stops().get(i);
            Timeline.Visit visit = visits.get(i);
            Map<String, Long> deliver = new LinkedHashMap<>();
            for (Map.Entry<Supply, Long> entry : stop.deliver().entrySet()) {
                Supply supply = entry.getKey();
                deliver.merge(supply.id(), entry.getValue(), Long::sum);
                load.merge(supply.id(), entry.getValue(), Long::sum);
                weightKg += entry.getValue() * supply.weightMg() / 1e6;
                volumeM3 += entry.getValue() * supply.volumeMm3() / 1e9;
                lastStartMs.merge(new SiteSupply(stop.hospital(), supply), visit.startMs(), Math::max);
            }
            stops.add(new StopDto(stop.hospital().id(), stop.hospital().name(), time(solution, visit.arrivalMs()),
                    time(solution, visit.startMs()), time(solution, visit.departureMs()), deliver));
        }
        return new TripDto(true, time(solution, trip.departureMs()), time(solution, trip.returnMs()), load,
                round(weightKg, 6), round(volumeM3, 9), stops);
    }

    private static TripDto trip(DispatchSolution solution, Trip trip) {
        Vehicle vehicle = trip.getVehicle();
        List<StopDto> stops = new ArrayList<>();
        Map<String, Long> load = new LinkedHashMap<>();
        double weightKg = 0;
        double volumeM3 = 0;
        List<Map<String, Long>> deliverByStop = new ArrayList<>();
        for (Delivery delivery : trip.getDeliveries()) {
            if (delivery.startsStop()) { // stop makers come in stop order
                Map<String, Long> deliver = new LinkedHashMap<>();
                deliverByStop.add(deliver);
                stops.add(new StopDto(delivery.getHospital().id(), delivery.getHospital().name(),
                        time(solution, delivery.getArrivalMs()), time(solution, delivery.getStartMs()),
                        time(solution, delivery.getDepartureMs()), deliver));
            }
        }
        for (Delivery delivery : trip.getDeliveries()) {
            deliverByStop.get(delivery.getStopNumber()).merge(delivery.getSupply().id(), delivery.getQuantity(), Long::sum);
            load.merge(delivery.getSupply().id(), delivery.getQuantity(), Long::sum);
            weightKg += delivery.weightMg() / 1e6;
            volumeM3 += delivery.volumeMm3() / 1e9;
        }
        return new TripDto(time(solution, trip.departureMs()), time(solution, trip.returnMs()), load,
                round(weightKg, 6), round(volumeM3, 9), stops);
    }

    private static KpisDto kpis(DispatchSolution solution, long[] delivered, double totalKm,
            int vehiclesUsed, int lateLines, Long changedUnits) {
        Map<Priority, long[]> byPriority = new EnumMap<>(Priority.class); // requested, delivered
        Map<Hospital, Map<Priority, long[]>> byHospital = new HashMap<>();
        for (DemandLine line : solution.getLines()) {
            long got = delivered[line.index()];
            add(byPriority.computeIfAbsent(line.priority(), p -> new long[2]), line.quantity(), got);
            add(byHospital.computeIfAbsent(line.hospital(), h -> new EnumMap<>(Priority.class))
                    .computeIfAbsent(line.priority(), p -> new long[2]), line.quantity(), got);
        }
        Map<String, Double> fill = new LinkedHashMap<>();
        Map<String, Double> minFill = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            fill.put(priority.wireName(), fillRate(byPriority.get(priority)));
            double min = 1.0;
            for (Map<Priority, long[]> hospital : byHospital.values()) {
                if (hospital.containsKey(priority)) {
                    min = Math.min(min, fillRate(hospital.get(priority)));
                }
            }
            minFill.put(priority.wireName(), min);
        }
        return new KpisDto(totalKm, vehiclesUsed, fill, minFill, lateLines, changedUnits);
    }

    private static void add(long[] counts, long requested, long delivered) {
        counts[0] += requested;
        counts[1] += delivered;
    }

    private static double fillRate(long[] counts) {
        return counts == null ? 1.0 : fillRate(counts[0], counts[1]);
    }

    /** delivered / requested, to 4 decimals; 1.0 where nothing was requested (FORMAT.md). */
    static double fillRate(long requested, long delivered) {
        return requested == 0 ? 1.0 : round((double) delivered / requested, 4);
    }

    private static String time(DispatchSolution solution, long millis) {
        long wholeSeconds = Math.floorDiv(millis + 999, 1000) * 1000;
        return solution.getTimeAxis().toTime(wholeSeconds).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
