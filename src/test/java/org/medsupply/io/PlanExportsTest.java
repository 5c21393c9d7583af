// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** CSV manifest and GeoJSON exports of a hand-made plan. */
class PlanExportsTest {

    private static final ProblemFile PROBLEM = new ProblemFile("Wuhan east", "2026-02-01T06:00:00+08:00",
            List.of(new ProblemFile.SupplyDto("n95", "N95", 1, 0.01, null, null),
                    new ProblemFile.SupplyDto("gown", "Gown, \"large\"", 1, 0.01, null, null)),
            List.of(new ProblemFile.WarehouseDto("wh", "Depot", 30.61, 114.42, null, null, Map.of("n95", 50L), null)),
            List.of(new ProblemFile.HospitalDto("h,1", "Union", 30.58, 114.27, null, null, null, null,
                    List.of(new ProblemFile.DemandDto("n95", 40, null, null, null, null)), null),
                    new ProblemFile.HospitalDto("h2", "Tongji", 30.59, 114.26, null, null, null, null,
                            List.of(new ProblemFile.DemandDto("n95", 10, null, null, null, null)), null)),
            List.of(new ProblemFile.VehicleDto("van", "wh", null, null, null, null, null, null, null, null, null)),
            null, null);

    private static PlanFile plan() {
        Map<String, Long> first = new LinkedHashMap<>();
        first.put("n95", 30L);
        first.put("gown", 2L);
        PlanFile.StopDto union = new PlanFile.StopDto("h,1", "Union", "2026-02-01T06:20:00+08:00",
                "2026-02-01T06:20:00+08:00", "2026-02-01T06:35:00+08:00", first);
        PlanFile.StopDto tongji = new PlanFile.StopDto("h2", "Tongji", "2026-02-01T06:40:00+08:00",
                "2026-02-01T06:40:00+08:00", "2026-02-01T06:50:00+08:00", Map.of("n95", 10L));
        PlanFile.TripDto trip = new PlanFile.TripDto("2026-02-01T06:00:00+08:00", "2026-02-01T07:10:00+08:00",
                Map.of("n95", 40L, "gown", 2L), 42.0, 0.42, List.of(union, tongji));
        return new PlanFile("Wuhan east", "0hard/0soft", true,
                List.of(new PlanFile.RouteDto("van", "wh", "Depot", 30.0, List.of(trip))),
                List.of(new PlanFile.UnmetDto("h,1", "Union", "n95", "N95", 10, "normal", "stock", "stock: none left")),
                List.of(), null);
    }

    @Test
    void csvHasOneRowPerStopAndSupplyQuotedAsRfc4180() {
        String[] rows = PlanCsv.write(PROBLEM, plan()).split("\r\n", -1);
        assertThat(rows).containsExactly(
                "vehicle,trip,stop,hospital,supply,quantity,arrival,start,departure,"
                        + "warehouse,warehouseName,hospitalName,supplyName",
                "van,1,1,\"h,1\",n95,30,2026-02-01T06:20:00+08:00,2026-02-01T06:20:00+08:00,2026-02-01T06:35:00+08:00,"
                        + "wh,Depot,Union,N95",
                "van,1,1,\"h,1\",gown,2,2026-02-01T06:20:00+08:00,2026-02-01T06:20:00+08:00,2026-02-01T06:35:00+08:00,"
                        + "wh,Depot,Union,\"Gown, \"\"large\"\"\"",
                "van,1,2,h2,n95,10,2026-02-01T06:40:00+08:00,2026-02-01T06:40:00+08:00,2026-02-01T06:50:00+08:00,"
                        + "wh,Depot,Tongji,N95",
                "");
        assertThat(PlanCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PlanCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void geoJsonDrawsEachTripFromTheWarehouseAndBackInLonLatOrder() {
        JsonNode collection = PlanGeoJson.write(PROBLEM, plan());
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = collection.get("features");
        assertThat(features).hasSize(4);
        assertThat(features.get(0).at("/geometry/coordinates").toString()).isEqualTo("[114.42,30.61]");
        JsonNode union = features.get(1);
        assertThat(union.at("/properties/fillRate").asDouble()).isEqualTo(0.75);
        assertThat(union.at("/properties/delivered").asLong()).isEqualTo(30);
        JsonNode trip = features.get(3);
        assertThat(trip.at("/geometry/type").asText()).isEqualTo("LineString");
        assertThat(trip.at("/geometry/coordinates").toString())
                .isEqualTo("[[114.42,30.61],[114.27,30.58],[114.26,30.59],[114.42,30.61]]");
        assertThat(trip.at("/properties/vehicle").asText()).isEqualTo("van");
        assertThat(trip.at("/properties/warehouseName").asText()).isEqualTo("Depot");
    }

    @Test
    void geoJsonCarriesTheTravelMethodWindowsAndShiftsAMapAndTimelineNeed() {
        ProblemFile.WindowDto window = new ProblemFile.WindowDto("2026-02-01T07:00:00+08:00",
                "2026-02-01T20:00:00+08:00", null);
        ProblemFile.WindowDto shift = new ProblemFile.WindowDto("2026-02-01T06:00:00+08:00",
                "2026-02-01T22:00:00+08:00", null);
        ProblemFile.HospitalDto union = PROBLEM.hospitals().get(0);
        ProblemFile problem = new ProblemFile(PROBLEM.name(), PROBLEM.start(), PROBLEM.supplies(), PROBLEM.warehouses(),
                List.of(new ProblemFile.HospitalDto(union.id(), union.name(), union.lat(), union.lon(), null, null,
                        window, null, union.demands(), null), PROBLEM.hospitals().get(1)),
                List.of(new ProblemFile.VehicleDto("van", "wh", null, null, null, null, shift, null, null, null, null)),
                null, null);

        JsonNode collection = PlanGeoJson.write(problem, plan());

        assertThat(collection.get("travel").asText()).isEqualTo("haversine");
        assertThat(collection.at("/features/1/properties/window").toString()).isEqualTo(
                "{\"from\":\"2026-02-01T07:00:00+08:00\",\"to\":\"2026-02-01T20:00:00+08:00\"}");
        assertThat(collection.at("/features/2/properties").has("window")).isFalse();
        assertThat(collection.at("/features/3/properties/shift/to").asText()).isEqualTo("2026-02-01T22:00:00+08:00");
        assertThat(PlanGeoJson.write(PROBLEM, plan()).at("/features/3/properties").has("shift")).isFalse();
    }

    @Test
    void geoJsonGivesASiteItsFillRatePerPriorityAndLineNotOneRateAcrossSupplies() {
        ProblemFile problem = new ProblemFile("one site", PROBLEM.start(),
                List.of(new ProblemFile.SupplyDto("n95", "N95", 1, 0.01, null, null),
                        new ProblemFile.SupplyDto("antibody", "Antibody infusion", 1, 0.01, null, null)),
                PROBLEM.warehouses(),
                List.of(new ProblemFile.HospitalDto("h-uh", "University Hospital", 30.58, 114.27, null, null, null,
                        null, List.of(new ProblemFile.DemandDto("n95", 735, null, null, null, null),
                                new ProblemFile.DemandDto("antibody", 15, "critical", null, null, null)), null)),
                PROBLEM.vehicles(), null, null);
        PlanFile plan = new PlanFile("one site", "0hard/-15soft", true, List.of(),
                List.of(new PlanFile.UnmetDto("h-uh", null, "antibody", null, 15, "critical", "cold-chain", "none")),
                List.of(), null);

        JsonNode site = PlanGeoJson.write(problem, plan).at("/features/1/properties");

        assertThat(site.get("delivered").asLong()).isEqualTo(735); // of 750: one rate across supplies would be 0.98
        assertThat(site.get("fillRate").asDouble()).isZero();
        assertThat(site.get("fillRateByPriority").toString()).isEqualTo("{\"critical\":0.0,\"normal\":1.0}");
        JsonNode lines = site.get("lines");
        assertThat(lines.findValuesAsText("supply")).containsExactly("antibody", "n95");
        assertThat(lines.get(0).get("supplyName").asText()).isEqualTo("Antibody infusion");
        assertThat(lines.get(0).get("requested").asLong()).isEqualTo(15);
        assertThat(lines.get(0).get("delivered").asLong()).isZero();
        assertThat(lines.get(1).get("fillRate").asDouble()).isEqualTo(1.0);
    }
}
