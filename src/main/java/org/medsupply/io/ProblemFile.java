// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A problem file exactly as FORMAT.md defines it (the wire shape; see {@link ProblemMapper} for the
 * planning model). Optional fields are {@code null} when absent; {@code extensions} objects are
 * carried through untouched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemFile(String name, String start, List<SupplyDto> supplies, List<WarehouseDto> warehouses,
        List<HospitalDto> hospitals, List<VehicleDto> vehicles, TravelDto travel, String now,
        List<CommittedTripDto> committed, List<ReferenceTripDto> reference, JsonNode extensions) {

    /** A problem planned from {@code start}: no re-planning fields. */
    public ProblemFile(String name, String start, List<SupplyDto> supplies, List<WarehouseDto> warehouses,
            List<HospitalDto> hospitals, List<VehicleDto> vehicles, TravelDto travel, JsonNode extensions) {
        this(name, start, supplies, warehouses, hospitals, vehicles, travel, null, null, null, extensions);
    }

    /** The same problem with other re-planning fields (FORMAT.md, Re-planning). */
    public ProblemFile withReplanning(String now, List<CommittedTripDto> committed, List<ReferenceTripDto> reference) {
        return new ProblemFile(name, start, supplies, warehouses, hospitals, vehicles, travel, now, committed,
                reference, extensions);
    }

    public List<CommittedTripDto> committedOrEmpty() {
        return committed == null ? List.of() : committed;
    }

    public List<ReferenceTripDto> referenceOrEmpty() {
        return reference == null ? List.of() : reference;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupplyDto(String id, String name, double weightKg, double volumeM3, Boolean coldChain,
            JsonNode extensions) {
        public boolean isColdChain() {
            return Boolean.TRUE.equals(coldChain);
        }
    }

    /** Location is {@code lat}/{@code lon}, or {@code x}/{@code y} with euclidean travel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WarehouseDto(String id, String name, Double lat, Double lon, Double x, Double y,
            Map<String, Long> stock, JsonNode extensions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HospitalDto(String id, String name, Double lat, Double lon, Double x, Double y, WindowDto window,
            Double unloadMinutes, List<DemandDto> demands, JsonNode extensions) {
        public double unloadMinutesOrDefault() {
            return unloadMinutes == null ? 0 : unloadMinutes;
        }
    }

    /** A time window; both ends ISO-8601 with offset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WindowDto(String from, String to, JsonNode extensions) {
        public WindowDto(String from, String to) {
            this(from, to, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DemandDto(String supply, long quantity, String priority, String needBy, Boolean splittable,
            JsonNode extensions) {
        public String priorityOrDefault() {
            return priority == null ? "normal" : priority;
        }

        public boolean isSplittable() {
            return splittable == null || splittable;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VehicleDto(String id, String warehouse, Double capacityKg, Double capacityM3, Boolean refrigerated,
            Double speedKmh, WindowDto shift, Double fixedCost, Double costPerKm, Integer maxTrips,
            JsonNode extensions) {
        public boolean isRefrigerated() {
            return Boolean.TRUE.equals(refrigerated);
        }

        public double speedKmhOrDefault() {
            return speedKmh == null ? 40 : speedKmh;
        }

        public int maxTripsOrDefault() {
            return maxTrips == null ? 1 : maxTrips;
        }
    }

    /** A trip under way or done at {@code now}: kept exactly as given (FORMAT.md, Re-planning). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommittedTripDto(String vehicle, String departure, List<TripStopDto> stops, JsonNode extensions) {
    }

    /** Deliveries announced earlier on a vehicle, which the plan keeps unless a higher level gains. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferenceTripDto(String vehicle, List<TripStopDto> stops, JsonNode extensions) {
    }

    /** @param deliver units per supply id, in the order given */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TripStopDto(String hospital, Map<String, Long> deliver, JsonNode extensions) {
    }

    /**
     * {@code method}: haversine (default), euclidean or matrix. {@code round}: none or nearest
     * (euclidean). Matrices are indexed in {@code locations} order.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TravelDto(String method, Double roadFactor, String round, Double minutesPerKm,
            List<String> locations, double[][] distanceKm, double[][] durationMinutes, JsonNode extensions) {
        public String methodOrDefault() {
            return method == null ? "haversine" : method;
        }
    }
}
