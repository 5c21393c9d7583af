// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Figures recomputed from the plan's routes and the problem alone, whatever the plan itself claims. Rate maps
 * keep priority order, most urgent first.
 *
 * @param distanceKm          total driven km of all routes (unrounded)
 * @param vehiclesUsed        distinct vehicles with at least one stop
 * @param delivered           units delivered, counting at most the requested quantity per hospital and supply
 * @param requested           units requested by all demand lines
 * @param fillRate            per priority ({@code critical}, {@code high}, {@code normal}, {@code low}):
 *                            delivered / requested, 1.0 where nothing was requested
 * @param minHospitalFillRate per priority: the lowest fill rate of any hospital with a line of it, else 1.0
 * @param lateLines           lines with a delivery starting after their {@code needBy}
 * @param changedUnits        units of the problem's {@code reference} not brought on the same vehicle; null
 *                            when the problem has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(double distanceKm, int vehiclesUsed, long delivered, long requested,
        Map<String, Double> fillRate, Map<String, Double> minHospitalFillRate, int lateLines, Long changedUnits) {

    public Summary {
        fillRate = Collections.unmodifiableMap(new LinkedHashMap<>(fillRate));
        minHospitalFillRate = Collections.unmodifiableMap(new LinkedHashMap<>(minHospitalFillRate));
    }
}
