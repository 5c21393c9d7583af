// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.CommittedTripDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.ReferenceTripDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * The problem's lists keyed by id (in file order), its travel, and the offset times are shown in. The
 * problem is taken as valid (ids unique, references resolved, times readable): the checker judges plans.
 */
record ProblemIndex(Map<String, SupplyDto> supplies, Map<String, WarehouseDto> warehouses,
        Map<String, HospitalDto> hospitals, Map<String, VehicleDto> vehicles, TravelMath travel, ZoneOffset offset,
        Double nowMinutes, Map<String, List<CommittedTripDto>> committed, List<ReferenceTripDto> reference) {

    /** Priorities from most to least urgent, as FORMAT.md lists them. */
    static final List<String> PRIORITIES = List.of("critical", "high", "normal", "low");

    static ProblemIndex of(ProblemFile problem) {
        return new ProblemIndex(byId(problem.supplies(), SupplyDto::id), byId(problem.warehouses(), WarehouseDto::id),
                byId(problem.hospitals(), HospitalDto::id), byId(problem.vehicles(), VehicleDto::id),
                new TravelMath(problem),
                problem.start() == null ? ZoneOffset.UTC : OffsetDateTime.parse(problem.start()).getOffset(),
                problem.now() == null ? null : Findings.epochMinutes(OffsetDateTime.parse(problem.now())),
                committedByVehicle(problem), problem.referenceOrEmpty());
    }

    /** The committed trips of each vehicle, in trip order; vehicles in the order first named. */
    private static Map<String, List<CommittedTripDto>> committedByVehicle(ProblemFile problem) {
        Map<String, List<CommittedTripDto>> committed = new LinkedHashMap<>();
        problem.committedOrEmpty().forEach(trip ->
                committed.computeIfAbsent(trip.vehicle(), v -> new ArrayList<>()).add(trip));
        return committed;
    }

    List<CommittedTripDto> committedOf(String vehicle) {
        return committed.getOrDefault(vehicle, List.of());
    }

    /** Units of a supply a warehouse holds (missing = 0). */
    long stock(String warehouse, String supply) {
        Map<String, Long> stock = warehouses.get(warehouse).stock();
        return stock == null ? 0 : stock.getOrDefault(supply, 0L);
    }

    /** Epoch minutes of the start of an optional window or shift, or null when it has none. */
    static Double from(WindowDto window) {
        return window == null ? null : Findings.epochMinutes(OffsetDateTime.parse(window.from()));
    }

    static Double to(WindowDto window) {
        return window == null ? null : Findings.epochMinutes(OffsetDateTime.parse(window.to()));
    }

    /** An epoch-minute time as the problem's offset shows it, to the second, for messages. */
    String show(double epochMinutes) {
        long seconds = Math.round(epochMinutes * 60);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), offset)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        orEmpty(items).forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
