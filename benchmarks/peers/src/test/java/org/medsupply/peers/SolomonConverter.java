// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * A Solomon VRPTW instance as a problem file: 1 minute per distance unit in double precision, one
 * supply of 1 kg per demand unit, the depot's due time as every vehicle's shift end, customers as
 * hospitals {@code c1..cN} with their ready/due window and service time, stock covering all demand.
 */
final class SolomonConverter {

    static final String START = "2026-01-01T00:00:00Z";

    private SolomonConverter() {
    }

    static ProblemFile toProblem(String text) {
        List<String> lines = text.replace("\r", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String name = lines.get(0);
        int fleetRow = lines.indexOf("VEHICLE") + 2;
        long[] fleet = numbers(lines.get(fleetRow));
        List<long[]> rows = new ArrayList<>();
        for (int i = lines.indexOf("CUSTOMER") + 2; i < lines.size(); i++) {
            rows.add(numbers(lines.get(i)));
        }
        long[] depot = rows.get(0);
        List<HospitalDto> hospitals = new ArrayList<>();
        long totalDemand = 0;
        for (long[] row : rows.subList(1, rows.size())) {
            totalDemand += row[3];
            hospitals.add(new HospitalDto("c" + row[0], null, null, null, (double) row[1], (double) row[2],
                    new WindowDto(at(row[4]), at(row[5])), (double) row[6],
                    List.of(new DemandDto("units", row[3], null, null, false, null)), null));
        }
        List<VehicleDto> vehicles = new ArrayList<>();
        for (int v = 1; v <= fleet[0]; v++) {
            vehicles.add(new VehicleDto("v" + v, "depot", (double) fleet[1], null, null, null,
                    new WindowDto(at(depot[4]), at(depot[5])), null, null, null, null));
        }
        return new ProblemFile(name, START, List.of(new SupplyDto("units", "one demand unit", 1, 0.001, null, null)),
                List.of(new WarehouseDto("depot", null, null, null, (double) depot[1], (double) depot[2],
                        Map.of("units", totalDemand), null)),
                hospitals, vehicles, new TravelDto("euclidean", null, "none", 1.0, null, null, null, null), null);
    }

    private static long[] numbers(String line) {
        return Arrays.stream(line.split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    private static String at(long minutes) {
        return OffsetDateTime.parse(START).plusMinutes(minutes).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
