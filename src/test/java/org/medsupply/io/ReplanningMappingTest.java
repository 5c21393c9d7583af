// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.CommittedTrip;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;

/** The re-planning fields of a problem: read, mapped onto the planning model, and written back unchanged. */
class ReplanningMappingTest {

    private final ProblemFile problem = read();

    private static ProblemFile read() {
        try {
            return ProblemReader.read(ExampleProblems.text(ExampleProblems.REPLAN_EXAMPLE));
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFieldsAreWrittenBackAsRead() throws Exception {
        JsonNode written = Json.MAPPER.valueToTree(problem);
        JsonNode given = Json.MAPPER.readTree(ExampleProblems.text(ExampleProblems.REPLAN_EXAMPLE));
        for (String field : new String[] {"now", "committed", "reference"}) {
            assertThat(written.get(field)).as(field).hasToString(given.get(field).toString());
        }
        assertThat(problem.committed()).singleElement().satisfies(trip -> {
            assertThat(trip.vehicle()).isEqualTo("van-1");
            assertThat(trip.stops().get(0).deliver()).containsExactly(
                    Map.entry("ventilator", 4L), Map.entry("n95", 600L));
        });
    }

    @Test
    void committedTripsAreFactsAndNewTripsStartAfterThemAndNotBeforeNow() {
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        long now = solution.getTimeAxis().toMillis(OffsetDateTime.parse("2026-02-01T11:00:00+08:00"));
        CommittedTrip underWay = solution.getReplanning().committed().get(0);
        Vehicle van1 = solution.getVehicles().get(0);
        Vehicle van2 = solution.getVehicles().get(1);

        assertThat(underWay.vehicle()).isSameAs(van1);
        assertThat(underWay.returnMs()).as("back before now").isLessThan(now);
        assertThat(van1.shiftFromMs()).isEqualTo(now);
        assertThat(van2.shiftFromMs()).isEqualTo(now);
        assertThat(van1.maxTrips()).as("its trip under way counts toward maxTrips 2").isEqualTo(1);
        assertThat(solution.getTrips()).extracting(Trip::getId).containsExactly("unserved", "van-1#1", "van-2#1");
        assertThat(solution.getDeliveries()).extracting(Delivery::getTrip).allMatch(Trip::isUnservedPool);
    }

    @Test
    void committedUnitsCountTowardTheirLinesAndOnlyTheRestIsCutIntoDeliveries() {
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        DemandLine ventilators = solution.getLines().get(0);
        DemandLine masks = solution.getLines().get(1);

        assertThat(solution.getReplanning().committedUnits(ventilators)).isEqualTo(4);
        assertThat(solution.getReplanning().committedUnits(masks)).isEqualTo(600);
        assertThat(unitsToBring(solution, ventilators)).isEqualTo(8);
        assertThat(unitsToBring(solution, masks)).isEqualTo(200);
        assertThat(ventilators.quantity()).as("fill rates cover the whole day").isEqualTo(12);
    }

    @Test
    void referenceDeliveriesBecomeLoadsPerVehicleHospitalAndSupply() throws Exception {
        ProblemFile withGone = ProblemPatch.apply(problem, Json.MAPPER.readTree("""
                [{"op": "add", "path": "/reference/-", "value": {"vehicle": "van-7",
                  "stops": [{"hospital": "h-01", "deliver": {"n95": 5}}]}},
                 {"op": "add", "path": "/reference/-", "value": {"vehicle": "van-2",
                  "stops": [{"hospital": "h-01", "deliver": {"n95": 50, "vaccine": 0}}]}}]"""));
        DispatchSolution solution = ProblemMapper.toSolution(withGone);

        assertThat(solution.getReferenceLoads()).containsExactly(
                new ReferenceLoad(solution.getVehicles().get(1), solution.getHospitals().get(0),
                        solution.getSupplies().get(0), 250),
                new ReferenceLoad(null, solution.getHospitals().get(0), solution.getSupplies().get(0), 5));
    }

    @Test
    void deliveriesBeyondTheRequestAreOverDeliveredNotCarriedToAnotherLine() throws Exception {
        ProblemFile generous = ProblemPatch.apply(problem, Json.MAPPER.readTree(
                "[{\"op\": \"replace\", \"path\": \"/committed/0/stops/0/deliver/n95\", \"value\": 900}]"));
        DispatchSolution solution = ProblemMapper.toSolution(generous);
        DemandLine masks = solution.getLines().get(1);

        assertThat(solution.getReplanning().committedUnits(masks)).isEqualTo(800);
        assertThat(unitsToBring(solution, masks)).isZero();
    }

    @Test
    void anUnsplittableLineATripUnderWayBroughtPartOfGetsNoMoreAndSaysWhy() throws Exception {
        ProblemFile oneStop = ProblemPatch.apply(problem, Json.MAPPER.readTree(
                "[{\"op\": \"add\", \"path\": \"/hospitals/0/demands/0/splittable\", \"value\": false}]"));
        DispatchSolution solution = ProblemMapper.toSolution(oneStop);
        DemandLine ventilators = solution.getLines().get(0);

        assertThat(unitsToBring(solution, ventilators)).as("a second stop would split it").isZero();
        DispatchSolution planned = Dispatcher.solve(solution, SolverConfigs.greedyOnly(), score -> { });
        PlanFile plan = PlanWriter.toPlan(planned);
        assertThat(plan.unmet()).anySatisfy(unmet -> {
            assertThat(unmet.supply()).isEqualTo("ventilator");
            assertThat(unmet.quantity()).isEqualTo(8);
            assertThat(unmet.reason()).isEqualTo(
                    "fleet: the line arrives in one stop (not splittable) and van-1's trip under way brought part of it");
        });
        assertThat(PlanChecker.check(oneStop, plan).violations()).isEmpty();
    }

    private static long unitsToBring(DispatchSolution solution, DemandLine line) {
        return solution.getDeliveries().stream().filter(d -> d.getLine() == line).mapToLong(Delivery::getQuantity).sum();
    }
}
