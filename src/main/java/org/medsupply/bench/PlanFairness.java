// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.FairShares;

/**
 * How evenly a plan shares out a supply that is short, per priority: the request-weighted Jain index of the
 * fill rates of the lines asking for it, against the best whole units can do, that is the same delivered
 * units shared in proportion to the requests.
 */
public final class PlanFairness {

    /**
     * One demand line and the units the plan gave it; {@code reached} when the plan stops at its hospital with a
     * trip that could bring the supply (its warehouse held some, and its vehicle may carry it).
     */
    public record Line(String supply, String priority, long requested, long delivered, boolean reached) {
    }

    /**
     * The figures of one priority, each a request-weighted mean over its (short supply, priority) groups;
     * NaN when no group got anything.
     *
     * @param planJain      Jain index of the plan's fill rates
     * @param referenceJain Jain index of the same units shared in proportion to the requests
     * @param groups        groups that got something (a group that got nothing has no Jain index)
     * @param reachedShare  share of the requests on reached lines: the highest Jain index any sharing among those
     *                      lines alone can reach (Cauchy-Schwarz; reached by equal fill rates), so the most any
     *                      re-sharing of the plan's loads can give without new stops
     */
    public record Score(double planJain, double referenceJain, int groups, double reachedShare) {
        /** Plan against reference; 1 is as fair as whole units allow. */
        public double ratio() {
            return planJain / referenceJain;
        }
    }

    private PlanFairness() {
    }

    /** A score for each of {@code priorities} (in that order), over the lines of the short supplies. */
    public static Map<String, Score> byPriority(List<Line> lines, Set<String> shortSupplies, List<String> priorities) {
        Map<String, Map<String, List<Line>>> groups = new LinkedHashMap<>(); // priority, then supply
        for (Line line : lines) {
            if (shortSupplies.contains(line.supply())) {
                groups.computeIfAbsent(line.priority(), p -> new LinkedHashMap<>())
                        .computeIfAbsent(line.supply(), s -> new ArrayList<>()).add(line);
            }
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String priority : priorities) {
            double weight = 0;
            double planSum = 0;
            double referenceSum = 0;
            double reachedSum = 0;
            int counted = 0;
            for (List<Line> group : groups.getOrDefault(priority, Map.of()).values()) {
                long[] requested = group.stream().mapToLong(Line::requested).toArray();
                long[] delivered = group.stream().mapToLong(Line::delivered).toArray();
                long units = Arrays.stream(delivered).sum();
                if (units == 0) {
                    continue;
                }
                long groupRequested = Arrays.stream(requested).sum();
                weight += groupRequested;
                planSum += groupRequested * jain(requested, delivered);
                referenceSum += groupRequested * jain(requested, proportionalShares(units, requested));
                reachedSum += group.stream().filter(Line::reached).mapToLong(Line::requested).sum();
                counted++;
            }
            scores.put(priority, new Score(planSum / weight, referenceSum / weight, counted, reachedSum / weight));
        }
        return scores;
    }

    /**
     * The request-weighted Jain index of the fill rates {@code delivered[i] / requested[i]}:
     * (Σ w x)² / (Σ w · Σ w x²) with w = requested, 1 when every line gets the same share; NaN when
     * nothing was delivered.
     */
    public static double jain(long[] requested, long[] delivered) {
        double weights = 0;
        double weightedRates = 0;
        double weightedSquares = 0;
        for (int i = 0; i < requested.length; i++) {
            double rate = (double) delivered[i] / requested[i];
            weights += requested[i];
            weightedRates += requested[i] * rate;
            weightedSquares += requested[i] * rate * rate;
        }
        return weightedRates * weightedRates / (weights * weightedSquares);
    }

    /**
     * {@code units} shared in proportion to {@code requested} (each > 0) in whole units, by largest
     * remainder (ties to the earlier line), exact in integers ({@link FairShares#proportional}). As the units
     * are at most the sum of the requests, no line gets more than it asked for.
     */
    public static long[] proportionalShares(long units, long[] requested) {
        long total = Arrays.stream(requested).sum();
        if (units < 0 || units > total) {
            throw new IllegalArgumentException(units + " units cannot be shared among requests of " + total);
        }
        return FairShares.proportional(units, requested);
    }
}
