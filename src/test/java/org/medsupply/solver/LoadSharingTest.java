// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.HandPlans.load;
import static org.medsupply.testing.HandPlans.trip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.Timeline;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

class LoadSharingTest {

    /**
     * Boxes of 1 kg, plenty in stock; h1 and h2 ask 100 each, h3 asks 10 masks. Lines are cut into chunks
     * 2, 4, 8, 16, 32, 38 (boxes; an unsplittable line is one chunk) and 1, 2, 3, 4 (masks), placed on trips by hand below.
     */
    private static final String PROBLEM = "{\"start\": \"2026-02-01T06:00:00+08:00\","
            + "\"supplies\": [{\"id\": \"box\", \"weightKg\": 1, \"volumeM3\": 0.001},"
            + " {\"id\": \"mask\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"box\": 1000, \"mask\": 100}}],"
            + "\"hospitals\": ["
            + " {\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"box\", \"quantity\": 100, \"priority\": \"P1\"}]},"
            + " {\"id\": \"h2\", \"x\": 6, \"y\": 8, \"demands\": [{\"supply\": \"box\", \"quantity\": 100, \"priority\": \"P2\"S2}]},"
            + " {\"id\": \"h3\", \"x\": 0, \"y\": 5, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 60},"
            + " {\"id\": \"car\", \"warehouse\": \"wh\", \"capacityKg\": 200}],"
            + "\"travel\": {\"method\": \"euclidean\"}}";

    private static ProblemFile problem(String h1Priority, String h2Priority, String h2Extra) throws Exception {
        return ProblemReader.read(PROBLEM.replace("P1", h1Priority).replace("P2", h2Priority).replace("S2", h2Extra));
    }

    /** Units each hospital gets on each trip, as "trip hospital supply" -> units. */
    private static Map<String, Long> carried(DispatchSolution plan) {
        return plan.getDeliveries().stream().filter(Delivery::isDispatched).collect(Collectors.groupingBy(
                d -> d.getTrip().getId() + " " + d.getHospital().id() + " " + d.getSupply().id(),
                Collectors.summingLong(Delivery::getQuantity)));
    }

    private static BendableLongScore score(DispatchSolution plan) {
        return new NaiveScoreCalculator().calculateScore(plan);
    }

    private static void assertConsistent(ProblemFile problem, DispatchSolution plan) {
        List<String> ids = plan.getDeliveries().stream().map(Delivery::getId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<Delivery> placed = new ArrayList<>();
        plan.getTrips().forEach(trip -> placed.addAll(trip.getDeliveries()));
        assertThat(placed).containsExactlyInAnyOrderElementsOf(plan.getDeliveries());
        for (DemandLine line : plan.getLines()) {
            long units = plan.getDeliveries().stream().filter(d -> d.getLine() == line).mapToLong(Delivery::getQuantity).sum();
            assertThat(units).as("line %d keeps all its units, served or not", line.index()).isEqualTo(line.quantity());
        }
        plan.setScore(score(plan));
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(plan)).violations()).isEmpty();
    }

    @Test
    void aTripsLoadOfASupplyIsSharedToEqualFillRates() throws Exception {
        ProblemFile problem = problem("high", "high", "");
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "box", 2, 4, 8, 32); // 46 to h1
        load(plan, "van#1", "h2", "box", 4); // 4 to h2
        BendableLongScore before = score(plan);

        assertThat(LoadSharing.share(plan)).isTrue();
        Timeline.connect(plan.getTrips());

        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h1 box", 25L), Map.entry("van#1 h2 box", 25L));
        BendableLongScore after = score(plan);
        assertThat(after.softScore(ScoreLevels.unmet(Priority.HIGH))).isEqualTo(before.softScore(ScoreLevels.unmet(Priority.HIGH)));
        assertThat(after).isGreaterThan(before);
        assertConsistent(problem, plan);
    }

    @Test
    void aFairPlanIsLeftAsItIs() throws Exception {
        ProblemFile problem = problem("high", "high", "");
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "box", 2, 4, 16); // 22 each of 100: equal fill rates already
        load(plan, "van#1", "h2", "box", 2, 4, 16);

        assertThat(LoadSharing.share(plan)).isFalse();
    }

    @Test
    void aHigherPriorityLineAtAStopTakesTheUnitsFirst() throws Exception {
        ProblemFile problem = problem("normal", "critical", "");
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "box", 2, 4, 8, 32);
        load(plan, "van#1", "h2", "box", 4);
        BendableLongScore before = score(plan);

        assertThat(LoadSharing.share(plan)).isTrue();
        Timeline.connect(plan.getTrips());

        // h1 gets nothing left, so the trip no longer stops there
        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h2 box", 50L));
        assertThat(trip(plan, "van#1").getDeliveries()).allMatch(d -> d.getHospital().id().equals("h2"));
        assertThat(score(plan).softScore(ScoreLevels.unmet(Priority.CRITICAL)))
                .isEqualTo(before.softScore(ScoreLevels.unmet(Priority.CRITICAL)) + 46);
        assertConsistent(problem, plan);
    }

    private static ProblemFile vanAndCar() throws InvalidInputException {
        return ProblemReader.read(PROBLEM.replace("P1", "high").replace("P2", "high")
                .replace("S2", "}, {\"supply\": \"mask\", \"quantity\": 10, \"priority\": \"low\"")
                .replace("\"capacityKg\": 200", "\"capacityKg\": 10"));
    }

    /** The van (60 kg) brings h1 46 boxes; the car (10 kg) brings h2 2 boxes and 8 low-priority masks. */
    private static DispatchSolution loaded(ProblemFile vanAndCar) {
        DispatchSolution plan = ProblemMapper.toSolution(vanAndCar);
        load(plan, "van#1", "h1", "box", 2, 4, 8, 32);
        load(plan, "car#1", "h2", "box", 2);
        load(plan, "car#1", "h2", "mask", 4, 3, 1);
        return plan;
    }

    @Test
    void unitsMoveBetweenTripsFromTheBestServedLineAndLowerPrioritiesMakeRoom() throws Exception {
        ProblemFile problem = vanAndCar();
        DispatchSolution plan = loaded(problem);
        BendableLongScore before = score(plan);

        assertThat(LoadSharing.share(plan)).isTrue();
        Timeline.connect(plan.getTrips());

        // the car leaves its 8 masks behind for 8 more boxes, which the van no longer brings h1
        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h1 box", 38L), Map.entry("car#1 h2 box", 10L));
        BendableLongScore after = score(plan);
        assertThat(after.softScore(ScoreLevels.unmet(Priority.HIGH))).isEqualTo(before.softScore(ScoreLevels.unmet(Priority.HIGH)));
        assertThat(after.softScore(ScoreLevels.fairness(Priority.HIGH))).isGreaterThan(before.softScore(ScoreLevels.fairness(Priority.HIGH)));
        assertConsistent(problem, plan);
    }

    /** Past the work limit no round between trips starts: the same loads stay where they are. */
    @Test
    void pastItsWorkLimitNoUnitsMoveBetweenTrips() throws Exception {
        DispatchSolution plan = loaded(vanAndCar());

        assertThat(LoadSharing.share(plan, -1)).isFalse();
        Timeline.connect(plan.getTrips());

        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h1 box", 46L), Map.entry("car#1 h2 box", 2L),
                Map.entry("car#1 h2 mask", 8L));
    }

    @Test
    void aLineThatMustArriveInOneStopGetsNoUnitsFromASecondTrip() throws Exception {
        // h2 also asks for masks, so the van stops there; its box line may not be split and the car brings it
        ProblemFile problem = problem("high", "high", ", \"splittable\": false}, {\"supply\": \"mask\", \"quantity\": 10");
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "box", 2, 4, 8, 32);
        load(plan, "van#1", "h2", "mask", 1);
        load(plan, "car#1", "h2", "box", 100);

        LoadSharing.share(plan);
        Timeline.connect(plan.getTrips());

        // h2's boxes still come in one stop, fewer of them: 14 move to h1 on the van, which leaves its mask behind
        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h1 box", 60L), Map.entry("car#1 h2 box", 86L));
        assertConsistent(problem, plan);
    }

    /**
     * Gowns weigh 2.5 kg, masks 0.5 kg; the van takes 50 kg. h1 asks 100 of each at high priority, h2 4 gowns
     * critical and 20 masks low; 100 gowns and 60 masks in stock.
     */
    private static final String GOWNS_AND_MASKS = "{\"start\": \"2026-02-01T06:00:00+08:00\","
            + "\"supplies\": [{\"id\": \"gown\", \"weightKg\": 2.5, \"volumeM3\": 0.001},"
            + " {\"id\": \"mask\", \"weightKg\": 0.5, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"gown\": 100, \"mask\": 60}}],"
            + "\"hospitals\": ["
            + " {\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"gown\", \"quantity\": 100, \"priority\": \"high\"},"
            + "  {\"supply\": \"mask\", \"quantity\": 100, \"priority\": \"high\"}]},"
            + " {\"id\": \"h2\", \"x\": 6, \"y\": 8, \"demands\": [{\"supply\": \"gown\", \"quantity\": 4, \"priority\": \"critical\"},"
            + "  {\"supply\": \"mask\", \"quantity\": 20, \"priority\": \"low\"}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 50}],"
            + "\"travel\": {\"method\": \"euclidean\"}}";

    /** Moves pool chunks of the hospital's line of that supply onto the trip, the largest that fit first, {@code units} in all. */
    private static void loadUnits(DispatchSolution plan, String tripId, String hospitalId, String supplyId, long units) {
        List<Long> sizes = new ArrayList<>();
        long left = units;
        for (Delivery chunk : plan.unservedPool().getDeliveries().stream()
                .filter(d -> d.getHospital().id().equals(hospitalId) && d.getSupply().id().equals(supplyId))
                .sorted(java.util.Comparator.comparingLong(Delivery::getQuantity).reversed()).toList()) {
            if (chunk.getQuantity() <= left) {
                sizes.add(chunk.getQuantity());
                left -= chunk.getQuantity();
            }
        }
        assertThat(left).as("chunks add up to %d", units).isZero();
        load(plan, tripId, hospitalId, supplyId, sizes.stream().mapToLong(Long::longValue).toArray());
    }

    /** The low masks (10 kg) and the 10 kg still free make room for 40 high masks, not 8 gowns. */
    @Test
    void lessUrgentUnitsGiveWayToTheSuppliesThatBringAPriorityTheMostUnits() throws Exception {
        ProblemFile problem = ProblemReader.read(GOWNS_AND_MASKS);
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        loadUnits(plan, "van#1", "h2", "gown", 4);
        loadUnits(plan, "van#1", "h1", "gown", 8);
        loadUnits(plan, "van#1", "h2", "mask", 20);
        BendableLongScore before = score(plan);

        assertThat(LoadSharing.mix(plan)).isTrue();
        Timeline.connect(plan.getTrips());

        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h2 gown", 4L), Map.entry("van#1 h1 gown", 8L),
                Map.entry("van#1 h1 mask", 40L));
        BendableLongScore after = score(plan);
        assertThat(after.softScore(ScoreLevels.unmet(Priority.CRITICAL)))
                .isEqualTo(before.softScore(ScoreLevels.unmet(Priority.CRITICAL)));
        assertThat(after.softScore(ScoreLevels.unmet(Priority.HIGH)))
                .isEqualTo(before.softScore(ScoreLevels.unmet(Priority.HIGH)) + 40);
        assertThat(after).isGreaterThan(before);
        assertConsistent(problem, plan);
    }

    /** A trip full of high gowns keeps them: masks would bring more units, but no supply is traded for another. */
    @Test
    void noSupplyIsTradedForAnotherOfTheSamePriority() throws Exception {
        DispatchSolution plan = ProblemMapper.toSolution(ProblemReader.read(GOWNS_AND_MASKS));
        loadUnits(plan, "van#1", "h1", "gown", 20); // 50 kg

        assertThat(LoadSharing.mix(plan)).isFalse();
        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h1 gown", 20L));
    }

    /**
     * The trip stops at h2 for low masks, so h2's 4 critical gowns come first (10 kg); the 20 low masks, the last in
     * stock, go to h1's high line; the 10 kg left take 4 high gowns.
     */
    @Test
    void lessUrgentUnitsOfASupplyGoToItsMoreUrgentLines() throws Exception {
        ProblemFile problem = ProblemReader.read(GOWNS_AND_MASKS);
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        loadUnits(plan, "van#1", "h1", "mask", 40); // 20 kg
        loadUnits(plan, "van#1", "h2", "mask", 20); // 10 kg, low

        assertThat(LoadSharing.mix(plan)).isTrue();
        Timeline.connect(plan.getTrips());

        assertThat(carried(plan)).containsOnly(Map.entry("van#1 h2 gown", 4L), Map.entry("van#1 h1 mask", 60L),
                Map.entry("van#1 h1 gown", 4L));
        assertConsistent(problem, plan);
    }
}
