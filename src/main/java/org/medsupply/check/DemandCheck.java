// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.UnmetDto;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.ReferenceTripDto;
import org.medsupply.io.ProblemFile.TripStopDto;

/**
 * The demand side: what the routes delivered against what each hospital asked for (over-delivery, split
 * unsplittable lines), whether {@code unmet} names every shortfall truthfully, and the KPIs recomputed from
 * the routes. A plan's deliveries name a hospital and a supply, not a line; where a hospital has several
 * lines for one supply, units are counted against its most urgent line first, then in file order.
 */
final class DemandCheck {

    static final List<String> CAUSES = List.of("stock", "fleet", "time", "cold-chain", "priority");
    /** Slack on fill rates, as the reference checker allows. */
    static final double RATE_TOLERANCE = 1e-3;

    private record Key(String hospital, String supply) {
    }

    /** One demand line and what the routes gave it. */
    private static final class Line {
        final DemandDto demand;
        final Double needByMinutes;
        long delivered;

        Line(DemandDto demand) {
            this.demand = demand;
            this.needByMinutes = demand.needBy() == null ? null
                    : Findings.epochMinutes(OffsetDateTime.parse(demand.needBy()));
        }
    }

    private final ProblemIndex problem;
    private final Findings findings;
    /** Lines per hospital and supply, most urgent first; keys in problem order. */
    private final Map<Key, List<Line>> lines = new LinkedHashMap<>();
    private final Map<Key, Long> delivered = new HashMap<>();
    private final Map<Key, List<Drop>> dropsByKey = new HashMap<>();
    /** Keys already reported as over-delivered or split, so each is reported once. */
    private final Set<Key> overDelivered = new HashSet<>();
    private final Set<Key> split = new HashSet<>();
    /** Units brought by trips that are not committed, per vehicle, hospital and supply. */
    private final Map<List<String>, Long> newByVehicle = new HashMap<>();

    private DemandCheck(ProblemIndex problem, Findings findings) {
        this.problem = problem;
        this.findings = findings;
        for (HospitalDto hospital : problem.hospitals().values()) {
            for (DemandDto demand : ProblemIndex.orEmpty(hospital.demands())) {
                lines.computeIfAbsent(new Key(hospital.id(), demand.supply()), k -> new ArrayList<>())
                        .add(new Line(demand));
            }
        }
        lines.values().forEach(list -> list.sort(Comparator.comparingInt(line -> urgency(line.demand))));
    }

    static Summary check(ProblemIndex problem, PlanFile plan, RouteWalk routes, Findings findings) {
        DemandCheck check = new DemandCheck(problem, findings);
        // committed deliveries first: a line may end over-delivered (or split) through them alone
        routes.drops().stream().filter(Drop::committed).forEach(check::receive);
        routes.drops().stream().filter(drop -> !drop.committed()).forEach(check::receive);
        check.attribute();
        if (plan.unmet() != null) {
            check.unmet(plan.unmet());
        }
        Summary summary = check.summary(routes);
        if (plan.kpis() != null) {
            check.kpis(plan.kpis(), summary);
        }
        return summary;
    }

    /**
     * Counts one delivery; over-delivery and splitting are reported at the first entry of a trip that is not
     * committed that breaks them (committed trips may have brought more than is asked today).
     */
    private void receive(Drop drop) {
        Key key = new Key(drop.hospital(), drop.supply());
        List<Line> keyLines = lines.getOrDefault(key, List.of());
        long requested = requested(keyLines);
        long total = delivered.merge(key, drop.quantity(), Long::sum);
        if (!drop.committed()) {
            newByVehicle.merge(List.of(drop.vehicle(), drop.hospital(), drop.supply()), drop.quantity(), Long::sum);
        }
        if (!drop.committed() && total > requested && overDelivered.add(key)) {
            findings.add(Rule.OVER_DELIVERY, drop.pointer(), drop.hospital() + " asked for " + requested + " "
                    + drop.supply() + ", the routes bring " + total + " by this stop");
        }
        List<Drop> stops = dropsByKey.computeIfAbsent(key, k -> new ArrayList<>());
        stops.add(drop);
        if (!drop.committed() && !keyLines.isEmpty() && stops.size() > keyLines.size()
                && keyLines.stream().noneMatch(line -> line.demand.isSplittable()) && split.add(key)) {
            findings.add(Rule.SPLIT, drop.pointer(), drop.hospital() + "'s " + drop.supply() + " may not be split, "
                    + "but this is stop " + stops.size() + " to bring it");
        }
    }

    private void attribute() {
        lines.forEach((key, keyLines) -> {
            long left = delivered.getOrDefault(key, 0L);
            for (Line line : keyLines) {
                line.delivered = Math.min(left, line.demand.quantity());
                left -= line.delivered;
            }
        });
    }

    private void unmet(List<UnmetDto> unmet) {
        Map<Key, Long> listed = new HashMap<>();
        Map<Key, Integer> firstEntry = new HashMap<>();
        for (int i = 0; i < unmet.size(); i++) {
            UnmetDto entry = unmet.get(i);
            Key key = entry == null ? null : unmetKey(entry, Pointer.child("/unmet", i));
            if (key != null) {
                listed.merge(key, entry.quantity(), Long::sum);
                firstEntry.putIfAbsent(key, i);
                unmetEntry(entry, lines.get(key), Pointer.child("/unmet", i));
            }
        }
        lines.forEach((key, keyLines) -> {
            long requested = requested(keyLines);
            long missing = Math.max(0, requested - delivered.getOrDefault(key, 0L));
            long said = listed.getOrDefault(key, 0L);
            Integer entry = firstEntry.get(key);
            if (missing > 0 && said != missing) {
                findings.add(Rule.UNMET, entry == null ? "/unmet" : Pointer.child("/unmet", entry) + "/quantity",
                        key.hospital() + " is short of " + missing + " " + key.supply() + ", unmet lists " + said);
            } else if (missing == 0 && said > 0) {
                findings.add(Rule.UNMET, Pointer.child("/unmet", entry), key.hospital() + " got all the "
                        + key.supply() + " it asked for, unmet lists " + said + " missing");
            }
        });
    }

    /** The demand an unmet entry is about, or null (reported) when it names none. */
    private Key unmetKey(UnmetDto entry, String at) {
        if (!findings.present(entry.hospital(), at + "/hospital")
                || !findings.present(entry.supply(), at + "/supply")) {
            return null;
        }
        if (!problem.hospitals().containsKey(entry.hospital())) {
            findings.add(Rule.UNKNOWN_ID, at + "/hospital", "no hospital " + entry.hospital() + " in the problem");
            return null;
        }
        if (!problem.supplies().containsKey(entry.supply())) {
            findings.add(Rule.UNKNOWN_ID, at + "/supply", "no supply " + entry.supply() + " in the problem");
            return null;
        }
        Key key = new Key(entry.hospital(), entry.supply());
        if (!lines.containsKey(key)) {
            findings.add(Rule.UNMET, at, entry.hospital() + " has no demand line for " + entry.supply());
            return null;
        }
        return key;
    }

    private void unmetEntry(UnmetDto entry, List<Line> keyLines, String at) {
        if (entry.quantity() <= 0) {
            findings.add(Rule.UNMET, at + "/quantity", "a shortfall is a positive quantity, not " + entry.quantity());
        }
        if (findings.present(entry.priority(), at + "/priority")
                && keyLines.stream().noneMatch(line -> line.demand.priorityOrDefault().equals(entry.priority()))) {
            findings.add(Rule.UNMET, at + "/priority", entry.hospital() + "'s " + entry.supply() + " line is not "
                    + entry.priority() + " priority");
        }
        if (findings.present(entry.cause(), at + "/cause") && !CAUSES.contains(entry.cause())) {
            findings.add(Rule.UNMET, at + "/cause", "cause " + entry.cause() + " is not one of "
                    + String.join("|", CAUSES));
        }
        if (findings.present(entry.reason(), at + "/reason") && entry.reason().isBlank()) {
            findings.add(Rule.UNMET, at + "/reason", "the reason is blank");
        }
    }

    private Summary summary(RouteWalk routes) {
        Map<String, long[]> byPriority = new HashMap<>(); // requested, delivered
        Map<String, Map<String, long[]>> byHospitalAndPriority = new LinkedHashMap<>();
        int lateLines = 0;
        for (Map.Entry<Key, List<Line>> entry : lines.entrySet()) {
            for (Line line : entry.getValue()) {
                String priority = line.demand.priorityOrDefault();
                add(byPriority.computeIfAbsent(priority, p -> new long[2]), line);
                add(byHospitalAndPriority.computeIfAbsent(entry.getKey().hospital(), h -> new HashMap<>())
                        .computeIfAbsent(priority, p -> new long[2]), line);
                if (isLate(line, dropsByKey.getOrDefault(entry.getKey(), List.of()))) {
                    lateLines++;
                }
            }
        }
        Map<String, Double> fillRate = new LinkedHashMap<>();
        Map<String, Double> minHospitalFillRate = new LinkedHashMap<>();
        for (String priority : ProblemIndex.PRIORITIES) {
            fillRate.put(priority, rate(byPriority.get(priority)));
            minHospitalFillRate.put(priority, byHospitalAndPriority.values().stream()
                    .filter(hospital -> hospital.containsKey(priority))
                    .mapToDouble(hospital -> rate(hospital.get(priority))).min().orElse(1.0));
        }
        long requested = byPriority.values().stream().mapToLong(counts -> counts[0]).sum();
        long deliveredUnits = byPriority.values().stream().mapToLong(counts -> counts[1]).sum();
        return new Summary(routes.totalKm(), routes.vehiclesUsed(), deliveredUnits, requested, fillRate,
                minHospitalFillRate, lateLines, changedUnits());
    }

    /**
     * Units of the problem's {@code reference} that trips which are not committed do not bring on the same
     * vehicle to the same hospital; null when the problem announces none.
     */
    private Long changedUnits() {
        Map<List<String>, Long> announced = new LinkedHashMap<>();
        for (ReferenceTripDto trip : problem.reference()) {
            for (TripStopDto stop : trip.stops()) {
                stop.deliver().forEach((supply, units) ->
                        announced.merge(List.of(trip.vehicle(), stop.hospital(), supply), units, Long::sum));
            }
        }
        if (announced.isEmpty()) {
            return null;
        }
        return announced.entrySet().stream()
                .mapToLong(entry -> Math.max(0, entry.getValue() - newByVehicle.getOrDefault(entry.getKey(), 0L)))
                .sum();
    }

    /** Late: the line got something and a stop bringing its supply to its hospital started after needBy. */
    private static boolean isLate(Line line, List<Drop> drops) {
        return line.needByMinutes != null && line.delivered > 0 && drops.stream()
                .anyMatch(drop -> drop.startMinutes() != null && drop.startMinutes() > line.needByMinutes);
    }

    private static long requested(List<Line> keyLines) {
        return keyLines.stream().mapToLong(line -> line.demand.quantity()).sum();
    }

    private static void add(long[] counts, Line line) {
        counts[0] += line.demand.quantity();
        counts[1] += line.delivered;
    }

    private static double rate(long[] counts) {
        return counts == null || counts[0] == 0 ? 1.0 : (double) counts[1] / counts[0];
    }

    private void kpis(KpisDto kpis, Summary summary) {
        if (findings.present(kpis.totalDistanceKm(), "/kpis/totalDistanceKm")
                && !RouteWalk.closeKm(kpis.totalDistanceKm(), summary.distanceKm())) {
            findings.add(Rule.KPI, "/kpis/totalDistanceKm", "totalDistanceKm says "
                    + Findings.number(kpis.totalDistanceKm()) + " km, the routes drive "
                    + Findings.number(summary.distanceKm()) + " km");
        }
        if (findings.present(kpis.vehiclesUsed(), "/kpis/vehiclesUsed")
                && kpis.vehiclesUsed() != summary.vehiclesUsed()) {
            findings.add(Rule.KPI, "/kpis/vehiclesUsed", "vehiclesUsed says " + kpis.vehiclesUsed() + ", "
                    + summary.vehiclesUsed() + " vehicles make stops");
        }
        rates(kpis.fillRate(), summary.fillRate(), "fillRate");
        rates(kpis.minHospitalFillRate(), summary.minHospitalFillRate(), "minHospitalFillRate");
        if (findings.present(kpis.lateLines(), "/kpis/lateLines") && kpis.lateLines() != summary.lateLines()) {
            findings.add(Rule.KPI, "/kpis/lateLines", "lateLines says " + kpis.lateLines() + ", " + summary.lateLines()
                    + " lines have a delivery starting after their needBy");
        }
        if (summary.changedUnits() != null && findings.present(kpis.changedUnits(), "/kpis/changedUnits")
                && !kpis.changedUnits().equals(summary.changedUnits())) {
            findings.add(Rule.KPI, "/kpis/changedUnits", "changedUnits says " + kpis.changedUnits() + ", "
                    + summary.changedUnits() + " announced units are not brought on the same vehicle");
        }
    }

    /** Checks the rates of one KPI ({@code fillRate}, {@code minHospitalFillRate}) priority by priority. */
    private void rates(Map<String, Double> stated, Map<String, Double> recomputed, String kpi) {
        String at = "/kpis/" + kpi;
        if (!findings.present(stated, at)) {
            return;
        }
        stated.keySet().stream().filter(priority -> !recomputed.containsKey(priority)).forEach(priority ->
                findings.add(Rule.KPI, Pointer.child(at, priority), priority + " is not a priority"));
        recomputed.forEach((priority, rate) -> {
            Double value = stated.get(priority);
            if (findings.present(value, Pointer.child(at, priority)) && Math.abs(value - rate) > RATE_TOLERANCE) {
                findings.add(Rule.KPI, Pointer.child(at, priority), kpi + "." + priority + " says " + value
                        + ", the routes give " + Math.round(rate * 10_000) / 10_000d);
            }
        });
    }

    private static int urgency(DemandDto demand) {
        int rank = ProblemIndex.PRIORITIES.indexOf(demand.priorityOrDefault());
        return rank < 0 ? ProblemIndex.PRIORITIES.size() : rank;
    }
}
