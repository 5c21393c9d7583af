// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A plan file as FORMAT.md defines it. Maps keep insertion order (supplies in problem order). The
 * {@code ...Name} fields repeat the problem's names beside its ids for people reading the plan; they are
 * absent when the problem gives no name.
 *
 * @param problemRevision the revision of the problem the plan answers, for a job's problem that changes while
 *                        it is solved; {@code null} for a problem file that has no revisions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanFile(String problem, String score, Boolean feasible, List<RouteDto> routes, List<UnmetDto> unmet,
        List<LateDto> late, KpisDto kpis, Long problemRevision) {

    /** A plan of a problem file without revisions. */
    public PlanFile(String problem, String score, Boolean feasible, List<RouteDto> routes, List<UnmetDto> unmet,
            List<LateDto> late, KpisDto kpis) {
        this(problem, score, feasible, routes, unmet, late, kpis, null);
    }

    /** This plan, naming the revision of the problem it answers. */
    public PlanFile withProblemRevision(long revision) {
        return new PlanFile(problem, score, feasible, routes, unmet, late, kpis, revision);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RouteDto(String vehicle, String warehouse, String warehouseName, Double distanceKm,
            List<TripDto> trips) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** @param committed true for a trip copied from the problem's {@code committed}; absent otherwise */
    public record TripDto(Boolean committed, String departure, @JsonProperty("return") String returnTime,
            Map<String, Long> load, Double weightKg, Double volumeM3, List<StopDto> stops) {
        public TripDto(String departure, String returnTime, Map<String, Long> load, Double weightKg, Double volumeM3,
                List<StopDto> stops) {
            this(null, departure, returnTime, load, weightKg, volumeM3, stops);
        }

        public boolean isCommitted() {
            return Boolean.TRUE.equals(committed);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StopDto(String hospital, String hospitalName, String arrival, String start, String departure,
            Map<String, Long> deliver) {
    }

    /** {@code cause}: stock, fleet, time, cold-chain or priority; {@code reason} in plain words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnmetDto(String hospital, String hospitalName, String supply, String supplyName, long quantity,
            String priority, String cause, String reason) {
    }

    /**
     * A line whose last delivery starts after its {@code needBy}.
     *
     * @param start       when that last delivery starts unloading
     * @param minutesLate whole minutes from {@code needBy} to {@code start}, rounded up as the score counts them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LateDto(String hospital, String hospitalName, String supply, String supplyName, String priority,
            String needBy, String start, long minutesLate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * @param changedUnits units of the problem's {@code reference} not brought on the same vehicle; absent without
     *                     one
     */
    public record KpisDto(Double totalDistanceKm, Integer vehiclesUsed, Map<String, Double> fillRate,
            Map<String, Double> minHospitalFillRate, Integer lateLines, Long changedUnits) {
        public KpisDto(Double totalDistanceKm, Integer vehiclesUsed, Map<String, Double> fillRate,
                Map<String, Double> minHospitalFillRate, Integer lateLines) {
            this(totalDistanceKm, vehiclesUsed, fillRate, minHospitalFillRate, lateLines, null);
        }
    }
}
