// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The last steps of every solve, each kept only when it does not worsen the plan's score:
 * <ol>
 * <li>what local search left in stock while lines go short and a vehicle there has room and time is
 * loaded after all, cut to exactly what fits ({@link GreedyDispatcher#topUp}); it only adds units;</li>
 * <li>each trip's load is shared fairly among the lines at its stops ({@link LoadSharing});</li>
 * <li>a site visited by several trips loses the stops another of them can take on ({@link StopMerging});</li>
 * <li>steps 1 and 2 again, for the room and time the dropped stops left;</li>
 * <li>a short line gets a stop on a trip that has the time and brings its supply to better-served lines
 * ({@link StopAdding}), and steps 1 and 2 again share the trip's load with it;</li>
 * <li>each trip's more urgent lines take the room its less urgent ones leave, in the supplies that bring them
 * the most units ({@link LoadSharing#mix}), and steps 1 and 2 again. It comes last: each of its changes is better
 * on the objective by itself, while stock it took early would be missed by the top-ups after merging and
 * adding.</li>
 * </ol>
 * Steps 2 and 3 keep stops in their order and only drop some, which cannot break a window or a shift on
 * distances that obey the triangle inequality; on a matrix that does not, the score check catches it.
 */
public final class PlanTopUp {

    /** The steps that load and share, run again after each step that drops or adds stops. */
    private static final List<Predicate<DispatchSolution>> LOADING = List.of(PlanTopUp::topUp, LoadSharing::share);
    private static final Predicate<DispatchSolution> MERGING = plan -> StopMerging.merge(plan) > 0;
    private static final Predicate<DispatchSolution> ADDING = plan -> StopAdding.add(plan) > 0;
    private static final Predicate<DispatchSolution> MIXING = LoadSharing::mix;

    private final SolutionManager<DispatchSolution, BendableLongScore> scoring;

    /** Finishing scored by the constraints of the factory's config. */
    public PlanTopUp(SolverFactory<DispatchSolution> solverFactory) {
        this.scoring = SolutionManager.create(solverFactory);
    }

    /**
     * The better of two finished plans, the first on a tie. The solver finishes its own plan and the greedy plan
     * local search started from, and returns the better, which keeps the promise that it is never worse than the
     * greedy coordinator, whose plan is finished the same way: the steps are not monotone, so finishing a better
     * plan can, rarely, end a little lower.
     */
    public static DispatchSolution better(DispatchSolution plan, DispatchSolution other) {
        return other != null && other.getScore().compareTo(plan.getScore()) > 0 ? other : plan;
    }

    /**
     * {@code solved} finished, scored; {@code solved} itself (scored) is not changed. All steps run on one copy,
     * scored once at the end (scoring a large plan costs); only when that is worse than {@code solved} are they
     * taken again one by one, each kept only if it does not worsen the score.
     */
    public DispatchSolution finish(DispatchSolution solved) {
        return finish(solved, () -> false);
    }

    /**
     * The same, asking {@code cancelled} before each step: once it answers true, finishing stops with a
     * {@link CancellationException} (a step itself is not interrupted).
     */
    public DispatchSolution finish(DispatchSolution solved, BooleanSupplier cancelled) {
        List<Predicate<DispatchSolution>> loading = LOADING.stream().map(step -> unlessCancelled(step, cancelled))
                .toList();
        Predicate<DispatchSolution> merging = unlessCancelled(MERGING, cancelled);
        Predicate<DispatchSolution> adding = unlessCancelled(ADDING, cancelled);
        Predicate<DispatchSolution> mixing = unlessCancelled(MIXING, cancelled);
        DispatchSolution plan = new DispatchSolutionCloner().cloneSolution(solved);
        loading.forEach(step -> apply(plan, step));
        if (apply(plan, merging)) {
            loading.forEach(step -> apply(plan, step));
        }
        if (apply(plan, adding)) {
            loading.forEach(step -> apply(plan, step));
        }
        if (apply(plan, mixing)) {
            loading.forEach(step -> apply(plan, step));
        }
        Timeline.connect(plan.getTrips());
        scoring.update(plan);
        if (plan.getScore().compareTo(solved.getScore()) >= 0) {
            return plan;
        }
        DispatchSolution guarded = new DispatchSolutionCloner().cloneSolution(solved);
        scoring.update(guarded);
        for (Predicate<DispatchSolution> step : loading) {
            guarded = ifNotWorse(guarded, step);
        }
        for (Predicate<DispatchSolution> stopChange : List.of(merging, adding, mixing)) {
            guarded = ifNotWorse(guarded, stopChange);
            for (Predicate<DispatchSolution> step : loading) {
                guarded = ifNotWorse(guarded, step);
            }
        }
        return guarded;
    }

    private static Predicate<DispatchSolution> unlessCancelled(Predicate<DispatchSolution> step,
            BooleanSupplier cancelled) {
        return plan -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("finishing cancelled");
            }
            return step.test(plan);
        };
    }

    /** Runs a step on a plan whose times are set; true when it changed the plan. */
    private static boolean apply(DispatchSolution plan, Predicate<DispatchSolution> step) {
        Timeline.connect(plan.getTrips());
        return step.test(plan);
    }

    /** Loads what fits ({@link GreedyDispatcher#topUp}); true when it added any unit. */
    private static boolean topUp(DispatchSolution plan) {
        long before = dispatchedUnits(plan.getTrips());
        Map<Trip, List<Delivery>> loads = GreedyDispatcher.topUp(plan);
        Set<Delivery> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        loads.values().forEach(placed::addAll);
        plan.unservedPool().getDeliveries().removeIf(placed::contains);
        loads.forEach((trip, deliveries) -> {
            trip.getDeliveries().clear();
            trip.getDeliveries().addAll(deliveries);
        });
        return dispatchedUnits(plan.getTrips()) > before;
    }

    private static long dispatchedUnits(List<Trip> trips) {
        return trips.stream().filter(trip -> !trip.isUnservedPool())
                .flatMap(trip -> trip.getDeliveries().stream()).mapToLong(Delivery::getQuantity).sum();
    }

    /** {@code plan} changed by {@code change} (told a copy; true when it changed it) unless that scores worse. */
    private DispatchSolution ifNotWorse(DispatchSolution plan, Predicate<DispatchSolution> change) {
        DispatchSolution changed = new DispatchSolutionCloner().cloneSolution(plan);
        if (!change.test(changed)) {
            return plan;
        }
        Timeline.connect(changed.getTrips());
        scoring.update(changed);
        return changed.getScore().compareTo(plan.getScore()) >= 0 ? changed : plan;
    }
}
