// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.List;
import java.util.Objects;

import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/**
 * The project's own plan checker: an independent reading of FORMAT.md's plan rules that recomputes travel,
 * times, loads, stock use, shortfalls and KPIs from the problem and the plan's wire records alone. It shares
 * no code with the planning model ({@code org.medsupply.domain}), so a bug there cannot hide here. It mirrors
 * the reference {@code tools/checkplan.py} with the same tolerances (0.5 % or 50 m on km, 1 minute on times,
 * 1e-3 on rates), and is stricter where FORMAT.md allows: stated times must equal the recomputed ones.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    /**
     * Every rule the plan breaks, with a pointer into the plan, and the plan's figures recomputed.
     *
     * @param problem a valid problem (as the problem reader accepts it); not null
     * @param plan    the plan to judge, possibly incomplete or inconsistent; not null
     */
    public static CheckReport check(ProblemFile problem, PlanFile plan) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(plan, "plan");
        ProblemIndex index = ProblemIndex.of(problem);
        Findings findings = new Findings();
        findings.present(plan.score(), "/score");
        findings.present(plan.feasible(), "/feasible");
        findings.present(plan.routes(), "/routes");
        findings.present(plan.unmet(), "/unmet");
        findings.present(plan.kpis(), "/kpis");
        RouteWalk routes = RouteWalk.walk(index, ProblemIndex.orEmpty(plan.routes()), findings);
        Summary summary = DemandCheck.check(index, plan, routes, findings);
        if (Boolean.TRUE.equals(plan.feasible()) && findings.hardRuleBroken()) {
            findings.add(Rule.FEASIBLE, "/feasible", "the plan says it is feasible, but it breaks hard rules "
                    + "or states times, loads or km its routes do not give");
        }
        if (plan.problem() != null && !plan.problem().equals(problem.name())) {
            return otherProblem(problem, plan, findings, summary);
        }
        return new CheckReport(findings.violations(), summary);
    }

    /**
     * A plan naming another problem is reported as such, first. When some of its ids are not in this problem
     * either, it was made for another one: the rest (unknown ids, shortfalls of hospitals it never heard of)
     * would only bury that, so it is counted instead. A renamed problem whose ids all resolve is checked in full.
     */
    private static CheckReport otherProblem(ProblemFile problem, PlanFile plan, Findings findings, Summary summary) {
        long unknownIds = findings.count(Rule.UNKNOWN_ID);
        Findings mismatch = unknownIds == 0 ? findings : new Findings();
        mismatch.add(Rule.PROBLEM, "/problem", "the plan is for problem '" + plan.problem() + "', not '"
                + problem.name() + "'" + (unknownIds == 0 ? ""
                        : "; " + unknownIds + " of its vehicle, hospital and supply ids are not in this problem"));
        return new CheckReport(mismatch.violations(), summary);
    }

    /**
     * Reads plan JSON strictly: malformed JSON, a value of the wrong type or an unknown field is an error
     * (all of them are reported, each with its JSON pointer), unlike the lenient {@link PlanFile} binding.
     */
    public static PlanFile readPlan(String json) throws InvalidInputException {
        return PlanReader.read(json);
    }
}
