// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How a short supply's stock would be shared if the fleet could bring it all: priority by priority,
 * each priority in full while stock lasts; the priority where it runs out shares what is left in
 * proportion to its lines' requests, in whole units (largest remainder, ties to the earlier line);
 * lower priorities get none. Lines are cut into deliveries from these shares, so the units that can
 * really be shared can be delivered exactly, however large the requests are.
 */
public final class FairShares {

    private FairShares() {
    }

    /** @param lines the lines of one supply; @param stock units of it that vehicles can load */
    public static Map<DemandLine, Long> of(List<DemandLine> lines, long stock) {
        return of(lines, DemandLine::quantity, stock);
    }

    /**
     * @param toBring what each line still asks for (its quantity, less what trips under way bring it)
     */
    public static Map<DemandLine, Long> of(List<DemandLine> lines, ToLongFunction<DemandLine> toBring, long stock) {
        Map<DemandLine, Long> shares = new HashMap<>();
        long left = stock;
        for (Priority priority : Priority.values()) {
            List<DemandLine> tier = lines.stream().filter(line -> line.priority() == priority).toList();
            long requested = tier.stream().mapToLong(toBring).sum();
            if (left >= requested) {
                tier.forEach(line -> shares.put(line, toBring.applyAsLong(line)));
                left -= requested;
            } else {
                shares.putAll(proportional(tier, toBring, left));
                left = 0;
            }
        }
        return shares;
    }

    private static Map<DemandLine, Long> proportional(List<DemandLine> tier, ToLongFunction<DemandLine> toBring,
            long units) {
        long[] shares = proportional(units, tier.stream().mapToLong(toBring).toArray());
        Map<DemandLine, Long> byLine = new HashMap<>();
        for (int i = 0; i < shares.length; i++) {
            byLine.put(tier.get(i), shares[i]);
        }
        return byLine;
    }

    /**
     * {@code units} (at most the sum of {@code requested}) shared in proportion to {@code requested} in whole
     * units: each gets the floor of its exact share, and the units left go one each to the largest
     * remainders, ties to the earlier request. Exact in integers, however large the numbers.
     */
    public static long[] proportional(long units, long[] requested) {
        BigInteger total = BigInteger.valueOf(Arrays.stream(requested).sum());
        long[] shares = new long[requested.length];
        BigInteger[] remainders = new BigInteger[requested.length];
        long left = units;
        for (int i = 0; i < requested.length; i++) {
            BigInteger[] division = BigInteger.valueOf(units).multiply(BigInteger.valueOf(requested[i]))
                    .divideAndRemainder(total);
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            left -= shares[i];
        }
        Integer[] byRemainder = new Integer[requested.length];
        Arrays.setAll(byRemainder, i -> i);
        Arrays.sort(byRemainder, Comparator.comparing((Integer i) -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < left; i++) {
            shares[byRemainder[i]]++;
        }
        return shares;
    }
}
