// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A plan file as FORMAT.md defines it. Maps keep insertion order (supplies in problem order). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanFile(String problem, String score, Boolean feasible, List<RouteDto> routes, List<UnmetDto> unmet,
        KpisDto kpis) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RouteDto(String vehicle, String warehouse, Double distanceKm, List<TripDto> trips) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TripDto(String departure, @JsonProperty("return") String returnTime, Map<String, Long> load,
            Double weightKg, Double volumeM3, List<StopDto> stops) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StopDto(String hospital, String arrival, String start, String departure, Map<String, Long> deliver) {
    }

    /** {@code cause}: stock, fleet, time, cold-chain or priority; {@code reason} in plain words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnmetDto(String hospital, String supply, long quantity, String priority, String cause,
            String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KpisDto(Double totalDistanceKm, Integer vehiclesUsed, Map<String, Double> fillRate,
            Map<String, Double> minHospitalFillRate, Integer lateLines) {
    }
}
