// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanFile;

/** The few lines a coordinator reads first: fill rates, shortfalls and why, distance, fleet. */
final class PlanSummary {

    private static final int UNMET_SHOWN = 15;

    private PlanSummary() {
    }

    static void print(PlanFile plan, DispatchSolution problem, PrintWriter out) {
        var kpis = plan.kpis();
        out.printf(Locale.ROOT, "Plan for %s: %s%n", plan.problem(),
                Boolean.TRUE.equals(plan.feasible()) ? "feasible" : "NOT FEASIBLE (breaks hard rules)");
        out.printf(Locale.ROOT, "Score %s%n", plan.score());
        out.printf(Locale.ROOT, "Vehicles used %d of %d, %.1f km, %d late line(s)%n", kpis.vehiclesUsed(),
                problem.getVehicles().size(), kpis.totalDistanceKm(), kpis.lateLines());
        out.println("Fill rate by priority (lowest single site in brackets):");
        kpis.fillRate().forEach((priority, fill) -> out.printf(Locale.ROOT, "  %-8s %5.1f %%  (%5.1f %%)%n",
                priority, 100 * fill, 100 * kpis.minHospitalFillRate().get(priority)));
        out.printf(Locale.ROOT, "Unmet lines: %d%n", plan.unmet().size());
        plan.unmet().stream().limit(UNMET_SHOWN).forEach(unmet -> out.printf(Locale.ROOT,
                "  %-10s %-12s %6d %-8s %s%n", unmet.hospital(), unmet.supply(), unmet.quantity(), unmet.priority(),
                unmet.reason()));
        if (plan.unmet().size() > UNMET_SHOWN) {
            out.printf(Locale.ROOT, "  ... and %d more in the plan file%n", plan.unmet().size() - UNMET_SHOWN);
        }
    }
}
