// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;

class PlanTopUpTest {

    /** 100 boxes of 1 kg asked, plenty in stock, one 51 kg van: whole chunks (2, 4, 8, 16, 32, 38) fill 50 kg. */
    private static final String VAN_ONE_KG_SHORT_OF_FULL = "{\"start\": \"2026-02-01T06:00:00+08:00\","
            + "\"supplies\": [{\"id\": \"box\", \"weightKg\": 1, \"volumeM3\": 0.001}],"
            + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"box\": 1000}}],"
            + "\"hospitals\": [{\"id\": \"h1\", \"x\": 3, \"y\": 4, \"demands\": [{\"supply\": \"box\", \"quantity\": 100}]}],"
            + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\", \"capacityKg\": 51}],"
            + "\"travel\": {\"method\": \"euclidean\"}}";

    private static long shipped(DispatchSolution solution) {
        return solution.getDeliveries().stream().filter(Delivery::isDispatched).mapToLong(Delivery::getQuantity).sum();
    }

    @Test
    void whatFitsNoWholeChunkIsCutToFitAndShipped() throws Exception {
        ProblemFile problem = ProblemReader.read(VAN_ONE_KG_SHORT_OF_FULL);
        DispatchSolution greedyPlan = Dispatcher.solve(ProblemMapper.toSolution(problem), SolverConfigs.greedyOnly(),
                score -> {
                });
        assertThat(shipped(greedyPlan)).isEqualTo(51);
        assertThat(greedyPlan.getScore().isFeasible()).isTrue();
        assertThat(new NaiveScoreCalculator().calculateScore(greedyPlan)).isEqualTo(greedyPlan.getScore());
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(greedyPlan)).violations()).isEmpty();
    }

    @Test
    void aPlanWithNothingLeftToLoadStaysAsItIs() throws Exception {
        ProblemFile problem = ProblemReader.read(VAN_ONE_KG_SHORT_OF_FULL.replace("\"capacityKg\": 51", "\"capacityKg\": 50"));
        DispatchSolution greedyPlan = Dispatcher.solve(ProblemMapper.toSolution(problem), SolverConfigs.greedyOnly(),
                score -> {
                });
        assertThat(shipped(greedyPlan)).isEqualTo(50);
        assertThat(greedyPlan.getDeliveries()).hasSize(ProblemMapper.toSolution(problem).getDeliveries().size());
    }
}
