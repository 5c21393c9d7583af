// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of a driver's manifest: a supply unloaded at a stop. Manifests (CSV and workbook) list a
 * route's lines in trip, stop and load order.
 *
 * @param trip number of the trip in the vehicle's day, from 1
 * @param stop number of the stop in its trip, from 1
 */
public record ManifestLine(int trip, int stop, PlanFile.StopDto at, String supply, long quantity) {

    public static List<ManifestLine> of(PlanFile.RouteDto route) {
        List<ManifestLine> lines = new ArrayList<>();
        List<PlanFile.TripDto> trips = route.trips() == null ? List.of() : route.trips();
        for (int t = 0; t < trips.size(); t++) {
            List<PlanFile.StopDto> stops = trips.get(t).stops() == null ? List.of() : trips.get(t).stops();
            for (int s = 0; s < stops.size(); s++) {
                PlanFile.StopDto stop = stops.get(s);
                Map<String, Long> deliver = stop.deliver() == null ? Map.of() : stop.deliver();
                for (Map.Entry<String, Long> line : deliver.entrySet()) {
                    lines.add(new ManifestLine(t + 1, s + 1, stop, line.getKey(), line.getValue()));
                }
            }
        }
        return lines;
    }
}
