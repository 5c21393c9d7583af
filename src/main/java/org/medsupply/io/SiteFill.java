// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.medsupply.domain.Priority;

/**
 * What one site asked for and what a plan brings it, per supply and priority: the per-site figures of
 * maps, the explanation and the CLI summary. Units of different supplies are never added into one fill
 * rate (a box of masks is not a ventilator), so a site short of 15 critical ventilators shows that
 * shortfall whatever else it received.
 *
 * @param lines one per supply and priority the site asks for (lines of the same supply and priority are
 *              added up), most urgent first, then in problem order
 */
public record SiteFill(String hospital, String name, List<LineFill> lines) {

    /** @param delivered units requested minus the plan's {@code unmet} for this site, supply and priority */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineFill(String supply, String supplyName, String priority, long requested, long delivered) {
        @JsonProperty("fillRate")
        public double fillRate() {
            return PlanWriter.fillRate(requested, delivered);
        }
    }

    /** Every site of the problem, in problem order, with what the plan's {@code unmet} entries leave it. */
    public static List<SiteFill> of(ProblemFile problem, PlanFile plan) {
        Map<String, String> supplyNames = new HashMap<>();
        problem.supplies().forEach(supply -> supplyNames.put(supply.id(), supply.name()));
        Map<String, Long> unmet = new HashMap<>();
        for (PlanFile.UnmetDto entry : plan.unmet() == null ? List.<PlanFile.UnmetDto>of() : plan.unmet()) {
            unmet.merge(key(entry.hospital(), entry.supply(), entry.priority()), entry.quantity(), Long::sum);
        }
        List<SiteFill> sites = new ArrayList<>();
        for (ProblemFile.HospitalDto hospital : problem.hospitals()) {
            Map<String, long[]> requested = new LinkedHashMap<>(); // supply and priority -> units
            Map<String, ProblemFile.DemandDto> firstLine = new HashMap<>();
            for (ProblemFile.DemandDto demand : hospital.demands()) {
                String key = key(hospital.id(), demand.supply(), demand.priorityOrDefault());
                requested.computeIfAbsent(key, k -> new long[1])[0] += demand.quantity();
                firstLine.putIfAbsent(key, demand);
            }
            List<LineFill> lines = new ArrayList<>();
            requested.forEach((key, units) -> {
                ProblemFile.DemandDto demand = firstLine.get(key);
                long missing = Math.min(units[0], unmet.getOrDefault(key, 0L));
                lines.add(new LineFill(demand.supply(), supplyNames.get(demand.supply()), demand.priorityOrDefault(),
                        units[0], units[0] - missing));
            });
            lines.sort(Comparator.comparing(line -> Priority.fromWireName(line.priority())));
            sites.add(new SiteFill(hospital.id(), hospital.name(), List.copyOf(lines)));
        }
        return sites;
    }

    private static String key(String hospital, String supply, String priority) {
        return hospital + '\u0000' + supply + '\u0000' + priority;
    }

    /** Units requested and delivered. */
    public record Units(long requested, long delivered) {
        public Units plus(Units other) {
            return new Units(requested + other.requested, delivered + other.delivered);
        }

        public double fillRate() {
            return PlanWriter.fillRate(requested, delivered);
        }
    }

    /** Units per priority the site asks for, most urgent first. */
    public Map<String, Units> unitsByPriority() {
        Map<String, Units> units = new LinkedHashMap<>();
        for (LineFill line : lines) {
            units.merge(line.priority(), new Units(line.requested(), line.delivered()), Units::plus);
        }
        return units;
    }

    /** Delivered / requested per priority the site asks for, most urgent first. */
    public Map<String, Double> fillRateByPriority() {
        Map<String, Double> fillRates = new LinkedHashMap<>();
        unitsByPriority().forEach((priority, units) -> fillRates.put(priority, units.fillRate()));
        return fillRates;
    }

    /** The lowest of {@link #fillRateByPriority()}: the site's headline figure; 1.0 when it asks for nothing. */
    public double lowestFillRate() {
        return fillRateByPriority().values().stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
    }

    public long requested() {
        return lines.stream().mapToLong(LineFill::requested).sum();
    }

    public long delivered() {
        return lines.stream().mapToLong(LineFill::delivered).sum();
    }
}
