// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkingTest {

    /** Every total a subset of the chunks can make. */
    private static BitSet reachableTotals(List<Long> sizes, long quantity) {
        BitSet reachable = new BitSet((int) quantity + 1);
        reachable.set(0);
        for (long size : sizes) {
            for (int total = (int) quantity; total >= size; total--) {
                if (reachable.get(total - (int) size)) {
                    reachable.set(total);
                }
            }
        }
        return reachable;
    }

    @Test
    void smallLinesCanBeDeliveredInAnyQuantity() {
        for (long quantity = 1; quantity <= 63; quantity++) {
            List<Long> sizes = Chunking.split(quantity, 6, 1000);
            assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(quantity);
            assertThat(reachableTotals(sizes, quantity).cardinality()).as("quantity %d: %s", quantity, sizes)
                    .isEqualTo((int) quantity + 1);
        }
    }

    @Test
    void largeLinesAreCutIntoFewChunksWithAFineStep() {
        for (long quantity : List.of(64L, 100L, 800L, 5000L)) {
            List<Long> sizes = Chunking.split(quantity, 6, 100_000);
            long step = (quantity + 62) / 63;
            assertThat(sizes).hasSizeLessThanOrEqualTo(6);
            BitSet reachable = reachableTotals(sizes, quantity);
            for (long wanted = 0; wanted <= quantity; wanted++) { // every quantity within one step
                int below = reachable.previousSetBit((int) wanted);
                assertThat(wanted - below).as("%d of %d from %s", wanted, quantity, sizes).isLessThan(step);
            }
        }
    }

    @Test
    void noChunkIsLargerThanAVehicleCarries() {
        assertThat(Chunking.split(1000, 6, 40)).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(40L))
                .extracting(Long::longValue).contains(40L);
    }

    @Test
    void aLineBeyondWhatTheFleetCanEverCarryStaysFewChunks() {
        List<Long> sizes = Chunking.split(1_000_000_000_000L, 6, 1, 40);
        assertThat(sizes).hasSizeLessThanOrEqualTo(6 + 40);
        assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000_000_000L);
        assertThat(sizes.stream().filter(size -> size <= 1)).hasSizeGreaterThanOrEqualTo(40);
    }
}
