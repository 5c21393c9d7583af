// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.testing.TestProblems;

class DispatchSolutionClonerTest {

    private static DispatchSolution greedyPlan() {
        return Dispatcher.solve(ProblemMapper.toSolution(TestProblems.random(5, 12, 4, 2)),
                SolverConfigs.greedyOnly(), score -> { });
    }

    @Test
    void theCloneIsTheSamePlanMadeOfItsOwnTripsAndDeliveries() {
        DispatchSolution original = greedyPlan();
        DispatchSolution clone = new DispatchSolutionCloner().cloneSolution(original);

        assertThat(PlanWriter.toPlan(clone)).isEqualTo(PlanWriter.toPlan(original));
        assertThat(clone.getScore()).isEqualTo(original.getScore());
        assertThat(clone.getVehicles()).isSameAs(original.getVehicles());
        for (int t = 0; t < original.getTrips().size(); t++) {
            Trip trip = clone.getTrips().get(t);
            assertThat(trip).isNotSameAs(original.getTrips().get(t));
            assertThat(trip.getPreviousTrip() == null).isEqualTo(original.getTrips().get(t).getPreviousTrip() == null);
            if (trip.getPreviousTrip() != null) {
                assertThat(clone.getTrips()).containsOnlyOnce(trip.getPreviousTrip());
                assertThat(trip.getPreviousTrip().getNextTrip()).isSameAs(trip);
            }
            trip.getDeliveries().forEach(delivery -> {
                assertThat(delivery.getTrip()).isSameAs(trip);
                assertThat(clone.getDeliveries()).containsOnlyOnce(delivery);
            });
        }
    }

    @Test
    void changingTheCloneLeavesTheOriginalAlone() {
        DispatchSolution original = greedyPlan();
        String before = PlanWriter.toPlan(original).toString();
        DispatchSolution clone = new DispatchSolutionCloner().cloneSolution(original);

        Trip busy = clone.getTrips().stream().filter(t -> !t.isUnservedPool() && !t.getDeliveries().isEmpty())
                .findFirst().orElseThrow();
        clone.unservedPool().getDeliveries().addAll(busy.getDeliveries());
        busy.getDeliveries().clear();
        Timeline.connect(clone.getTrips());

        assertThat(PlanWriter.toPlan(original).toString()).isEqualTo(before);
    }
}
