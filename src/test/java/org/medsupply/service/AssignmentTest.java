// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.Json;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.testing.TestProblems;

/** A checkpoint's assignment rebuilds the same plan, and solving goes on from it rather than from scratch. */
class AssignmentTest {

    private static final ProblemFile PROBLEM = TestProblems.random(11, 40, 6);

    @Test
    void rebuildsTheSamePlanAndScoreFromAFreshMapping() throws Exception {
        List<DispatchSolution> bests = new ArrayList<>();
        Solver<DispatchSolution> solver = SolverFactory.<DispatchSolution>create(
                SolverConfigs.forRun(Duration.ofSeconds(2), 1L)).buildSolver();
        solver.addEventListener(event -> bests.add(event.getNewBestSolution()));
        solver.solve(ProblemMapper.toSolution(PROBLEM));
        DispatchSolution best = bests.get(bests.size() - 1);

        DispatchSolution rebuilt = Assignment.read(PROBLEM, Assignment.write(best));
        new ScoreExplainer().score(rebuilt);

        assertThat(rebuilt.getScore()).isEqualTo(best.getScore());
        assertThat(Json.MAPPER.writeValueAsString(PlanWriter.toPlan(rebuilt)))
                .isEqualTo(Json.MAPPER.writeValueAsString(PlanWriter.toPlan(best)));
    }

    @Test
    void aResumedSolveStartsFromTheCheckpointNotBelowIt() {
        DispatchSolution greedy = SolverFactory.<DispatchSolution>create(SolverConfigs.greedyOnly()).buildSolver()
                .solve(ProblemMapper.toSolution(PROBLEM));
        DispatchSolution checkpoint = Assignment.read(PROBLEM, Assignment.write(greedy));
        new ScoreExplainer().score(checkpoint);

        List<DispatchSolution> bests = new ArrayList<>();
        Solver<DispatchSolution> resumed = SolverFactory.<DispatchSolution>create(
                SolverConfigs.forResume(Duration.ofMillis(500), 1L)).buildSolver();
        resumed.addEventListener(event -> bests.add(event.getNewBestSolution()));
        DispatchSolution end = resumed.solve(checkpoint);
        assertThat(end.getScore()).isGreaterThanOrEqualTo(greedy.getScore());
        bests.forEach(best -> assertThat(best.getScore()).isGreaterThan(greedy.getScore()));
    }

    @Test
    void refusesAnAssignmentThatDoesNotFitTheProblem() {
        assertThatThrownBy(() -> Assignment.read(PROBLEM, "{\"no-such-trip\": [\"0:0\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-trip");
        String trip = ProblemMapper.toSolution(PROBLEM).getTrips().get(1).getId();
        assertThatThrownBy(() -> Assignment.read(PROBLEM, "{\"" + trip + "\": [\"0:0\", \"0:0\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0:0");
    }
}
