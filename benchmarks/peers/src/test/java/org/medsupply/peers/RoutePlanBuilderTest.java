// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.ProblemFile;

/** Plans written from a given visiting order, on a 3-4-5 triangle where every time is easy by hand. */
class RoutePlanBuilderTest {

    private static final ProblemFile PROBLEM = PeerTestProblems.parse("""
            {"name": "triangle", "start": "2026-03-01T08:00:00+01:00",
             "supplies": [{"id": "mask", "weightKg": 0.5, "volumeM3": 0.01},
                          {"id": "kit", "weightKg": 2, "volumeM3": 0.02}],
             "warehouses": [{"id": "depot", "x": 0, "y": 0, "stock": {"mask": 10, "kit": 10}}],
             "hospitals": [{"id": "a", "x": 3, "y": 4, "unloadMinutes": 5,
                            "window": {"from": "2026-03-01T08:10:00+01:00", "to": "2026-03-01T08:20:00+01:00"},
                            "demands": [{"supply": "mask", "quantity": 4, "priority": "high"},
                                        {"supply": "kit", "quantity": 1}]},
                           {"id": "b", "x": 3, "y": 0, "unloadMinutes": 2,
                            "demands": [{"supply": "kit", "quantity": 3,
                                         "needBy": "2026-03-01T08:15:00+01:00"}]},
                           {"id": "c", "x": 0, "y": 10,
                            "demands": [{"supply": "kit", "quantity": 2, "priority": "low"}]}],
             "vehicles": [{"id": "van", "warehouse": "depot", "capacityKg": 20},
                          {"id": "short-shift", "warehouse": "depot",
                           "shift": {"from": "2026-03-01T08:00:00+01:00", "to": "2026-03-01T08:20:00+01:00"}},
                          {"id": "idle", "warehouse": "depot"}],
             "travel": {"method": "euclidean", "minutesPerKm": 1}}
            """);

    private final RoutePlanBuilder builder = new RoutePlanBuilder(RoutingInstance.of(PROBLEM), "peer");

    @Test
    void leavesJustInTimeForTheFirstWindowAndWaitsNowhereElse() {
        PlanFile plan = builder.build(Map.of("van", List.of("a", "b")));

        TripDto trip = plan.routes().get(0).trips().get(0);
        assertThat(trip.departure()).isEqualTo("2026-03-01T08:05:00+01:00");
        assertThat(trip.stops()).extracting(StopDto::hospital, StopDto::arrival, StopDto::start, StopDto::departure)
                .containsExactly(
                        tuple("a", "2026-03-01T08:10:00+01:00",
                                "2026-03-01T08:10:00+01:00", "2026-03-01T08:15:00+01:00"),
                        tuple("b", "2026-03-01T08:19:00+01:00",
                                "2026-03-01T08:19:00+01:00", "2026-03-01T08:21:00+01:00"));
        assertThat(trip.returnTime()).isEqualTo("2026-03-01T08:24:00+01:00");
        assertThat(PlanConsistency.violations(PROBLEM, plan)).isEmpty();
    }

    @Test
    void sumsLoadsAndDistancesAndListsUnvisitedHospitalsAsUnmet() {
        PlanFile plan = builder.build(Map.of("van", List.of("a", "b"), "idle", List.of()));

        assertThat(plan.routes()).singleElement().satisfies(route -> {
            assertThat(route.vehicle()).isEqualTo("van");
            assertThat(route.warehouse()).isEqualTo("depot");
            assertThat(route.distanceKm()).isEqualTo(12.0);
        });
        TripDto trip = plan.routes().get(0).trips().get(0);
        assertThat(trip.load()).containsExactly(entry("mask", 4L), entry("kit", 4L));
        assertThat(trip.weightKg()).isEqualTo(10.0);
        assertThat(trip.volumeM3()).isCloseTo(0.12, within(1e-12));
        assertThat(trip.stops().get(0).deliver()).containsExactly(entry("mask", 4L), entry("kit", 1L));
        assertThat(plan.unmet()).singleElement().satisfies(line -> {
            assertThat(line.hospital()).isEqualTo("c");
            assertThat(line.supply()).isEqualTo("kit");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.priority()).isEqualTo("low");
            assertThat(line.cause()).isEqualTo("fleet");
            assertThat(line.reason()).isEqualTo("fleet: peer found no place for c (4.000 kg) on the 3 vehicles"
                    + " within its time limit");
        });
        assertThat(plan.kpis().totalDistanceKm()).isEqualTo(12.0);
        assertThat(plan.kpis().vehiclesUsed()).isEqualTo(1);
        assertThat(plan.kpis().fillRate()).containsExactly(entry("critical", 1.0), entry("high", 1.0),
                entry("normal", 1.0), entry("low", 0.0));
        assertThat(plan.kpis().minHospitalFillRate()).containsEntry("low", 0.0).containsEntry("normal", 1.0);
        assertThat(plan.kpis().lateLines()).as("b unloads at 08:19, needed by 08:15").isEqualTo(1);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.score()).isEqualTo("peer: 12.000 km, 1 of 3 stops unserved, 0 rules broken");
        assertThat(PlanConsistency.violations(PROBLEM, plan)).isEmpty();
    }

    @Test
    void writesARouteThatBreaksRulesAsGivenButNotAsFeasible() {
        PlanFile plan = builder.build(Map.of("short-shift", List.of("b", "c", "a")));

        // b at 08:03 until 08:05, c at 08:15.4, a at 08:22.1: after its window, and back after the shift
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.score()).endsWith("2 rules broken");
        assertThat(PlanConsistency.violations(PROBLEM, plan)).hasSize(2);
    }

    @Test
    void refusesAnAnswerThatIsNotARoutingOfThisProblem() {
        assertThatThrownBy(() -> builder.build(Map.of("van", List.of("a", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visits a");
        assertThatThrownBy(() -> builder.build(Map.of("van", List.of("a"), "idle", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visited twice");
        assertThatThrownBy(() -> builder.build(Map.of("ghost", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown vehicle ghost");
    }
}
