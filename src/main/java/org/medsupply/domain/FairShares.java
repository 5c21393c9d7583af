// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<DemandLine, Long> shares = new HashMap<>();
        long left = stock;
        for (Priority priority : Priority.values()) {
            List<DemandLine> tier = lines.stream().filter(line -> line.priority() == priority).toList();
            long requested = tier.stream().mapToLong(DemandLine::quantity).sum();
            if (left >= requested) {
                tier.forEach(line -> shares.put(line, line.quantity()));
                left -= requested;
            } else {
                shares.putAll(proportional(tier, left, requested));
                left = 0;
            }
        }
        return shares;
    }

    private static Map<DemandLine, Long> proportional(List<DemandLine> tier, long units, long requested) {
        Map<DemandLine, Long> shares = new HashMap<>();
        Map<DemandLine, BigInteger> remainders = new HashMap<>();
        BigInteger total = BigInteger.valueOf(requested);
        long given = 0;
        for (DemandLine line : tier) {
            BigInteger[] division = BigInteger.valueOf(units).multiply(BigInteger.valueOf(line.quantity()))
                    .divideAndRemainder(total);
            shares.put(line, division[0].longValueExact());
            remainders.put(line, division[1]);
            given += division[0].longValueExact();
        }
        List<DemandLine> byRemainder = new ArrayList<>(tier);
        byRemainder.sort(Comparator.comparing((DemandLine line) -> remainders.get(line)).reversed()
                .thenComparing(DemandLine::index));
        for (int i = 0; i < units - given; i++) {
            shares.merge(byRemainder.get(i), 1L, Long::sum);
        }
        return shares;
    }
}
