// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.medsupply.testing.TestSolving;

/**
 * problems/demo-city-outbreak.json: a short solve (stopped by steps without improvement, not the clock) gives a feasible plan, and the shortfalls built into
 * the story show every cause (ventilators short, antibodies stranded at a warehouse without a
 * refrigerated vehicle, a mountain site no one reaches in its window, food kits beyond the food depot's
 * two vehicles).
 */
class DemoProblemTest {

    @Test
    void shortSolveIsFeasibleAndExplainsEveryKindOfShortfall() throws Exception {
        ProblemFile problem = ProblemReader.read(Path.of("problems/demo-city-outbreak.json"));
        DispatchSolution best = Dispatcher.solve(ProblemMapper.toSolution(problem),
                TestSolving.config(500), score -> {
                });

        assertThat(best.getScore().hardScore(0)).isZero();
        PlanFile plan = PlanWriter.toPlan(best);
        assertThat(plan.feasible()).isTrue();
        assertThat(PlanChecker.check(problem, plan).violations()).isEmpty();
        assertThat(plan.unmet()).extracting(PlanFile.UnmetDto::cause)
                .contains("stock", "priority", "cold-chain", "time", "fleet");
        assertThat(plan.unmet()).filteredOn(unmet -> unmet.cause().equals("cold-chain"))
                .allSatisfy(unmet -> assertThat(unmet.supply()).isEqualTo("antibody-infusion"));
        assertThat(plan.unmet()).filteredOn(unmet -> unmet.cause().equals("time"))
                .allSatisfy(unmet -> assertThat(unmet.hospital()).isEqualTo("q-sept-laux"));
    }
}
