// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.ProblemFile.CommittedTripDto;
import org.medsupply.io.ProblemFile.ReferenceTripDto;
import org.medsupply.io.ProblemFile.TripStopDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

/**
 * Builds the problem for re-planning a plan under way (FORMAT.md, Re-planning): {@code now} = {@code at};
 * every trip of the plan that departs before {@code at} (or was committed already) joins {@code committed},
 * and its warehouse's stock drops by its load; the plan's other trips become {@code reference}; then the
 * changes, if any, are applied. The CLI's {@code replan} and the HTTP re-plan both build it here.
 */
public final class ReplanProblem {

    private ReplanProblem() {
    }

    /**
     * @param problem the problem the plan answers (it may itself be a re-planning problem)
     * @param plan    a plan of it
     * @param at      the moment of re-planning, ISO-8601 with an offset; written as given into {@code now}
     * @param patch   an RFC 6902 patch applied to the built problem, or null
     * @throws InvalidInputException when {@code at} is not a date-time, the plan names what the problem has
     *                               not, the patch fails, or the result breaks a rule (a trip loading more than
     *                               its warehouse holds, say)
     */
    public static ProblemFile build(ProblemFile problem, PlanFile plan, String at, JsonNode patch)
            throws InvalidInputException {
        OffsetDateTime moment = time(at);
        Map<String, VehicleDto> vehicles = new LinkedHashMap<>();
        problem.vehicles().forEach(vehicle -> vehicles.put(vehicle.id(), vehicle));
        Map<String, Map<String, Long>> stock = new LinkedHashMap<>();
        problem.warehouses().forEach(w -> stock.put(w.id(), new LinkedHashMap<>(w.stock() == null ? Map.of() : w.stock())));
        List<CommittedTripDto> committed = new ArrayList<>(problem.committedOrEmpty());
        Set<List<String>> already = new HashSet<>();
        committed.forEach(trip -> already.add(List.of(trip.vehicle(), trip.departure())));
        List<ReferenceTripDto> reference = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        List<RouteDto> routes = plan.routes() == null ? List.of() : plan.routes();
        for (int r = 0; r < routes.size(); r++) {
            RouteDto route = routes.get(r);
            VehicleDto vehicle = vehicles.get(route.vehicle());
            if (vehicle == null) {
                errors.add(new InputError("/routes/" + r + "/vehicle", "no vehicle " + route.vehicle() + " in the problem"));
                continue;
            }
            List<TripDto> trips = route.trips() == null ? List.of() : route.trips();
            for (int t = 0; t < trips.size(); t++) {
                TripDto trip = trips.get(t);
                List<TripStopDto> stops = stops(trip);
                OffsetDateTime departure = trip.departure() == null ? null : parseOrNull(trip.departure());
                if (departure == null) {
                    errors.add(new InputError("/routes/" + r + "/trips/" + t + "/departure",
                            "a trip needs a readable departure to be re-planned"));
                } else if (trip.isCommitted() || departure.isBefore(moment)) {
                    if (already.add(List.of(vehicle.id(), trip.departure()))) {
                        committed.add(new CommittedTripDto(vehicle.id(), trip.departure(), stops, null));
                        Map<String, Long> left = stock.get(vehicle.warehouse());
                        load(trip, stops).forEach((supply, units) -> left.merge(supply, -units, Long::sum));
                    }
                } else {
                    reference.add(new ReferenceTripDto(vehicle.id(), stops, null));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<WarehouseDto> warehouses = problem.warehouses().stream()
                .map(w -> new WarehouseDto(w.id(), w.name(), w.lat(), w.lon(), w.x(), w.y(), stock.get(w.id()),
                        w.extensions()))
                .toList();
        ProblemFile built = new ProblemFile(problem.name(), problem.start(), problem.supplies(), warehouses,
                problem.hospitals(), problem.vehicles(), problem.travel(), problem.extensions())
                .withReplanning(at, committed, reference);
        JsonNode tree = Json.MAPPER.valueToTree(built);
        return patch == null ? ProblemReader.read(tree, ProblemReader.Limits.DEFAULT)
                : ProblemPatch.apply(tree, patch, ProblemReader.Limits.DEFAULT);
    }

    /** A trip's stops as hospital and the units it delivers, zeros left out. */
    private static List<TripStopDto> stops(TripDto trip) {
        List<TripStopDto> stops = new ArrayList<>();
        for (StopDto stop : trip.stops() == null ? List.<StopDto>of() : trip.stops()) {
            Map<String, Long> deliver = new LinkedHashMap<>();
            (stop.deliver() == null ? Map.<String, Long>of() : stop.deliver()).forEach((supply, units) -> {
                if (units != null && units != 0) {
                    deliver.put(supply, units);
                }
            });
            stops.add(new TripStopDto(stop.hospital(), deliver, null));
        }
        return stops;
    }

    /** What the trip loaded: its stated load, or what its stops deliver when it states none. */
    private static Map<String, Long> load(TripDto trip, List<TripStopDto> stops) {
        if (trip.load() != null) {
            return trip.load();
        }
        Map<String, Long> load = new LinkedHashMap<>();
        stops.forEach(stop -> stop.deliver().forEach((supply, units) -> load.merge(supply, units, Long::sum)));
        return load;
    }

    private static OffsetDateTime time(String at) throws InvalidInputException {
        OffsetDateTime time = at == null ? null : parseOrNull(at);
        if (time == null) {
            throw new InvalidInputException(List.of(new InputError("/at", "'" + at + "' is not an ISO-8601 date-time"
                    + " with an offset, such as 2026-02-01T11:00:00+08:00")));
        }
        return time;
    }

    private static OffsetDateTime parseOrNull(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
