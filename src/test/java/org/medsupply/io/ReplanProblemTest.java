// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The problem for re-planning a plan under way. The golden file is what the reference reading of FORMAT.md
 * (tools/replanproblem.py beside FORMAT.md) makes of the same problem, plan, time and patch.
 */
class ReplanProblemTest {

    private static final String AT = "2026-02-01T08:00:00+08:00";

    private final ProblemFile problem = problem("replan/problem.json");
    private final PlanFile plan = plan("replan/plan.json");

    private static ProblemFile problem(String resource) {
        try {
            return ProblemReader.read(ExampleProblems.text(resource));
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    private static PlanFile plan(String resource) {
        try {
            return Json.MAPPER.readValue(ExampleProblems.text(resource), PlanFile.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode patch() throws Exception {
        return Json.MAPPER.readTree(ExampleProblems.text("replan/patch.json"));
    }

    @Test
    void buildsWhatTheReferenceReadingBuilds() throws Exception {
        ProblemFile built = ReplanProblem.build(problem, plan, AT, patch());

        assertThat(Json.MAPPER.writeValueAsString(built))
                .isEqualTo(Json.MAPPER.writeValueAsString(problem("replan/expected-problem.json")));
    }

    @Test
    void tripsBeforeTheMomentAreCommittedAndTheirLoadsLeaveTheStock() throws Exception {
        ProblemFile built = ReplanProblem.build(problem, plan, AT, null);

        assertThat(built.now()).isEqualTo(AT);
        assertThat(built.committed()).extracting(ProblemFile.CommittedTripDto::vehicle, ProblemFile.CommittedTripDto::departure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("van-1", "2026-02-01T06:30:00+08:00"),
                        org.assertj.core.groups.Tuple.tuple("van-2", "2026-02-01T07:40:00+08:00"));
        assertThat(built.warehouses().get(0).stock()).containsEntry("n95", 4400L).containsEntry("ventilator", 28L)
                .containsEntry("vaccine", 250L);
        assertThat(built.reference()).singleElement().satisfies(trip -> {
            assertThat(trip.vehicle()).isEqualTo("van-1");
            assertThat(trip.stops().get(1).deliver()).as("zero quantities left out").containsOnlyKeys("n95");
        });
    }

    @Test
    void replanningAgainKeepsTheCommittedTripsOnceAndTheStockDropsOnce() throws Exception {
        ProblemFile first = ReplanProblem.build(problem, plan, AT, null);
        ProblemFile again = ReplanProblem.build(first, plan, "2026-02-01T09:00:00+08:00", null);

        assertThat(again.committed()).hasSize(3);
        assertThat(again.warehouses().get(0).stock()).containsEntry("n95", 3900L);
        assertThat(again.reference()).isEmpty();
    }

    @Test
    void errorsSayWhatIsWrong() throws Exception {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ReplanProblem.build(problem, plan, "8 o'clock", null)).errors())
                .singleElement().extracting(InputError::pointer).isEqualTo("/at");
        JsonNode badTest = Json.MAPPER.readTree("[{\"op\": \"test\", \"path\": \"/vehicles/1/id\", \"value\": \"van-6\"}]");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ReplanProblem.build(problem, plan, AT, badTest)).errors())
                .singleElement().extracting(InputError::pointer).isEqualTo("/0");
        JsonNode lowStock = Json.MAPPER.readTree("[{\"op\": \"replace\", \"path\": \"/warehouses/0/stock/ventilator\","
                + " \"value\": 0}]");
        ProblemFile scarce = ProblemPatch.apply(problem, lowStock);
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> ReplanProblem.build(scarce, plan, AT, null)).errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.pointer()).isEqualTo("/warehouses/0/stock/ventilator");
                    assertThat(error.detail()).isEqualTo("must be at least 0, not -12");
                });
    }
}
