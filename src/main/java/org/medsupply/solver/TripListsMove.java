// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives several trips new delivery lists at once: the move of a ruin and recreate, which takes stops
 * off some routes and puts them into others. Undoing it gives the trips their old lists back. The new
 * lists hold the same deliveries as the old ones, only placed differently.
 */
final class TripListsMove extends AbstractMove<DispatchSolution> {

    private final String description;
    private final Map<Trip, List<Delivery>> before;
    private final Map<Trip, List<Delivery>> after;

    /** @param after each changed trip's new list; the trips' lists as they are now become the undo's */
    TripListsMove(String description, Map<Trip, List<Delivery>> after) {
        this(description, current(after.keySet()), after);
    }

    private TripListsMove(String description, Map<Trip, List<Delivery>> before, Map<Trip, List<Delivery>> after) {
        this.description = description;
        this.before = before;
        this.after = after;
    }

    private static Map<Trip, List<Delivery>> current(Collection<Trip> trips) {
        Map<Trip, List<Delivery>> lists = new LinkedHashMap<>();
        trips.forEach(trip -> lists.put(trip, List.copyOf(trip.getDeliveries())));
        return lists;
    }

    /** What the move does, e.g. "empty route"; its undo's starts with "undo". */
    String description() {
        return description;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DispatchSolution> scoreDirector) {
        return true;
    }

    @Override
    protected TripListsMove createUndoMove(ScoreDirector<DispatchSolution> scoreDirector) {
        return new TripListsMove("undo " + description, after, before);
    }

    /** Empties every trip first, then fills them: no delivery is ever in two lists. */
    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DispatchSolution> scoreDirector) {
        after.keySet().forEach(trip -> {
            scoreDirector.beforeListVariableChanged(trip, Trip.DELIVERIES, 0, trip.getDeliveries().size());
            trip.getDeliveries().clear();
            scoreDirector.afterListVariableChanged(trip, Trip.DELIVERIES, 0, 0);
        });
        after.forEach((trip, deliveries) -> {
            scoreDirector.beforeListVariableChanged(trip, Trip.DELIVERIES, 0, 0);
            trip.getDeliveries().addAll(deliveries);
            scoreDirector.afterListVariableChanged(trip, Trip.DELIVERIES, 0, deliveries.size());
        });
    }

    @Override
    public TripListsMove rebase(ScoreDirector<DispatchSolution> destinationScoreDirector) {
        return new TripListsMove(description, rebase(before, destinationScoreDirector),
                rebase(after, destinationScoreDirector));
    }

    private static Map<Trip, List<Delivery>> rebase(Map<Trip, List<Delivery>> lists,
            ScoreDirector<DispatchSolution> destination) {
        Map<Trip, List<Delivery>> rebased = new LinkedHashMap<>();
        lists.forEach((trip, deliveries) -> rebased.put(destination.lookUpWorkingObject(trip),
                rebaseList(deliveries, destination)));
        return rebased;
    }

    @Override
    public Collection<Trip> getPlanningEntities() {
        return after.keySet();
    }

    @Override
    public Collection<Delivery> getPlanningValues() {
        List<Delivery> values = new ArrayList<>();
        after.values().forEach(values::addAll);
        return values;
    }

    @Override
    public String toString() {
        return description + " " + after;
    }
}
