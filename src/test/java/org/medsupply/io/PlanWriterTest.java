// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.HandPlans.load;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.solver.Dispatcher;

class PlanWriterTest {

    /**
     * h1 (3-4-5 from the warehouse, one minute per km) has two mask lines of 2: by 06:10 and by 08:00. The van
     * carries 2 kg a trip: the first trip stops at 06:05, the second at 06:15.
     */
    private static final String TWO_LINES_OF_ONE_SUPPLY = "{\"start\": \"2026-02-01T06:00:00Z\","
            + "\"supplies\": [{\"id\": \"mask\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"mask\": 10}}],"
            + "\"hospitals\": [{\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": ["
            + " {\"supply\": \"mask\", \"quantity\": 2, \"needBy\": \"2026-02-01T06:10:00Z\"},"
            + " {\"supply\": \"mask\", \"quantity\": 2, \"needBy\": \"2026-02-01T08:00:00Z\"}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 2, \"maxTrips\": 2}],"
            + "\"travel\": {\"method\": \"euclidean\", \"minutesPerKm\": 1}}";

    @Test
    void aStopAfterALinesNeedByMakesItLateWhicheverOfTheHospitalsLinesOfThatSupplyItServes() throws Exception {
        ProblemFile problem = ProblemReader.read(TWO_LINES_OF_ONE_SUPPLY);
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "h1", "mask", 1, 1); // the first line's chunks
        load(plan, "van#2", "h1", "mask", 1, 1); // the second line's
        PlanFile written = PlanWriter.toPlan(Dispatcher.score(plan));

        // the plan names a hospital and a supply per stop, not a line: the 06:15 stop counts for the 06:10 line
        assertThat(written.late()).singleElement().satisfies(late -> {
            assertThat(late.needBy()).isEqualTo("2026-02-01T06:10:00Z");
            assertThat(late.minutesLate()).isEqualTo(5);
        });
        assertThat(written.kpis().lateLines()).isEqualTo(1);
        assertThat(PlanChecker.check(problem, written).violations()).isEmpty();
    }
}
