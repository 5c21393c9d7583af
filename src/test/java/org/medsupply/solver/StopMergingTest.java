// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.HandPlans.load;
import static org.medsupply.testing.HandPlans.trip;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.Timeline;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;

class StopMergingTest {

    /**
     * h1 (3-4-5 from the warehouse) asks for boxes (chunks 1, 2, 4, 3) and masks (1, 2, 4, 3); h2 for masks.
     * The van (4 kg) and the car (60 kg) load at the same warehouse; one minute per km.
     */
    private static final String PROBLEM = "{\"start\": \"2026-02-01T06:00:00Z\","
            + "\"supplies\": [{\"id\": \"box\", \"weightKg\": 1, \"volumeM3\": 0.001},"
            + " {\"id\": \"mask\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"box\": 100, \"mask\": 100}}],"
            + "\"hospitals\": ["
            + " {\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"box\", \"quantity\": 10NEED_BY},"
            + "  {\"supply\": \"mask\", \"quantity\": 10}]},"
            + " {\"id\": \"h2\", \"x\": 0, \"y\": 5, \"demands\": [{\"supply\": \"mask\", \"quantity\": 10}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 4},"
            + " {\"id\": \"car\", \"warehouse\": \"wh\", \"capacityKg\": 60}],"
            + "\"travel\": {\"method\": \"euclidean\", \"minutesPerKm\": 1}}";

    private static List<String> stops(DispatchSolution plan, String tripId) {
        return trip(plan, tripId).getDeliveries().stream().map(d -> d.getHospital().id()).distinct().toList();
    }

    /** The van brings h1 four boxes at 06:05; the car brings h2 and then h1 a mask (arriving 06:08). */
    private static DispatchSolution twoVisitsToH1(ProblemFile problem) {
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "box", 4);
        load(plan, "car#1", "h2", "mask", 2);
        load(plan, "car#1", "h1", "mask", 1);
        return plan;
    }

    @Test
    void aStopAnotherTripCanTakeOnIsDropped() throws Exception {
        ProblemFile problem = ProblemReader.read(PROBLEM.replace("NEED_BY", ""));
        DispatchSolution plan = twoVisitsToH1(problem);
        long before = new NaiveScoreCalculator().calculateScore(plan).softScore(ScoreLevels.TRAVEL);

        // the mask does not fit the full van, so the van's boxes join the car's stop at h1
        assertThat(StopMerging.merge(plan)).isEqualTo(1);
        Timeline.connect(plan.getTrips());

        assertThat(stops(plan, "van#1")).isEmpty();
        assertThat(stops(plan, "car#1")).containsExactly("h2", "h1");
        plan.setScore(new NaiveScoreCalculator().calculateScore(plan));
        assertThat(plan.getScore().softScore(ScoreLevels.TRAVEL)).isGreaterThan(before);
        assertThat(plan.getScore().isFeasible()).isTrue();
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(plan)).violations()).isEmpty();
    }

    @Test
    void aStopStaysWhenMergingWouldMakeALineLate() throws Exception {
        // the boxes are needed by 06:06: the van brings them at 06:05, the car would at 06:08
        ProblemFile problem = ProblemReader.read(PROBLEM.replace("NEED_BY", ", \"needBy\": \"2026-02-01T06:06:00Z\""));
        DispatchSolution plan = twoVisitsToH1(problem);

        assertThat(StopMerging.merge(plan)).isZero();
        assertThat(stops(plan, "van#1")).containsExactly("h1");
    }
}
