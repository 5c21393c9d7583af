// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.medsupply.domain.Supply;

/**
 * The most units a trip's room holds when it may choose how many of each supply to carry, each up to a bound:
 * a knapsack with two capacities (weight and volume). Units of a light supply fill a trip that weight limits,
 * of a compact one a trip that volume limits. Each trade-off {@code t} in [0, 1] ranks the supplies by {@code t}
 * times their share of the room's weight plus {@code 1 - t} times their share of its volume, and fills the room
 * in that order; only the trade-offs where two supplies swap ranks give different orders, so those (and the two
 * ends) are tried and the fullest kept. When both capacities bind, the best mix splits the room between two
 * supplies, which no order finds, so exchanges follow: some units of one supply give way to more of another,
 * as long as the total grows.
 */
final class LoadMix {

    /** A supply that may be carried, at most {@code most} units. */
    record Option(Supply supply, long most) {
    }

    private static final double NUDGE = 1e-9;
    /** Exchanges tried at most; each one found adds units, so this only bounds a long climb. */
    private static final int MAX_EXCHANGES = 100;

    private LoadMix() {
    }

    /** Units of each option (missing = none) for the most units in total within {@code roomMg} and {@code roomMm3}. */
    static Map<Supply, Long> mostUnits(List<Option> options, long roomMg, long roomMm3) {
        ToDoubleFunction<Option> weightShare = option -> (double) option.supply().weightMg() / Math.max(1, roomMg);
        ToDoubleFunction<Option> volumeShare = option -> (double) option.supply().volumeMm3() / Math.max(1, roomMm3);
        TreeSet<Double> tradeOffs = new TreeSet<>(List.of(0.0, 1.0));
        for (Option a : options) {
            for (Option b : options) {
                double byVolume = volumeShare.applyAsDouble(a) - volumeShare.applyAsDouble(b);
                double byWeight = weightShare.applyAsDouble(a) - weightShare.applyAsDouble(b);
                double swap = byVolume / (byVolume - byWeight);
                if (swap > 0 && swap < 1) {
                    tradeOffs.add(Math.max(0, swap - NUDGE));
                    tradeOffs.add(Math.min(1, swap + NUDGE));
                }
            }
        }
        long[] best = null;
        for (double t : tradeOffs) {
            Integer[] order = new Integer[options.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            ToDoubleFunction<Integer> rank = i -> t * weightShare.applyAsDouble(options.get(i))
                    + (1 - t) * volumeShare.applyAsDouble(options.get(i));
            Arrays.sort(order, Comparator.comparingDouble(rank).thenComparing(i -> options.get(i).supply().id()));
            long[] filled = fill(options, order, roomMg, roomMm3);
            if (best == null || total(filled) > total(best)) {
                best = filled;
            }
        }
        exchange(options, best, roomMg, roomMm3);
        Map<Supply, Long> mix = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            if (best[i] > 0) {
                mix.put(options.get(i).supply(), best[i]);
            }
        }
        return mix;
    }

    /** Takes as many units of each option as still fit, in order. */
    private static long[] fill(List<Option> options, Integer[] order, long roomMg, long roomMm3) {
        long[] units = new long[options.size()];
        long leftMg = roomMg;
        long leftMm3 = roomMm3;
        for (int i : order) {
            Supply supply = options.get(i).supply();
            units[i] = Math.max(0, Math.min(options.get(i).most(),
                    Math.min(leftMg / supply.weightMg(), leftMm3 / supply.volumeMm3())));
            leftMg -= units[i] * supply.weightMg();
            leftMm3 -= units[i] * supply.volumeMm3();
        }
        return units;
    }

    /**
     * Lets {@code k} units of one supply give way to as many of another as then fit, while that adds units. The
     * units that fit grow with {@code k} until the other capacity binds, so the best {@code k} is next to where
     * weight and volume bind together, or at an end.
     */
    private static void exchange(List<Option> options, long[] units, long roomMg, long roomMm3) {
        for (int round = 0; round < MAX_EXCHANGES; round++) {
            long leftMg = roomMg;
            long leftMm3 = roomMm3;
            for (int i = 0; i < units.length; i++) {
                leftMg -= units[i] * options.get(i).supply().weightMg();
                leftMm3 -= units[i] * options.get(i).supply().volumeMm3();
            }
            long bestGain = 0;
            int[] bestPair = null;
            long[] bestMove = null;
            for (int out = 0; out < units.length; out++) {
                for (int in = 0; in < units.length; in++) {
                    if (out == in || units[out] == 0 || units[in] >= options.get(in).most()) {
                        continue;
                    }
                    Supply a = options.get(out).supply();
                    Supply b = options.get(in).supply();
                    double cross = (double) a.weightMg() * b.volumeMm3() - (double) a.volumeMm3() * b.weightMg();
                    double both = cross == 0 ? 1 : ((double) leftMm3 * b.weightMg() - (double) leftMg * b.volumeMm3()) / cross;
                    long near = (long) Math.max(1, Math.min(units[out], Math.floor(both)));
                    for (long k : new long[] {1, near - 1, near, near + 1, units[out]}) {
                        if (k < 1 || k > units[out]) {
                            continue;
                        }
                        long fits = Math.min(options.get(in).most() - units[in],
                                Math.min(saturatedAdd(leftMg, k * a.weightMg()) / b.weightMg(),
                                        saturatedAdd(leftMm3, k * a.volumeMm3()) / b.volumeMm3()));
                        if (fits - k > bestGain) {
                            bestGain = fits - k;
                            bestPair = new int[] {out, in};
                            bestMove = new long[] {k, fits};
                        }
                    }
                }
            }
            if (bestPair == null) {
                return;
            }
            units[bestPair[0]] -= bestMove[0];
            units[bestPair[1]] += bestMove[1];
        }
    }

    /** An unlimited capacity stays unlimited. */
    private static long saturatedAdd(long left, long freed) {
        return left > Long.MAX_VALUE - freed ? Long.MAX_VALUE : left + freed;
    }

    private static long total(long[] units) {
        return Arrays.stream(units).sum();
    }
}
