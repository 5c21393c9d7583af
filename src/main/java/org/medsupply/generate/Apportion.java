// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.util.ArrayList;
import java.util.List;

/** Splitting a whole number into whole shares (Hamilton's largest-remainder method). */
final class Apportion {

    private Apportion() {
    }

    /**
     * Shares of {@code total} in proportion to {@code weights} (≥ 0, not all 0) that add up to
     * {@code total} exactly; the units left by rounding down go to the largest remainders, ties to the
     * lower index, so the split is the same on every run.
     */
    static List<Long> largestRemainder(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        long[] shares = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int largest = -1;
            for (int i = 0; i < remainders.length; i++) {
                if (weights[i] > 0 && (largest < 0 || remainders[i] > remainders[largest])) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        List<Long> result = new ArrayList<>();
        for (long share : shares) {
            result.add(share);
        }
        return result;
    }
}
