// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;

class ShortfallDiagnosisTest {

    /** Seven one-box vans for a hundred boxes: the reason names a few vans, not the whole fleet. */
    @Test
    void aFleetShortfallNamesAFewVehiclesAndCountsTheRest() throws Exception {
        StringBuilder vans = new StringBuilder();
        for (int v = 1; v <= 7; v++) {
            vans.append(v > 1 ? "," : "").append("""
                    {"id": "van-%d", "warehouse": "wh", "capacityKg": 1}""".formatted(v));
        }
        String json = """
                {"name": "few vans", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "x": 0, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "h", "x": 3, "y": 4, "demands": [{"supply": "n95", "quantity": 100}]}],
                 "vehicles": [%s],
                 "travel": {"method": "euclidean"}}""".formatted(vans);
        DispatchSolution solved = Dispatcher.solve(ProblemMapper.toSolution(ProblemReader.read(json)),
                SolverConfigs.greedyOnly(), score -> { });

        PlanFile.UnmetDto unmet = PlanWriter.toPlan(solved).unmet().get(0);
        assertThat(unmet.quantity()).isEqualTo(93);
        assertThat(unmet.cause()).isEqualTo("fleet");
        assertThat(unmet.reason()).startsWith("fleet: 93 n95 left at wh, but van-1 is full (1 of 1 kg); van-2 is full")
                .endsWith("van-5 is full (1 of 1 kg); and 2 more").doesNotContain("van-6");
    }

    private static PlanFile.UnmetDto onlyShortfall(String json) throws Exception {
        DispatchSolution solved = Dispatcher.solve(ProblemMapper.toSolution(ProblemReader.read(json)),
                SolverConfigs.greedyOnly(), score -> { });
        return PlanWriter.toPlan(solved).unmet().get(0);
    }

    @Test
    void aVehicleFullOnEveryTripNamesItsHeaviestTrip() throws Exception {
        PlanFile.UnmetDto unmet = onlyShortfall("""
                {"name": "two trips", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.5}],
                 "warehouses": [{"id": "wh", "x": 0, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "h", "x": 3, "y": 4, "demands": [{"supply": "n95", "quantity": 100}]}],
                 "vehicles": [{"id": "van", "warehouse": "wh", "capacityKg": 10, "capacityM3": 2, "maxTrips": 2}],
                 "travel": {"method": "euclidean"}}""");

        assertThat(unmet.quantity()).isEqualTo(92);
        assertThat(unmet.reason()).isEqualTo("fleet: 92 n95 left at wh, but van is full on every trip (trip 1: 2 of 2 m3)");
    }

    @Test
    void aVehicleWhoseWarehouseRanOutSaysSo() throws Exception {
        PlanFile.UnmetDto unmet = onlyShortfall("""
                {"name": "two depots", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh-a", "x": 0, "y": 0, "stock": {"n95": 5}},
                                {"id": "wh-b", "x": 10, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "h", "x": 3, "y": 4, "demands": [{"supply": "n95", "quantity": 50}]}],
                 "vehicles": [{"id": "van", "warehouse": "wh-a", "capacityKg": 100},
                              {"id": "car", "warehouse": "wh-b", "capacityKg": 10}],
                 "travel": {"method": "euclidean"}}""");

        assertThat(unmet.quantity()).isEqualTo(35);
        assertThat(unmet.reason()).isEqualTo("fleet: 90 n95 left at wh-a, wh-b, but van loads at wh-a, which has none left;"
                + " car is full (10 of 10 kg)");
    }

    /** A site 30 minutes' drive from the warehouse; the vehicles are put in by each test. */
    private static final String FAR_SITE = "{\"name\": \"far site\", \"start\": \"2026-02-01T06:00:00Z\","
            + " \"supplies\": [{\"id\": \"n95\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + " \"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"n95\": 100}}],"
            + " \"hospitals\": [{\"id\": \"h\", \"x\": 0, \"y\": 30, \"demands\": [{\"supply\": \"n95\", \"quantity\": 50}]}],"
            + " \"vehicles\": [], \"travel\": {\"method\": \"euclidean\", \"minutesPerKm\": 1}}";

    /**
     * Two vans alike but for their shifts, and a third like the first: vehicles are judged by class for reach, so the
     * reason names those whose shift allows the way there and back, in problem order, and not the other.
     */
    @Test
    void onlyVehiclesWhoseShiftReachesTheSiteAreNamed() throws Exception {
        String early = """
                {"id": "early", "warehouse": "wh", "capacityKg": 100,
                 "shift": {"from": "2026-02-01T06:00:00Z", "to": "2026-02-01T06:45:00Z"}}""";
        String problem = FAR_SITE.replace("\"vehicles\": []", "\"vehicles\": [" + early + ", "
                + "{\"id\": \"day-1\", \"warehouse\": \"wh\", \"capacityKg\": 10}, "
                + "{\"id\": \"day-2\", \"warehouse\": \"wh\", \"capacityKg\": 10}]");

        PlanFile.UnmetDto unmet = onlyShortfall(problem);

        assertThat(unmet.quantity()).isEqualTo(30);
        assertThat(unmet.reason()).isEqualTo("fleet: 80 n95 left at wh, but day-1 is full (10 of 10 kg);"
                + " day-2 is full (10 of 10 kg)");
    }

    /** A van with room but whose shift ends before it could come back from the second site. */
    @Test
    void aVehicleWithRoomButNoTimeSaysWhenItIsBackAndWhenItsShiftEnds() throws Exception {
        PlanFile.UnmetDto unmet = onlyShortfall("""
                {"name": "short shift", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "x": 0, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "near", "x": 3, "y": 4, "demands": [{"supply": "n95", "quantity": 10, "priority": "high"}]},
                               {"id": "far", "x": 0, "y": 30, "demands": [{"supply": "n95", "quantity": 10}],
                                "window": {"from": "2026-02-01T06:00:00Z", "to": "2026-02-01T09:00:00Z"}}],
                 "vehicles": [{"id": "van", "warehouse": "wh", "capacityKg": 100,
                               "shift": {"from": "2026-02-01T06:00:00Z", "to": "2026-02-01T07:00:00Z"}}],
                 "travel": {"method": "euclidean", "minutesPerKm": 1}}""");

        assertThat(unmet.hospital()).isEqualTo("far");
        assertThat(unmet.cause()).isEqualTo("fleet");
        assertThat(unmet.reason()).isEqualTo("fleet: 90 n95 left at wh, but van has room for 90 but no time for a stop"
                + " at far (window 06:00-09:00; back at 06:10, shift ends 07:00)");
    }

    /** 15 one-kilogram boxes may not be split: the van takes 4 of them, and the car's 3 kg of room cannot help. */
    @Test
    void anUnsplittableLineNamesTheVehicleThatBringsIt() throws Exception {
        PlanFile.UnmetDto unmet = onlyShortfall("""
                {"name": "one stop", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh-a", "x": 0, "y": 0, "stock": {"n95": 100}},
                                {"id": "wh-b", "x": 10, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "h", "x": 3, "y": 4,
                                "demands": [{"supply": "n95", "quantity": 15, "splittable": false}]}],
                 "vehicles": [{"id": "van", "warehouse": "wh-a", "capacityKg": 4},
                              {"id": "car", "warehouse": "wh-b", "capacityKg": 3}],
                 "travel": {"method": "euclidean"}}""");

        assertThat(unmet.cause()).isEqualTo("fleet");
        assertThat(unmet.reason()).isEqualTo("fleet: the line arrives in one stop (not splittable) and van, which brings it,"
                + " is full (4 of 4 kg)");
    }
}
