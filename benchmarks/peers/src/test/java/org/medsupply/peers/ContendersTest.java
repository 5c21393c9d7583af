// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsupply.bench.Contender;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/** Both peers, found as the quality run finds them, on small problems whose best plans are easy. */
class ContendersTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(1);
    private static final long SEED = 42;

    static Stream<Contender> contenders() {
        return ServiceLoader.load(Contender.class).stream().map(ServiceLoader.Provider::get);
    }

    /** Solves and checks that the plan agrees with an independent recomputation. */
    private static PlanFile solveConsistently(Contender contender, ProblemFile problem) {
        PlanFile plan = contender.solve(problem, TIME_LIMIT, SEED);
        assertThat(PlanConsistency.violations(problem, plan)).isEmpty();
        return plan;
    }

    @Test
    void bothPeersAreRegisteredForTheServiceLoader() {
        assertThat(contenders().map(Contender::name)).containsExactlyInAnyOrder("jsprit", "ortools");
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void servesEveryHospitalWithinItsWindow(Contender contender) {
        ProblemFile problem = PeerTestProblems.load("windows.json");

        PlanFile plan = solveConsistently(contender, problem);

        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.kpis().fillRate()).containsEntry("normal", 1.0);
        // three routes of about 50 km serve all; one trip per hospital would drive 250 km
        assertThat(plan.kpis().totalDistanceKm()).isLessThan(200);
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void servesEveryHospitalFromTwoDepots(Contender contender) {
        ProblemFile problem = PeerTestProblems.load("multi-depot.json");

        PlanFile plan = solveConsistently(contender, problem);

        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.routes()).extracting(PlanFile.RouteDto::warehouse).contains("west", "east");
        assertThat(plan.routes()).allSatisfy(route -> assertThat(route.vehicle()).startsWith(route.warehouse()));
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void servesAConvertedSolomonInstance(Contender contender) {
        ProblemFile problem = SolomonConverter.toProblem(PeerTestProblems.text("solomon-tiny.txt"));

        PlanFile plan = solveConsistently(contender, problem);

        assertThat(problem.hospitals()).hasSize(5);
        assertThat(problem.vehicles()).hasSize(3).allSatisfy(vehicle -> {
            assertThat(vehicle.capacityKg()).isEqualTo(30);
            assertThat(vehicle.shift().to()).isEqualTo("2026-01-01T03:20:00Z");
        });
        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.routes().size()).as("60 units on vehicles of 30").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void listsTheHospitalThatNoVehicleCanTakeAsUnmet(Contender contender) {
        ProblemFile problem = PeerTestProblems.load("short-fleet.json");

        PlanFile plan = solveConsistently(contender, problem);

        assertThat(plan.unmet()).singleElement().satisfies(line -> {
            assertThat(line.cause()).isEqualTo("fleet");
            assertThat(line.quantity()).isEqualTo(6);
            assertThat(line.reason()).contains(contender.name());
        });
        assertThat(plan.kpis().fillRate()).containsEntry("normal", 0.5);
        assertThat(plan.kpis().minHospitalFillRate()).containsEntry("normal", 0.0);
        assertThat(plan.feasible()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void answersWithAnEmptyPlanWhenNothingIsAsked(Contender contender) {
        ProblemFile asked = PeerTestProblems.load("short-fleet.json");
        ProblemFile problem = new ProblemFile(asked.name(), asked.start(), asked.supplies(), asked.warehouses(),
                List.of(), asked.vehicles(), asked.travel(), null);

        PlanFile plan = contender.solve(problem, TIME_LIMIT, SEED);

        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.kpis().totalDistanceKm()).isZero();
    }
}
