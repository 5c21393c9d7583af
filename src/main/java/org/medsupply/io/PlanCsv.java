// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as a driver's manifest in CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, quote or line break): one row per stop and supply, in route, trip and stop order. Columns are
 * only ever appended, so spreadsheets reading them by position keep working; the last ones repeat the
 * problem's names beside the ids (empty where the problem gives none).
 */
public final class PlanCsv {

    public static final String HEADER = "vehicle,trip,stop,hospital,supply,quantity,arrival,start,departure,"
            + "warehouse,warehouseName,hospitalName,supplyName";

    private PlanCsv() {
    }

    public static String write(ProblemFile problem, PlanFile plan) {
        Map<String, String> warehouseNames = new HashMap<>();
        Map<String, String> hospitalNames = new HashMap<>();
        Map<String, String> supplyNames = new HashMap<>();
        problem.warehouses().forEach(warehouse -> warehouseNames.put(warehouse.id(), warehouse.name()));
        problem.hospitals().forEach(hospital -> hospitalNames.put(hospital.id(), hospital.name()));
        problem.supplies().forEach(supply -> supplyNames.put(supply.id(), supply.name()));
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PlanFile.RouteDto route : orEmpty(plan.routes())) {
            for (ManifestLine line : ManifestLine.of(route)) {
                PlanFile.StopDto stop = line.at();
                row(csv, route.vehicle(), String.valueOf(line.trip()), String.valueOf(line.stop()), stop.hospital(),
                        line.supply(), String.valueOf(line.quantity()), stop.arrival(), stop.start(),
                        stop.departure(), route.warehouse(), warehouseNames.get(route.warehouse()),
                        hospitalNames.get(stop.hospital()), supplyNames.get(line.supply()));
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(fields[i]));
        }
        csv.append("\r\n");
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
