// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.testing.TestSolving;

/** Problems under problems/tiny whose best plan is known by hand. */
class TinyProblemsTest {

    private static ProblemFile problem(String name) throws Exception {
        return ProblemReader.read(Path.of("problems/tiny", name + ".json"));
    }

    private static PlanFile solve(String name) throws Exception {
        PlanFile plan = PlanWriter.toPlan(TestSolving.solve(problem(name)));
        assertThat(plan.feasible()).isTrue();
        return plan;
    }

    /** Units delivered per hospital and supply, summed over all stops. */
    private static Map<String, Long> delivered(PlanFile plan) {
        Map<String, Long> delivered = new HashMap<>();
        plan.routes().forEach(route -> route.trips().forEach(trip -> trip.stops().forEach(stop ->
                stop.deliver().forEach((supply, units) -> delivered.merge(stop.hospital() + "/" + supply, units, Long::sum)))));
        return delivered;
    }

    @Test
    void roundTripVisitsBothSitesOnTheShortestTour() throws Exception {
        PlanFile plan = solve("round-trip");
        assertThat(plan.kpis().totalDistanceKm()).isEqualTo(18.0); // 5 + 8 + 5
        assertThat(plan.routes()).singleElement().satisfies(route -> assertThat(route.trips()).hasSize(1));
        assertThat(plan.unmet()).isEmpty();
    }

    @Test
    void scarceStockIsSharedEquallyBetweenEqualSites() throws Exception {
        PlanFile plan = solve("fair-share");
        assertThat(delivered(plan)).containsEntry("h1/n95", 5L).containsEntry("h2/n95", 5L);
        assertThat(plan.unmet()).allSatisfy(unmet -> assertThat(unmet.cause()).isEqualTo("stock"));
        assertThat(plan.kpis().minHospitalFillRate().get("high")).isEqualTo(0.5);
    }

    @Test
    void littleStockAgainstBigAsksIsAllShippedInProportion() throws Exception {
        PlanFile plan = solve("big-ask"); // 30 in stock for asks of 5,000 and 2,000
        assertThat(delivered(plan)).containsEntry("h1/n95", 21L).containsEntry("h2/n95", 9L);
        assertThat(plan.unmet()).hasSize(2).allSatisfy(unmet -> {
            assertThat(unmet.cause()).isEqualTo("stock");
            assertThat(unmet.reason()).contains("30 n95");
        });
    }

    @Test
    void criticalDemandIsServedBeforeLowDemand() throws Exception {
        PlanFile plan = solve("priority-first");
        assertThat(delivered(plan)).containsEntry("h1/n95", 8L).containsEntry("h2/n95", 2L);
        assertThat(plan.unmet()).singleElement().satisfies(unmet -> {
            assertThat(unmet.quantity()).isEqualTo(8);
            assertThat(unmet.cause()).isEqualTo("stock");
        });
    }

    @Test
    void vaccineWithoutRefrigeratedVehicleIsUnmetForColdChain() throws Exception {
        PlanFile plan = solve("cold-chain");
        assertThat(delivered(plan)).containsEntry("h1/n95", 5L).doesNotContainKey("h1/vaccine");
        assertThat(plan.unmet()).singleElement().satisfies(unmet -> {
            assertThat(unmet.supply()).isEqualTo("vaccine");
            assertThat(unmet.cause()).isEqualTo("cold-chain");
        });
    }

    @Test
    void siteClosingBeforeAnyoneArrivesIsUnmetForTime() throws Exception {
        PlanFile plan = solve("window-out-of-reach");
        assertThat(delivered(plan)).containsEntry("near/n95", 2L).doesNotContainKey("far/n95");
        assertThat(plan.unmet()).singleElement().satisfies(unmet -> assertThat(unmet.cause()).isEqualTo("time"));
    }

    @Test
    void vanReloadsForASecondTrip() throws Exception {
        PlanFile plan = solve("two-trips");
        assertThat(delivered(plan)).containsEntry("h1/n95", 15L);
        assertThat(plan.routes().get(0).trips()).hasSize(2);
        assertThat(plan.kpis().totalDistanceKm()).isEqualTo(20.0);
    }

    @Test
    void fullVanLeavesTheRestUnmetForFleet() throws Exception {
        PlanFile plan = solve("fleet-full");
        assertThat(delivered(plan)).containsEntry("h1/n95", 10L);
        assertThat(plan.unmet()).singleElement().satisfies(unmet -> {
            assertThat(unmet.quantity()).isEqualTo(5);
            assertThat(unmet.cause()).isEqualTo("fleet");
            assertThat(unmet.reason()).contains("van");
        });
    }
}
