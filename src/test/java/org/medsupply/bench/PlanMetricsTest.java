// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

/** Plan figures read from hand-written problem and plan files. */
class PlanMetricsTest {

    /** 12 ventilators for 25 asked: A asks 5 high (listed first) and 10 critical, B 10 critical; masks ample. */
    static final ProblemFile PROBLEM = new ProblemFile("short of ventilators", "2026-02-01T06:00:00+08:00",
            List.of(new SupplyDto("ventilator", "Ventilator", 45, 0.35, null, null),
                    new SupplyDto("mask", "Mask box", 1, 0.01, null, null)),
            List.of(new WarehouseDto("wh", "Depot", 0.0, 0.0, null, null, Map.of("ventilator", 12L, "mask", 100L),
                    null)),
            List.of(hospital("A", demand("ventilator", 5, "high"), demand("ventilator", 10, "critical"),
                            demand("mask", 20, null)),
                    hospital("B", demand("ventilator", 10, "critical"))),
            List.of(vehicle("van", "wh", false)), null, null);

    /** Trip 1 stops at A, B and A again; trip 2 at B; A gets 10 ventilators, B 2. */
    static final PlanFile PLAN = new PlanFile("short of ventilators", "0hard/0soft", true,
            List.of(new RouteDto("van", "wh", null, 42.5, List.of(
                    trip(stop("A", Map.of("ventilator", 8L, "mask", 20L)), stop("B", Map.of("ventilator", 1L)),
                            stop("A", Map.of("ventilator", 2L))),
                    trip(stop("B", Map.of("ventilator", 1L)))))),
            List.of(), List.of(), new KpisDto(42.5, 1, null, null, 0));

    @Test
    void unitsCountAgainstTheMostUrgentLineFirst() {
        PlanMetrics metrics = PlanMetrics.of(PROBLEM, PLAN);
        assertThat(metrics.deliveredByPriority()).containsExactly(entry("critical", 12L), entry("high", 0L),
                entry("normal", 20L), entry("low", 0L));
    }

    @Test
    void fairnessCoversTheShortSuppliesOnly() {
        assertThat(PlanMetrics.shortSupplies(PROBLEM)).containsExactly("ventilator");
        PlanFairness.Score critical = PlanMetrics.of(PROBLEM, PLAN).fairnessByPriority().get("critical");
        // A 10 of 10, B 2 of 10: 12² / (20 · (10 + 0.4)); shared 6 and 6 it would be 1
        assertThat(critical.planJain()).isCloseTo(144.0 / 208, within(1e-12));
        assertThat(critical.referenceJain()).isCloseTo(1.0, within(1e-12));
        assertThat(PlanMetrics.of(PROBLEM, PLAN).fairnessByPriority().get("high").groups()).isZero();
    }

    @Test
    void fairnessWithinReachLeavesOutTheHospitalsThePlanDoesNotStopAt() {
        PlanFile onlyA = new PlanFile("short of ventilators", "0hard/0soft", true,
                List.of(new RouteDto("van", "wh", null, 10.0, List.of(trip(stop("A", Map.of("ventilator", 10L)))))),
                List.of(), List.of(), new KpisDto(10.0, 1, null, null, 0));
        PlanMetrics metrics = PlanMetrics.of(PROBLEM, onlyA);
        // A 10 of 10, B (not visited) 0 of 10
        assertThat(metrics.fairnessByPriority().get("critical").planJain()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.fairnessWithinReach().get("critical").planJain()).isCloseTo(1.0, within(1e-12));
        assertThat(PlanMetrics.lines(PROBLEM, onlyA)).extracting(PlanFairness.Line::reached)
                .containsExactly(true, true, true, false);
    }

    /** A stop reaches only the lines its trip could bring: not a supply its warehouse lacks, nor a cold one unrefrigerated. */
    @Test
    void aLineIsReachedByAStopOfATripThatCouldBringItsSupply() {
        ProblemFile twoDepots = new ProblemFile("two depots", "2026-02-01T06:00:00+08:00",
                List.of(new SupplyDto("ventilator", "Ventilator", 45, 0.35, null, null),
                        new SupplyDto("vaccine", "Vaccine tray", 4, 0.02, true, null)),
                List.of(new WarehouseDto("wh", "Depot", 0.0, 0.0, null, null, Map.of("ventilator", 12L, "vaccine", 5L), null),
                        new WarehouseDto("wh2", "Annex", 0.0, 0.0, null, null, Map.of("ventilator", 0L), null)),
                List.of(hospital("A", demand("ventilator", 10, "critical"), demand("vaccine", 5, "critical")),
                        hospital("B", demand("ventilator", 10, "critical"))),
                List.of(vehicle("van", "wh", false), vehicle("van2", "wh2", false)), null, null);
        PlanFile plan = new PlanFile("two depots", "0hard/0soft", true, List.of(
                new RouteDto("van", "wh", null, 10.0, List.of(trip(stop("A", Map.of("ventilator", 10L))))),
                new RouteDto("van2", "wh2", null, 10.0, List.of(trip(stop("B", Map.of()))))),
                List.of(), List.of(), new KpisDto(20.0, 2, null, null, 0));

        // A's ventilators come on the van; its vaccine needs a refrigerated vehicle; wh2 holds no ventilators for B
        assertThat(PlanMetrics.lines(twoDepots, plan)).extracting(PlanFairness.Line::reached)
                .containsExactly(true, false, false);
        PlanFairness.Score critical = PlanMetrics.of(twoDepots, plan).fairnessWithinReach().get("critical");
        assertThat(critical.planJain()).isCloseTo(1.0, within(1e-12));
        assertThat(PlanMetrics.of(twoDepots, plan).fairnessByPriority().get("critical").reachedShare())
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aTripBackToAHospitalItAlreadyStoppedAtIsOneRepeat() {
        PlanMetrics metrics = PlanMetrics.of(PROBLEM, PLAN);
        assertThat(metrics.repeatStops()).isEqualTo(1); // A, B, A; B on another trip is no repeat
        assertThat(metrics.maxStopsAtOneHospital()).isEqualTo(2);
        assertThat(metrics.totalKm()).isEqualTo(42.5);
        assertThat(metrics.vehiclesUsed()).isEqualTo(1);
    }

    private static HospitalDto hospital(String id, DemandDto... demands) {
        return new HospitalDto(id, id, 0.1, 0.1, null, null, null, null, List.of(demands), null);
    }

    private static VehicleDto vehicle(String id, String warehouse, boolean refrigerated) {
        return new VehicleDto(id, warehouse, 1000.0, 10.0, refrigerated, null, null, null, null, null, null);
    }

    private static DemandDto demand(String supply, long quantity, String priority) {
        return new DemandDto(supply, quantity, priority, null, null, null);
    }

    static TripDto trip(StopDto... stops) {
        return new TripDto(null, null, null, null, null, List.of(stops));
    }

    static StopDto stop(String hospital, Map<String, Long> deliver) {
        return new StopDto(hospital, null, null, null, null, deliver);
    }
}
