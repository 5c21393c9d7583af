// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemPatch;
import org.medsupply.io.ProblemReader;
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

    @Test
    void carriesAPlanOverToAChangedProblemByIds() throws Exception {
        ProblemFile demo = ProblemReader.read(Path.of("problems/demo-city-outbreak.json"));
        DispatchSolution planned = SolverFactory.<DispatchSolution>create(SolverConfigs.greedyOnly()).buildSolver()
                .solve(ProblemMapper.toSolution(demo));
        String removed = demo.vehicles().get(0).id();
        // a hospital added first shifts every line's number; a vehicle taken out drops its trips
        ProblemFile changed = ProblemPatch.apply(demo, Json.MAPPER.readTree("""
                [{"op": "add", "path": "/hospitals/0", "value": {"id": "h-new", "lat": 45.75, "lon": 4.84,
                  "demands": [{"supply": "n95", "quantity": 50, "priority": "critical"}]}},
                 {"op": "remove", "path": "/vehicles/0"}]"""));

        DispatchSolution carried = Assignment.carryOver(planned, changed);
        new ScoreExplainer().score(carried);

        Map<String, Long> kept = loads(planned).entrySet().stream()
                .filter(trip -> !trip.getKey().startsWith(removed + "#"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> carriedLoads = loads(carried);
        assertThat(carriedLoads.keySet()).as("same trips to the same sites with the same supplies")
                .isEqualTo(kept.keySet());
        kept.forEach((load, units) -> assertThat(carriedLoads.get(load)).as(load).isLessThanOrEqualTo(units));
        // n95 got short with the new site, so its lines are cut into other deliveries: nearly all units fit
        assertThat(total(carriedLoads)).isGreaterThanOrEqualTo(total(kept) * 99 / 100);
        assertThat(carried.unservedPool().getDeliveries()).anyMatch(d -> d.getHospital().id().equals("h-new"));
        PlanFile plan = PlanWriter.toPlan(carried);
        assertThat(PlanChecker.check(changed, plan).violations()).isEmpty();
    }

    @Test
    void carriesOverOnlyWhatTheStockNowHolds() throws Exception {
        ProblemFile demo = ProblemReader.read(Path.of("problems/demo-city-outbreak.json"));
        DispatchSolution planned = SolverFactory.<DispatchSolution>create(SolverConfigs.greedyOnly()).buildSolver()
                .solve(ProblemMapper.toSolution(demo));
        ProblemFile changed = ProblemPatch.apply(demo, Json.MAPPER.readTree("""
                [{"op": "replace", "path": "/warehouses/0/stock/n95", "value": 40}]"""));

        DispatchSolution carried = Assignment.carryOver(planned, changed);
        new ScoreExplainer().score(carried);

        assertThat(carried.getScore().isFeasible()).isTrue();
        assertThat(PlanChecker.check(changed, PlanWriter.toPlan(carried)).violations()).isEmpty();
    }

    private static long total(Map<String, Long> loads) {
        return loads.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Units per trip, hospital and supply: "van-1#1 h-01 n95" to 40. */
    private static Map<String, Long> loads(DispatchSolution solution) {
        Map<String, Long> loads = new TreeMap<>();
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                for (Delivery delivery : trip.getDeliveries()) {
                    loads.merge(trip.getId() + " " + delivery.getHospital().id() + " " + delivery.getSupply().id(),
                            delivery.getQuantity(), Long::sum);
                }
            }
        }
        return loads;
    }
}
