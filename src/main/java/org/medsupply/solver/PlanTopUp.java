// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The last step of every solve: what local search left in stock while lines go short and a vehicle
 * there has room and time is loaded after all, cut to exactly what fits ({@link GreedyDispatcher#topUp}).
 * It only adds units, so the plan's score can only improve.
 */
public final class PlanTopUp {

    private PlanTopUp() {
    }

    /**
     * A topped-up copy of {@code solved}, scored by the factory's constraints; {@code solved} itself is left
     * as it is.
     */
    public static DispatchSolution of(DispatchSolution solved, SolverFactory<DispatchSolution> solverFactory) {
        DispatchSolution plan = new DispatchSolutionCloner().cloneSolution(solved);
        Map<Trip, List<Delivery>> loads = GreedyDispatcher.topUp(plan);
        Set<Delivery> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        loads.values().forEach(placed::addAll);
        plan.unservedPool().getDeliveries().removeIf(placed::contains);
        loads.forEach((trip, deliveries) -> {
            trip.getDeliveries().clear();
            trip.getDeliveries().addAll(deliveries);
        });
        Timeline.connect(plan.getTrips());
        SolutionManager.<DispatchSolution, BendableLongScore>create(solverFactory).update(plan);
        return plan;
    }
}
