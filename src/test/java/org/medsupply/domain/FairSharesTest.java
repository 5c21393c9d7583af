// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.Fixtures.MASKS;
import static org.medsupply.testing.Fixtures.hospital;
import static org.medsupply.testing.Fixtures.line;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FairSharesTest {

    private final Hospital h1 = hospital("h1", 1, 3, 4);
    private final Hospital h2 = hospital("h2", 2, 3, 0);

    @Test
    void stockIsSharedInProportionToTheRequestsInWholeUnits() {
        DemandLine big = line(0, h1, MASKS, 5000, Priority.NORMAL);
        DemandLine small = line(1, h2, MASKS, 2000, Priority.NORMAL);
        assertThat(FairShares.of(List.of(big, small), 30)).isEqualTo(Map.of(big, 21L, small, 9L));
    }

    @Test
    void higherPrioritiesAreCoveredInFullBeforeLowerOnesGetAny() {
        DemandLine critical = line(0, h1, MASKS, 10, Priority.CRITICAL);
        DemandLine high = line(1, h2, MASKS, 10, Priority.HIGH);
        DemandLine otherHigh = line(2, h1, MASKS, 30, Priority.HIGH);
        DemandLine low = line(3, h2, MASKS, 10, Priority.LOW);
        assertThat(FairShares.of(List.of(critical, high, otherHigh, low), 30))
                .isEqualTo(Map.of(critical, 10L, high, 5L, otherHigh, 15L, low, 0L));
    }

    @Test
    void hugeRequestsDoNotOverflow() {
        DemandLine one = line(0, h1, MASKS, 1_000_000_000L, Priority.HIGH);
        DemandLine other = line(1, h2, MASKS, 999_999_999L, Priority.HIGH);
        Map<DemandLine, Long> shares = FairShares.of(List.of(one, other), 999_999_999_000L / 1000);
        assertThat(shares.get(one) + shares.get(other)).isEqualTo(999_999_999L);
        assertThat(shares.get(one)).isEqualTo(500_000_000L);
    }
}
