// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws of one generation, all from one seeded {@link SplittableRandom} in a fixed order.
 * Only operations whose results are exact on every JVM are used ({@link StrictMath}, no
 * {@code nextGaussian}), so a seed gives the same file everywhere.
 */
final class Draws {

    private final SplittableRandom random;

    Draws(long seed) {
        random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in [from, to). */
    double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** Uniform in [from, to], both ends included. */
    int intBetween(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A multiple of {@code step} in [from, to], both ends included (from and to multiples of step). */
    int stepBetween(int from, int to, int step) {
        return from + step * random.nextInt((to - from) / step + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** An index drawn with probability proportional to its weight (weights ≥ 0, not all 0). */
    int weightedIndex(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal draw (Box-Muller). */
    double gaussian() {
        double u = 1 - random.nextDouble(); // in (0, 1], so the log is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }
}
