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
 * there has room and time is loaded after all, cut to exactly what fits ({@link GreedyDispatcher#topUp}),
 * and then each trip's load is shared fairly among the lines at its stops ({@link LoadSharing}).
 * Both only improve the plan's score; a sharing that would not (a stop left empty on a matrix without
 * the triangle inequality could break a window) is not kept.
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
        SolutionManager<DispatchSolution, BendableLongScore> scoring = SolutionManager.create(solverFactory);
        scoring.update(plan);
        DispatchSolution shared = new DispatchSolutionCloner().cloneSolution(plan);
        if (!LoadSharing.share(shared)) {
            return plan;
        }
        Timeline.connect(shared.getTrips());
        scoring.update(shared);
        return shared.getScore().compareTo(plan.getScore()) >= 0 ? shared : plan;
    }
}
