// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.SiteFill;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Breaks a plan's score down per constraint (OptaPlanner's constraint match totals) and lists per
 * hospital the plan's shortfalls with their reasons (the {@code unmet} entries PlanWriter wrote from
 * {@code ShortfallDiagnosis}, so the reasons are the same words as in the plan).
 */
final class ScoreExplainer {

    private volatile SolutionManager<DispatchSolution, BendableLongScore> solutionManager;

    /**
     * @param solution a planning clone only this explainer touches (explaining recomputes its shadow
     *                 variables and score in place)
     */
    Explanation explain(String jobId, ProblemFile problem, DispatchSolution solution, PlanFile plan) {
        ScoreExplanation<DispatchSolution, BendableLongScore> explanation = manager().explain(solution);
        List<Explanation.ConstraintScore> constraints = explanation.getConstraintMatchTotalMap().values().stream()
                .sorted(Comparator.comparing(ConstraintMatchTotal<BendableLongScore>::getScore)
                        .thenComparing(ConstraintMatchTotal::getConstraintName))
                .map(total -> new Explanation.ConstraintScore(total.getConstraintName(), total.getScore().toString(),
                        total.getConstraintMatchCount()))
                .toList();
        Map<String, List<PlanFile.UnmetDto>> unmetByHospital = new HashMap<>();
        for (PlanFile.UnmetDto unmet : plan.unmet() == null ? List.<PlanFile.UnmetDto>of() : plan.unmet()) {
            unmetByHospital.computeIfAbsent(unmet.hospital(), id -> new ArrayList<>()).add(unmet);
        }
        List<Explanation.HospitalShortfalls> hospitals = SiteFill.of(problem, plan).stream()
                .map(site -> new Explanation.HospitalShortfalls(site.hospital(), site.name(), site.lowestFillRate(),
                        List.copyOf(unmetByHospital.getOrDefault(site.hospital(), List.of())),
                        site.fillRateByPriority(), site.lines()))
                .toList();
        BendableLongScore score = explanation.getScore();
        return new Explanation(jobId, score.toString(), score.isFeasible(), constraints, hospitals);
    }

    /** Computes the shadow variables and score of a solution built outside the solver (a checkpoint). */
    void score(DispatchSolution solution) {
        manager().update(solution);
    }

    /**
     * Scores a solution built outside the solver, first taking off its trips the deliveries that a hard rule
     * indicts (a window, a shift, the cold chain): the last such delivery of each trip, again and again, until no
     * hard rule indicts a delivery. A plan carried over to a changed problem so starts the solver without broken
     * rules where it can, from which local search does far better than from a broken plan. The deliveries taken
     * off wait in the unserved pool.
     */
    void scoreWithoutBrokenDeliveries(DispatchSolution solution) {
        while (true) {
            manager().update(solution);
            if (solution.getScore().isFeasible()) {
                return;
            }
            Map<Object, Indictment<BendableLongScore>> indicted = manager().explain(solution).getIndictmentMap();
            List<Delivery> brokenLast = new ArrayList<>();
            for (Trip trip : solution.getTrips()) {
                List<Delivery> deliveries = trip.isUnservedPool() ? List.of() : trip.getDeliveries();
                for (int i = deliveries.size() - 1; i >= 0; i--) {
                    Indictment<BendableLongScore> indictment = indicted.get(deliveries.get(i));
                    if (indictment != null && !indictment.getScore().isFeasible()) {
                        brokenLast.add(deliveries.get(i));
                        break;
                    }
                }
            }
            if (brokenLast.isEmpty()) {
                return; // what is broken is no delivery's alone (a stock, a load): the solver repairs it
            }
            for (Delivery delivery : brokenLast) {
                delivery.getTrip().getDeliveries().remove(delivery);
                solution.unservedPool().getDeliveries().add(delivery);
            }
            Timeline.connect(solution.getTrips());
        }
    }

    private SolutionManager<DispatchSolution, BendableLongScore> manager() {
        SolutionManager<DispatchSolution, BendableLongScore> manager = solutionManager;
        if (manager == null) {
            synchronized (this) {
                if (solutionManager == null) {
                    solutionManager = SolutionManager.create(SolverFactory.create(SolverConfigs.production()));
                }
                manager = solutionManager;
            }
        }
        return manager;
    }
}
