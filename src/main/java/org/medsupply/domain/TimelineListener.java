// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps arrival, start, departure and stop number of every delivery true to its trip order. A change
 * in one trip shifts the later trips of the same vehicle too (each leaves when the previous is back).
 */
public class TimelineListener implements ListVariableListener<DispatchSolution, Trip, Delivery> {

    @Override
    public void beforeEntityAdded(ScoreDirector<DispatchSolution> scoreDirector, Trip trip) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<DispatchSolution> scoreDirector, Trip trip) {
        update(scoreDirector, trip);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<DispatchSolution> scoreDirector, Trip trip) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<DispatchSolution> scoreDirector, Trip trip) {
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<DispatchSolution> scoreDirector, Delivery delivery) {
        Timeline.clear(delivery, new Notifier(scoreDirector));
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<DispatchSolution> scoreDirector, Trip trip, int from, int to) {
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<DispatchSolution> scoreDirector, Trip trip, int from, int to) {
        if (trip.isUnservedPool()) { // only the deliveries that just came in have times to clear
            Notifier notifier = new Notifier(scoreDirector);
            trip.getDeliveries().subList(from, to).forEach(delivery -> Timeline.clear(delivery, notifier));
        } else {
            update(scoreDirector, trip);
        }
    }

    private static void update(ScoreDirector<DispatchSolution> scoreDirector, Trip trip) {
        Timeline.update(trip, new Notifier(scoreDirector));
    }

    private record Notifier(ScoreDirector<DispatchSolution> scoreDirector) implements Timeline.ChangeNotifier {
        @Override
        public void before(Delivery delivery) {
            scoreDirector.beforeVariableChanged(delivery, "arrivalMs");
        }

        @Override
        public void after(Delivery delivery) {
            scoreDirector.afterVariableChanged(delivery, "arrivalMs");
        }
    }
}
