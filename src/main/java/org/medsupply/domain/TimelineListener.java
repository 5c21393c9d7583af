// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.VariableDescriptor;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

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

    /**
     * Tells the score director of each delivery whose times change, through the variable's descriptor, looked up
     * once per update: by name it was looked up for every delivery, close to a tenth of local search's time on 500
     * sites (a profile).
     */
    private record Notifier(InnerScoreDirector<DispatchSolution, ?> scoreDirector,
            VariableDescriptor<DispatchSolution> arrival) implements Timeline.ChangeNotifier {

        Notifier(ScoreDirector<DispatchSolution> scoreDirector) {
            this((InnerScoreDirector<DispatchSolution, ?>) scoreDirector);
        }

        private Notifier(InnerScoreDirector<DispatchSolution, ?> scoreDirector) {
            this(scoreDirector, scoreDirector.getSolutionDescriptor().findEntityDescriptorOrFail(Delivery.class)
                    .getVariableDescriptor("arrivalMs"));
        }

        @Override
        public void before(Delivery delivery) {
            scoreDirector.beforeVariableChanged(arrival, delivery);
        }

        @Override
        public void after(Delivery delivery) {
            scoreDirector.afterVariableChanged(arrival, delivery);
        }
    }
}
