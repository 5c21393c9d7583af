// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;

class ShortfallDiagnosisTest {

    /** Seven one-box vans for a hundred boxes: the reason names a few vans, not the whole fleet. */
    @Test
    void aFleetShortfallNamesAFewVehiclesAndCountsTheRest() throws Exception {
        StringBuilder vans = new StringBuilder();
        for (int v = 1; v <= 7; v++) {
            vans.append(v > 1 ? "," : "").append("""
                    {"id": "van-%d", "warehouse": "wh", "capacityKg": 1}""".formatted(v));
        }
        String json = """
                {"name": "few vans", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "n95", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "x": 0, "y": 0, "stock": {"n95": 100}}],
                 "hospitals": [{"id": "h", "x": 3, "y": 4, "demands": [{"supply": "n95", "quantity": 100}]}],
                 "vehicles": [%s],
                 "travel": {"method": "euclidean"}}""".formatted(vans);
        DispatchSolution solved = Dispatcher.solve(ProblemMapper.toSolution(ProblemReader.read(json)),
                SolverConfigs.greedyOnly(), score -> { });

        PlanFile.UnmetDto unmet = PlanWriter.toPlan(solved).unmet().get(0);
        assertThat(unmet.quantity()).isEqualTo(93);
        assertThat(unmet.cause()).isEqualTo("fleet");
        assertThat(unmet.reason()).contains("van-1, van-2, van-3, van-4, van-5 and 2 more").doesNotContain("van-6");
    }
}
