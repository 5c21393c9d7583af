// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The construction phase: runs the {@link GreedyDispatcher} and moves its deliveries out of the
 * unserved pool into their trips, telling the score director so shadow variables and score follow.
 */
public class GreedyDispatchPhase implements CustomPhaseCommand<DispatchSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<DispatchSolution> scoreDirector) {
        DispatchSolution solution = scoreDirector.getWorkingSolution();
        Map<Trip, List<Delivery>> plan = GreedyDispatcher.plan(solution);
        Set<Delivery> placed = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        plan.values().forEach(placed::addAll);

        Trip pool = solution.unservedPool();
        List<Delivery> stillUnserved = new ArrayList<>(pool.getDeliveries());
        stillUnserved.removeIf(placed::contains);
        replace(scoreDirector, pool, stillUnserved);
        for (Trip trip : solution.getTrips()) {
            List<Delivery> deliveries = plan.get(trip);
            if (deliveries != null && !deliveries.equals(trip.getDeliveries())) {
                replace(scoreDirector, trip, deliveries);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    private static void replace(ScoreDirector<DispatchSolution> scoreDirector, Trip trip, List<Delivery> deliveries) {
        scoreDirector.beforeListVariableChanged(trip, Trip.DELIVERIES, 0, trip.getDeliveries().size());
        trip.getDeliveries().clear();
        trip.getDeliveries().addAll(deliveries);
        scoreDirector.afterListVariableChanged(trip, Trip.DELIVERIES, 0, deliveries.size());
    }
}
