// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.List;
import java.util.Map;

import org.medsupply.io.PlanFile;
import org.medsupply.io.SiteFill;

/**
 * Why the best plan scores what it does.
 *
 * @param constraints one entry per constraint that matched, in descending order of weight
 * @param hospitals   every hospital, with the plan's shortfalls there (empty when fully served)
 */
public record Explanation(String jobId, String score, boolean feasible, List<ConstraintScore> constraints,
        List<HospitalShortfalls> hospitals) {

    /**
     * @param score   this constraint's share of the score (sum over its matches)
     * @param matches how many times it matched
     */
    public record ConstraintScore(String constraint, String score, int matches) {
    }

    /**
     * @param fillRate           the lowest of {@code fillRateByPriority}: a site short of critical units never
     *                           looks served because it got plenty of something else (1.0 when nothing was requested)
     * @param fillRateByPriority units delivered / requested per priority the site asks for, most urgent first
     * @param lines              per supply and priority: units requested and delivered
     */
    public record HospitalShortfalls(String hospital, String name, double fillRate, List<PlanFile.UnmetDto> shortfalls,
            Map<String, Double> fillRateByPriority, List<SiteFill.LineFill> lines) {
    }
}
