// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.HandPlans.loadAll;
import static org.medsupply.testing.HandPlans.trip;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.Timeline;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

class StopAddingTest {

    /**
     * h1 (3-4-5 from the warehouse) and h2 (5 km north) ask 10 masks each, at high priority; the warehouse
     * holds 10, all on the van's trip to h1. One minute per km, so the van reaches h2 first at 06:05 or after
     * h1 at 06:08.
     */
    private static final String PROBLEM = "{\"start\": \"2026-02-01T06:00:00Z\","
            + "\"supplies\": [{\"id\": \"mask\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"mask\": 10}}],"
            + "\"hospitals\": ["
            + " {\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10, \"priority\": \"high\"}]},"
            + " {\"id\": \"h2\", \"x\": 0, \"y\": 5WINDOW, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10, \"priority\": \"high\"}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 100}],"
            + "\"travel\": {\"method\": \"euclidean\", \"minutesPerKm\": 1}}";

    private static Map<String, Long> delivered(DispatchSolution plan) {
        return plan.getDeliveries().stream().filter(Delivery::isDispatched).collect(Collectors.groupingBy(
                d -> d.getHospital().id(), Collectors.summingLong(Delivery::getQuantity)));
    }

    private static DispatchSolution allToH1(ProblemFile problem) {
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        loadAll(plan, "van#1", "h1", "mask");
        return plan;
    }

    @Test
    void aStarvedSiteGetsAStopAndTheTripsLoadIsShared() throws Exception {
        ProblemFile problem = ProblemReader.read(PROBLEM.replace("WINDOW", ""));
        DispatchSolution plan = allToH1(problem);
        BendableLongScore before = addOneStopAndShare(plan);

        assertThat(delivered(plan)).containsOnly(Map.entry("h1", 5L), Map.entry("h2", 5L));
        // h2 first: it lies on the way out, so the van is back soonest
        assertThat(trip(plan, "van#1").getDeliveries().stream().map(d -> d.getHospital().id()).distinct())
                .containsExactly("h2", "h1");
        assertSameHighUnitsFairerAndChecked(problem, plan, before);
    }

    /** Adds one stop to the plan and shares the loads again; the plan's score before. */
    private static BendableLongScore addOneStopAndShare(DispatchSolution plan) {
        BendableLongScore before = new NaiveScoreCalculator().calculateScore(plan);
        assertThat(StopAdding.add(plan)).isEqualTo(1);
        LoadSharing.share(plan);
        Timeline.connect(plan.getTrips());
        return before;
    }

    /** High units as before, high fairness better, feasible and passing the checker; the plan's score now. */
    private static BendableLongScore assertSameHighUnitsFairerAndChecked(ProblemFile problem, DispatchSolution plan,
            BendableLongScore before) {
        BendableLongScore after = new NaiveScoreCalculator().calculateScore(plan);
        assertThat(after.softScore(ScoreLevels.unmet(Priority.HIGH))).isEqualTo(before.softScore(ScoreLevels.unmet(Priority.HIGH)));
        assertThat(after.softScore(ScoreLevels.fairness(Priority.HIGH)))
                .isGreaterThan(before.softScore(ScoreLevels.fairness(Priority.HIGH)));
        plan.setScore(after);
        assertThat(after.isFeasible()).isTrue();
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(plan)).violations()).isEmpty();
        return after;
    }

    @Test
    void noStopIsAddedWhereTheVanCannotArriveInTheWindow() throws Exception {
        // h2 receives until 06:04; the van cannot be there before 06:05
        ProblemFile problem = ProblemReader.read(PROBLEM.replace("WINDOW",
                ", \"window\": {\"from\": \"2026-02-01T06:00:00Z\", \"to\": \"2026-02-01T06:04:00Z\"}"));
        DispatchSolution plan = allToH1(problem);

        assertThat(StopAdding.add(plan)).isZero();
        assertThat(delivered(plan)).containsOnly(Map.entry("h1", 10L));
        assertThat(plan.unservedPool().getDeliveries()).allMatch(d -> d.getHospital().id().equals("h2"));
    }

    /**
     * h1 (3, 4) and h3 (-3, 4) ask 10 masks each at high priority, g (4, -3) 5 gloves at GLOVES priority. The
     * van's shift ends at 06:18: its trip to h1 and g (17.1 min) leaves no time for h3 too (23.1 min), but
     * h1 and h3 alone take 16 min.
     */
    private static final String NO_TIME = "{\"start\": \"2026-02-01T06:00:00Z\","
            + "\"supplies\": [{\"id\": \"mask\", \"weightKg\": 1, \"volumeM3\": 0.001},"
            + " {\"id\": \"glove\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"mask\": 10, \"glove\": 5}}],"
            + "\"hospitals\": ["
            + " {\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10, \"priority\": \"high\"}]},"
            + " {\"id\": \"h3\", \"x\": -3, \"y\": 4, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10, \"priority\": \"high\"}]},"
            + " {\"id\": \"g\", \"x\": 4, \"y\": -3, \"demands\": [{\"supply\": \"glove\", \"quantity\": 5, \"priority\": \"GLOVES\"}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 100,"
            + " \"shift\": {\"from\": \"2026-02-01T06:00:00Z\", \"to\": \"2026-02-01T06:18:00Z\"}}],"
            + "\"travel\": {\"method\": \"euclidean\", \"minutesPerKm\": 1}}";

    private static DispatchSolution masksToH1AndGlovesToG(ProblemFile problem) {
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        loadAll(plan, "van#1", "h1", "mask");
        loadAll(plan, "van#1", "g", "glove");
        return plan;
    }

    @Test
    void withoutTimeForOneMoreStopALessUrgentStopGivesWay() throws Exception {
        ProblemFile problem = ProblemReader.read(NO_TIME.replace("GLOVES", "low"));
        DispatchSolution plan = masksToH1AndGlovesToG(problem);
        BendableLongScore before = addOneStopAndShare(plan);

        assertThat(delivered(plan)).containsOnly(Map.entry("h1", 5L), Map.entry("h3", 5L));
        BendableLongScore after = assertSameHighUnitsFairerAndChecked(problem, plan, before);
        assertThat(after.softScore(ScoreLevels.unmet(Priority.LOW))).isEqualTo(before.softScore(ScoreLevels.unmet(Priority.LOW)) - 5);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aMoreUrgentStopDoesNotGiveWay() throws Exception {
        ProblemFile problem = ProblemReader.read(NO_TIME.replace("GLOVES", "critical"));
        DispatchSolution plan = masksToH1AndGlovesToG(problem);

        assertThat(StopAdding.add(plan)).isZero();
        assertThat(delivered(plan)).containsOnly(Map.entry("h1", 10L), Map.entry("g", 5L));
    }
}
