// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Trip;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.testing.TestProblems;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.list.SubList;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListSwapMove;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

class NearbyMoveIteratorFactoryTest {

    /** A score director on the problem, before (or after) the greedy plan, with the factory started on it. */
    private static InnerScoreDirector<DispatchSolution, ?> scoreDirector(DispatchSolution problem, boolean greedy) {
        InnerScoreDirector<DispatchSolution, ?> scoreDirector =
                ((DefaultSolverFactory<DispatchSolution>) SolverFactory.<DispatchSolution>create(SolverConfigs.production()))
                        .getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(problem);
        if (greedy) {
            new GreedyDispatchPhase().changeWorkingSolution(scoreDirector);
        }
        scoreDirector.calculateScore();
        return scoreDirector;
    }

    private static NearbyMoveIteratorFactory started(InnerScoreDirector<DispatchSolution, ?> scoreDirector) {
        NearbyMoveIteratorFactory factory = new NearbyMoveIteratorFactory();
        factory.setNearbyCount(5);
        factory.phaseStarted(scoreDirector);
        return factory;
    }

    private static Iterator<Move<DispatchSolution>> moves(InnerScoreDirector<DispatchSolution, ?> scoreDirector) {
        return started(scoreDirector).createRandomMoveIterator(scoreDirector, new Random(7));
    }

    /** On a problem with a shortage, where units and fairness are at stake: the neighbour moves only. */
    @Test
    void everyKindOfMoveChangesThePlanAndIsUndoneExactly() {
        assertThat(kindsMade(TestProblems.random(5, 15, 4, 2))).containsExactlyInAnyOrder("into the pool",
                "out of the pool", "relocate", "swap", "swap with the pool", "move a stop", "2-opt", "swap stops",
                "swap tails");
    }

    /** Where stock and fleet cover everything the search is pure routing, and ruin and recreate joins in. */
    @Test
    void withNothingShortRuinAndRecreateMovesJoinAndAreUndoneExactly() {
        assertThat(kindsMade(TestProblems.randomWithAmpleStock(5, 15, 4, 2)))
                .contains("relocate", "swap", "2-opt", "swap tails", "remove strings", "empty route");
    }

    /** The kinds of 3,000 moves on the greedy plan, each of which must change the plan and be undone exactly. */
    private static Set<String> kindsMade(ProblemFile problem) {
        InnerScoreDirector<DispatchSolution, ?> scoreDirector = scoreDirector(ProblemMapper.toSolution(problem), true);
        DispatchSolution solution = scoreDirector.getWorkingSolution();
        NearbyMoveIteratorFactory factory = started(scoreDirector);
        Random random = new Random(7);
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 3000; i++) { // the first move of each step, as the local search takes them
            Move<DispatchSolution> move = factory.createRandomMoveIterator(scoreDirector, random).next();
            kinds.add(kind(move, solution.unservedPool()));
            String description = move.toString();
            assertThat(move.isMoveDoable(scoreDirector)).as(description).isTrue();
            List<List<Set<Delivery>>> before = stops(solution);
            List<List<Delivery>> lists = lists(solution);
            Move<DispatchSolution> undo = move.doMove(scoreDirector);
            assertThat(stops(solution)).as(description).isNotEqualTo(before);
            undo.doMoveOnly(scoreDirector);
            assertThat(lists(solution)).as(description).isEqualTo(lists);
        }
        return kinds;
    }

    @Test
    void sharesOfRuinAndRecreateOutsideZeroToOneAreRefused() {
        NearbyMoveIteratorFactory factory = new NearbyMoveIteratorFactory();
        assertThatThrownBy(() -> factory.setStringRemovalShare(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stringRemovalShare");
        assertThatThrownBy(() -> factory.setRouteEmptyingShare(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("routeEmptyingShare");
        assertThatThrownBy(() -> factory.setStringRemovalShare(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Without it a plan where no move is acceptable would never finish a step, and step limits never fire. */
    @Test
    void aStepThatFindsNothingToTakeEndsWithAMoveThatChangesNothing() {
        InnerScoreDirector<DispatchSolution, ?> scoreDirector =
                scoreDirector(ProblemMapper.toSolution(TestProblems.random(5, 15, 4, 2)), true);
        DispatchSolution solution = scoreDirector.getWorkingSolution();
        Iterator<Move<DispatchSolution>> step = moves(scoreDirector);
        int tried = 0;
        boolean changed = true;
        while (changed && tried++ <= 1000) {
            Move<DispatchSolution> move = step.next();
            List<List<Set<Delivery>>> before = stops(solution);
            Move<DispatchSolution> undo = move.doMove(scoreDirector);
            changed = !stops(solution).equals(before);
            undo.doMoveOnly(scoreDirector);
        }
        assertThat(changed).isFalse();
        assertThat(tried).isGreaterThan(100);
    }

    @Test
    void withEverythingUnservedMovesBringDeliveriesOutOfThePool() {
        InnerScoreDirector<DispatchSolution, ?> scoreDirector =
                scoreDirector(ProblemMapper.toSolution(TestProblems.random(5, 15, 4, 2)), false);
        Trip pool = scoreDirector.getWorkingSolution().unservedPool();
        Iterator<Move<DispatchSolution>> moves = moves(scoreDirector);
        for (int i = 0; i < 50; i++) {
            assertThat(kind(moves.next(), pool)).isEqualTo("out of the pool");
        }
    }

    @Test
    void withoutVehiclesThereIsNoMove() {
        DispatchSolution problem = ProblemMapper.toSolution(TestProblems.random(5, 3, 0, 1));
        assertThat(moves(scoreDirector(problem, false)).hasNext()).isFalse();
    }

    private static String kind(Move<DispatchSolution> move, Trip pool) {
        if (move instanceof ListChangeMove<DispatchSolution> change) {
            if (change.getDestinationEntity() == pool) {
                return "into the pool";
            }
            return change.getSourceEntity() == pool ? "out of the pool" : "relocate";
        }
        if (move instanceof ListSwapMove<DispatchSolution> swap) {
            return swap.getLeftEntity() == pool || swap.getRightEntity() == pool ? "swap with the pool" : "swap";
        }
        if (move instanceof SubListChangeMove<DispatchSolution> change) {
            return change.isReversing() ? "2-opt" : "move a stop";
        }
        if (move instanceof SubListSwapMove<DispatchSolution> swap) {
            return endsItsTrip(swap.getLeftSubList()) && endsItsTrip(swap.getRightSubList()) ? "swap tails"
                    : "swap stops";
        }
        if (move instanceof TripListsMove lists) {
            return lists.description();
        }
        return move.getClass().getSimpleName();
    }

    private static boolean endsItsTrip(SubList subList) {
        return subList.getToIndex() == ((Trip) subList.getEntity()).getDeliveries().size();
    }

    private static List<List<Delivery>> lists(DispatchSolution solution) {
        return solution.getTrips().stream().map(trip -> List.copyOf(trip.getDeliveries())).toList();
    }

    /** Per trip, its stops in order, each the set of its deliveries: equal when a move changed nothing real. */
    private static List<List<Set<Delivery>>> stops(DispatchSolution solution) {
        List<List<Set<Delivery>>> trips = new ArrayList<>();
        for (Trip trip : solution.getTrips()) {
            List<Set<Delivery>> stops = new ArrayList<>();
            Delivery previous = null;
            for (Delivery delivery : trip.getDeliveries()) {
                if (trip.isUnservedPool() && stops.isEmpty()
                        || !trip.isUnservedPool() && (previous == null || previous.getHospital() != delivery.getHospital())) {
                    stops.add(new HashSet<>());
                }
                stops.get(stops.size() - 1).add(delivery);
                previous = delivery;
            }
            trips.add(stops);
        }
        return trips;
    }
}
