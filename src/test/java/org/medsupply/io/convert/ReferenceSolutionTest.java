// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.medsupply.io.convert.ConvertTestFiles.details;
import static org.medsupply.io.convert.ConvertTestFiles.text;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.convert.ReferenceSolution.Route;

/** Literature-style solutions of the small instances, recomputed on the converted problems. */
class ReferenceSolutionTest {

    private static PlanFile plan(InstanceFormat format, String instance, String solution) throws Exception {
        ProblemFile problem = format.read(text(instance), "test");
        return PlanWriter.toPlan(format.readSolution(text(solution)).applyTo(problem));
    }

    private static List<String> stops(PlanFile plan, int route) {
        return plan.routes().get(route).trips().get(0).stops().stream().map(StopDto::hospital).toList();
    }

    @Test
    void cvrplibSolutionFileReadsRoutesAndStatedCost() throws Exception {
        ReferenceSolution solution = ReferenceSolution.readCvrplib(text("five-customers.sol"));

        assertThat(solution.routes()).containsExactly(
                new Route(1, "v1", List.of("c1", "c2")),
                new Route(2, "v2", List.of("c4", "c3")),
                new Route(3, "v3", List.of("c5")));
        assertThat(solution.statedCost()).isEqualTo(41.4);
    }

    @Test
    void cordeauResultFileReadsDepotVehicleAndRoute() throws Exception {
        ReferenceSolution solution = ReferenceSolution.readCordeau(text("two-depots.res"));

        assertThat(solution.routes()).containsExactly(
                new Route(2, "depot-1-v1", List.of("c1", "c2")),
                new Route(3, "depot-2-v1", List.of("c3", "c4")));
        assertThat(solution.statedCost()).isEqualTo(32.0);
    }

    @Test
    void solomonSolutionCostsItsDoublePrecisionDistance() throws Exception {
        PlanFile plan = plan(InstanceFormat.SOLOMON, "five-customers.txt", "five-customers.sol");

        assertThat(plan.kpis().totalDistanceKm())
                .isCloseTo(ConvertTestFiles.FIVE_CUSTOMERS_SOLUTION_DISTANCE, within(0.001));
        assertThat(plan.unmet()).isEmpty();
        assertThat(stops(plan, 1)).containsExactly("c4", "c3");
        StopDto waiting = plan.routes().get(1).trips().get(0).stops().get(0);
        assertThat(waiting.start()).isEqualTo("2026-01-01T00:30:00Z"); // arrives after 1.41 min, window opens at 30
        assertThat(waiting.departure()).isEqualTo("2026-01-01T00:40:00Z");
    }

    @Test
    void cvrplibSolutionCostsItsRoundedDistance() throws Exception {
        PlanFile plan = plan(InstanceFormat.CVRPLIB, "six-nodes.vrp", "six-nodes.sol");

        assertThat(plan.kpis().totalDistanceKm()).isEqualTo(ConvertTestFiles.SIX_NODES_SOLUTION_DISTANCE);
        assertThat(plan.kpis().vehiclesUsed()).isEqualTo(3);
        assertThat(plan.routes().get(1).trips().get(0).load()).containsEntry("units", 10L);
    }

    @Test
    void cordeauSolutionDrivesFromItsOwnDepot() throws Exception {
        PlanFile plan = plan(InstanceFormat.CORDEAU, "two-depots.txt", "two-depots.res");

        assertThat(plan.kpis().totalDistanceKm()).isEqualTo(ConvertTestFiles.TWO_DEPOTS_SOLUTION_DISTANCE);
        assertThat(plan.routes().get(1).warehouse()).isEqualTo("depot-2");
        assertThat(plan.routes().get(1).trips().get(0).returnTime()).isEqualTo("2026-01-01T00:14:00Z"); // 12 + 2
    }

    @Test
    void customersNoRouteVisitsStayUnmet() throws Exception {
        ProblemFile problem = InstanceFormat.CVRPLIB.read(text("six-nodes.vrp"), "test");
        ReferenceSolution partial = ReferenceSolution.readCvrplib("Route #1: 1 2\n");

        PlanFile plan = PlanWriter.toPlan(partial.applyTo(problem));

        assertThat(plan.unmet()).extracting(PlanFile.UnmetDto::hospital).containsExactly("c3", "c4", "c5");
    }

    @Test
    void routesNamingWhatTheProblemLacksAreReportedWithTheirLine() throws Exception {
        ProblemFile problem = InstanceFormat.SOLOMON.read(text("five-customers.txt"), "test");
        ReferenceSolution wrong = ReferenceSolution.readCvrplib("Route #1: 1 2 1\nRoute #2: 9\nRoute #4: 3\n");

        InvalidInputException e = (InvalidInputException) catchThrowable(() -> wrong.applyTo(problem));

        assertThat(details(e)).containsExactly(
                "line 1: customer c1 is visited twice",
                "line 2: the problem has no customer c9",
                "line 3: the problem has no vehicle v4 (it has 3 vehicles)");
    }

    @Test
    void malformedSolutionLinesAreReported() {
        InvalidInputException cvrplib = (InvalidInputException) catchThrowable(() ->
                ReferenceSolution.readCvrplib("Route #1: 1 x\nRoute #1: 2\nTime 12\nCost abc\n"));
        InvalidInputException cordeau = (InvalidInputException) catchThrowable(() ->
                ReferenceSolution.readCordeau("32.00\n1 1 20.00 9 0 1 2\n1 1 20.00 9\n"));

        assertThat(details(cvrplib)).containsExactly(
                "line 1: 'x' is not a customer number",
                "line 2: route #1 appears twice",
                "line 3: expected \"Route #k: customers...\" or \"Cost X\", found \"Time 12\"",
                "line 4: 'abc' is not a number");
        assertThat(details(cordeau)).containsExactly(
                "line 2: the route must start and end with 0 (the depot)",
                "line 3: expected at least 6 numbers, found 4");
    }
}
