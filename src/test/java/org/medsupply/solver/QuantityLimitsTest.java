// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.medsupply.testing.TestSolving;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/** The largest quantities the validator lets through are solved without the score overflowing. */
class QuantityLimitsTest {

    /** {@code lines} lines of {@code quantity} units of one light supply, with little stock. */
    private static String problem(int lines, long quantity) {
        List<String> hospitals = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            hospitals.add("{\"id\": \"h" + i + "\", \"x\": " + (i % 40) + ", \"y\": " + (i / 40) + ", \"demands\": "
                    + "[{\"supply\": \"pill\", \"quantity\": " + quantity + ", \"priority\": \"critical\"}]}");
        }
        return "{\"start\": \"2026-02-01T06:00:00+08:00\","
                + "\"supplies\": [{\"id\": \"pill\", \"weightKg\": 0.000001, \"volumeM3\": 0.000000001}],"
                + "\"warehouses\": [{\"id\": \"wh\", \"x\": 0, \"y\": 0, \"stock\": {\"pill\": 999999999999}}],"
                + "\"hospitals\": [" + String.join(",", hospitals) + "],"
                + "\"vehicles\": [{\"id\": \"van\", \"warehouse\": \"wh\"}, {\"id\": \"truck\", \"warehouse\": \"wh\"}],"
                + "\"travel\": {\"method\": \"euclidean\"}}";
    }

    @Test
    void aProblemAtTheLimitsSolvesWithAScoreThatAddsUp() throws Exception {
        // 1,000 lines of 10^9 units: 10^12 units requested, one unit short of them in stock
        ProblemFile problem = ProblemReader.read(problem(1000, 1_000_000_000L));
        DispatchSolution plan = Dispatcher.solve(ProblemMapper.toSolution(problem),
                TestSolving.config(50), score -> {
                });
        BendableLongScore score = plan.getScore();
        assertThat(score.isFeasible()).isTrue();
        assertThat(score.softScore(ScoreLevels.unmet(Priority.CRITICAL))).isEqualTo(-1);
        assertThat(score.softScore(ScoreLevels.fairness(Priority.CRITICAL))).isZero();
        assertThat(new NaiveScoreCalculator().calculateScore(plan)).isEqualTo(score);
    }

    @Test
    void moreThanTheTotalLimitIsRefusedByName() {
        InvalidInputException refused = catchThrowableOfType(
                () -> ProblemReader.read(problem(1001, 1_000_000_000L)), InvalidInputException.class);
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/hospitals");
            assertThat(error.detail()).contains("1001000000000 units").contains("at most 1000000000000 units");
        });
    }
}
