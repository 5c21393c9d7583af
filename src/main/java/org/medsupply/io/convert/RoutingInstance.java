// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * What the three classic formats have in common, as read from a file: depots with their fleets,
 * customers with a demand and maybe a time window, plane coordinates, and whether arcs are rounded.
 * {@link #toProblem()} is the one place that turns it into a FORMAT.md problem, so the conventions
 * (one supply, stock covering all demand, unsplittable lines, times after {@link ClassicIds#START})
 * are the same for every format.
 *
 * @param roundNearest arcs rounded to the nearest integer (CVRPLIB) instead of double precision
 */
record RoutingInstance(String name, List<Depot> depots, List<Customer> customers, boolean roundNearest) {

    /**
     * A depot and the vehicles based there. Times are minutes after the start.
     *
     * @param capacity  units one vehicle carries
     * @param shiftFrom earliest departure (used only with a {@code shiftTo})
     * @param shiftTo   latest return (Solomon horizon, Cordeau and CVRPLIB route duration); {@code null} =
     *                  no shift
     */
    record Depot(String id, String name, double x, double y, List<String> vehicleIds, long capacity,
            double shiftFrom, Double shiftTo) {
    }

    /**
     * A customer. Times are minutes after the start.
     *
     * @param ready   window opening, {@code null} without a window
     * @param due     latest start of service, {@code null} without a window
     * @param service unloading time in minutes (0 = none)
     */
    record Customer(String id, String name, double x, double y, long demand, Double ready, Double due,
            double service) {
    }

    ProblemFile toProblem() {
        long totalDemand = customers.stream().mapToLong(Customer::demand).sum();
        List<WarehouseDto> warehouses = depots.stream()
                .map(d -> new WarehouseDto(d.id(), d.name(), null, null, d.x(), d.y(),
                        Map.of(ClassicIds.SUPPLY, totalDemand), null))
                .toList();
        List<HospitalDto> hospitals = customers.stream()
                .map(c -> new HospitalDto(c.id(), c.name(), null, null, c.x(), c.y(),
                        c.ready() == null ? null : new WindowDto(time(c.ready()), time(c.due())),
                        c.service() == 0 ? null : c.service(),
                        c.demand() == 0 ? List.of()
                                : List.of(new DemandDto(ClassicIds.SUPPLY, c.demand(), "normal", null, false, null)),
                        null))
                .toList();
        List<VehicleDto> vehicles = depots.stream()
                .flatMap(d -> d.vehicleIds().stream().map(id -> new VehicleDto(id, d.id(), (double) d.capacity(),
                        null, false, null, shift(d), null, null, null, null)))
                .toList();
        return new ProblemFile(name, time(0), List.of(ClassicIds.supply()), warehouses, hospitals, vehicles,
                new TravelDto("euclidean", null, roundNearest ? "nearest" : "none", 1.0, null, null, null, null),
                null);
    }

    private static WindowDto shift(Depot depot) {
        return depot.shiftTo() == null ? null : new WindowDto(time(depot.shiftFrom()), time(depot.shiftTo()));
    }

    /** {@code minutes} after the start as an ISO-8601 time, to the millisecond. */
    static String time(double minutes) {
        OffsetDateTime at = ClassicIds.START.plus(Duration.ofMillis(Math.round(minutes * 60_000d)));
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
