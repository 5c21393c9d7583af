// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.Iterator;
import java.util.Random;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The local search's moves: {@link NearbyMoves} over the working solution. OptaPlanner 10.1.0's own
 * nearby selection sorts every delivery against every destination when the phase starts (over 16 s
 * and deliveries-squared memory for 18,000 deliveries); this starts in milliseconds, with memory
 * linear in the problem. Random selection only (the local search's default).
 */
public class NearbyMoveIteratorFactory implements MoveIteratorFactory<DispatchSolution, Move<DispatchSolution>> {

    /** Nearest hospitals (the hospital itself included) a delivery may be moved towards. */
    private int nearbyCount = 20;
    private double stringRemovalShare = DEFAULT_STRING_REMOVAL_SHARE;
    private double routeEmptyingShare = DEFAULT_ROUTE_EMPTYING_SHARE;
    private NearbyMoves moves;

    /**
     * Share of moves that remove strings of stops and recreate them ({@link RuinAndRecreate}). At 20 s on
     * eight to eleven classic instances 0.3 came out ahead of 0.01, 0.03 and 0.1 and level with 0.6
     * (benchmarks/results/quality-classic.md, session 7).
     */
    static final double DEFAULT_STRING_REMOVAL_SHARE = 0.3;
    /** Share of moves that empty a route into the others: rare, its recreate fails on most routes. */
    static final double DEFAULT_ROUTE_EMPTYING_SHARE = 0.01;

    /** Set from {@code <moveIteratorFactoryCustomProperties>}; at least 1. */
    public void setNearbyCount(int nearbyCount) {
        if (nearbyCount < 1) {
            throw new IllegalArgumentException("nearbyCount must be at least 1, not " + nearbyCount);
        }
        this.nearbyCount = nearbyCount;
    }

    /** Set from {@code <moveIteratorFactoryCustomProperties>}; 0 to 1. */
    public void setStringRemovalShare(double share) {
        stringRemovalShare = checkedShare("stringRemovalShare", share);
    }

    /** Set from {@code <moveIteratorFactoryCustomProperties>}; 0 to 1. */
    public void setRouteEmptyingShare(double share) {
        routeEmptyingShare = checkedShare("routeEmptyingShare", share);
    }

    private static double checkedShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + share);
        }
        return share;
    }

    @Override
    public void phaseStarted(ScoreDirector<DispatchSolution> scoreDirector) {
        moves = new NearbyMoves(scoreDirector.getWorkingSolution(), deliveriesVariable(scoreDirector), nearbyCount,
                new NearbyMoves.Shares(stringRemovalShare, routeEmptyingShare));
    }

    @Override
    public void phaseEnded(ScoreDirector<DispatchSolution> scoreDirector) {
        moves = null;
    }

    @Override
    public long getSize(ScoreDirector<DispatchSolution> scoreDirector) {
        return moves.size();
    }

    @Override
    public Iterator<Move<DispatchSolution>> createOriginalMoveIterator(ScoreDirector<DispatchSolution> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " supports random selection only.");
    }

    @Override
    public Iterator<Move<DispatchSolution>> createRandomMoveIterator(ScoreDirector<DispatchSolution> scoreDirector,
            Random workingRandom) {
        return moves.iterator(workingRandom);
    }

    @SuppressWarnings("unchecked")
    static ListVariableDescriptor<DispatchSolution> deliveriesVariable(ScoreDirector<DispatchSolution> scoreDirector) {
        return (ListVariableDescriptor<DispatchSolution>) ((InnerScoreDirector<DispatchSolution, ?>) scoreDirector)
                .getSolutionDescriptor().findEntityDescriptorOrFail(Trip.class)
                .getGenuineVariableDescriptor(Trip.DELIVERIES);
    }
}
