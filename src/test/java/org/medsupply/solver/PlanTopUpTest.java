// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medsupply.testing.HandPlans.load;
import static org.medsupply.testing.HandPlans.trip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsupply.check.PlanChecker;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.convert.InstanceFormat;
import org.medsupply.testing.TestProblems;
import org.medsupply.testing.TestSolving;
import org.optaplanner.core.api.solver.SolverFactory;

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

    /** A finishing cancelled before its next step stops with a CancellationException. */
    @Test
    void aCancelledFinishingStopsAtItsNextStep() {
        DispatchSolution greedyPlan = Dispatcher.solve(ProblemMapper.toSolution(TestProblems.random(3, 20, 2)),
                SolverConfigs.greedyOnly(), score -> {
                });
        PlanTopUp finishing = new PlanTopUp(SolverFactory.create(SolverConfigs.production()));
        AtomicInteger stepsAsked = new AtomicInteger();

        assertThatThrownBy(() -> finishing.finish(greedyPlan, () -> stepsAsked.incrementAndGet() > 1))
                .isInstanceOf(CancellationException.class);
        assertThat(stepsAsked).as("the first step ran, the second was not started").hasValue(2);
        assertThat(finishing.finish(greedyPlan, () -> false).getScore())
                .isEqualTo(finishing.finish(greedyPlan).getScore());
    }

    /**
     * A matrix without the triangle inequality: the warehouse to B takes 100 minutes direct but 10 through A,
     * and B closes after 30. The van stops at A then B; the car, with room, also stops at A. Merging the van's
     * A stop into the car's would send the van straight to B, too late: the steps run again one by one and
     * that one is not kept.
     */
    @Test
    void aStepThatWouldBreakAWindowOnAMatrixIsNotKept() throws Exception {
        ProblemFile problem = ProblemReader.read("""
                {"name": "shortcut", "start": "2026-02-01T06:00:00Z",
                 "supplies": [{"id": "box", "weightKg": 1, "volumeM3": 0.001}],
                 "warehouses": [{"id": "wh", "lat": 45.70, "lon": 4.80, "stock": {"box": 100}}],
                 "hospitals": [{"id": "A", "lat": 45.75, "lon": 4.85, "demands": [{"supply": "box", "quantity": 3}]},
                               {"id": "B", "lat": 45.80, "lon": 4.90, "demands": [{"supply": "box", "quantity": 1}],
                                "window": {"from": "2026-02-01T06:00:00Z", "to": "2026-02-01T06:30:00Z"}}],
                 "vehicles": [{"id": "van", "warehouse": "wh"}, {"id": "car", "warehouse": "wh"}],
                 "travel": {"method": "matrix", "locations": ["wh", "A", "B"],
                            "distanceKm": [[0, 5, 100], [5, 0, 5], [5, 5, 0]],
                            "durationMinutes": [[0, 5, 100], [5, 0, 5], [5, 5, 0]]}}""");
        DispatchSolution plan = ProblemMapper.toSolution(problem);
        load(plan, "van#1", "A", "box", 1);
        load(plan, "van#1", "B", "box", 1);
        load(plan, "car#1", "A", "box", 2);
        Dispatcher.score(plan);
        assertThat(plan.getScore().isFeasible()).isTrue();
        DispatchSolution merged = new DispatchSolutionCloner().cloneSolution(plan);
        assertThat(StopMerging.merge(merged)).as("merging alone drops the van's stop at A").isEqualTo(1);

        DispatchSolution finished = new PlanTopUp(SolverFactory.create(SolverConfigs.production())).finish(plan);

        assertThat(finished.getScore().isFeasible()).isTrue();
        assertThat(trip(finished, "van#1").getDeliveries()).extracting(d -> d.getHospital().id()).containsExactly("A", "B");
        assertThat(PlanChecker.check(problem, PlanWriter.toPlan(finished)).violations()).isEmpty();
    }

    /**
     * Classic routing instances have no shortage: every customer's one unsplittable line is served whole, once,
     * so the finishing steps find nothing to top up, share or merge and leave the solver's plan as it is (the
     * quality benchmark's distances are the search's own).
     */
    @ParameterizedTest
    @CsvSource({"cvrplib, six-nodes.vrp", "solomon, five-customers.txt", "cordeau, two-depots.txt"})
    void aClassicInstanceLeavesTheFinishingStepsNothingToDo(String format, String file) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/org/medsupply/io/convert", file));
        ProblemFile problem = InstanceFormat.fromWireName(format).orElseThrow().read(text, file);
        SolverFactory<DispatchSolution> factory = SolverFactory.create(TestSolving.config(200));
        DispatchSolution solved = factory.buildSolver().solve(ProblemMapper.toSolution(problem));
        assertThat(solved.unservedPool().getDeliveries()).isEmpty();

        DispatchSolution finished = new PlanTopUp(factory).finish(solved);

        assertThat(finished.getScore()).isEqualTo(solved.getScore());
        for (int t = 0; t < solved.getTrips().size(); t++) {
            assertThat(finished.getTrips().get(t).getDeliveries()).extracting(Delivery::getId)
                    .containsExactlyElementsOf(solved.getTrips().get(t).getDeliveries().stream().map(Delivery::getId).toList());
        }
    }
}
