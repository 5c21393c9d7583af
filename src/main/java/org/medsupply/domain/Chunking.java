// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a quantity into chunk sizes q, 2q, 4q, ... plus a remainder, so that choosing a subset of the
 * chunks delivers any multiple of q up to the whole quantity (q = 1 whenever the line has at most
 * 2^maxChunks - 1 units: then every total is reachable). No chunk is larger than
 * {@code maxUnitsPerChunk} (what one vehicle can carry), so every chunk fits some vehicle.
 */
public final class Chunking {

    private Chunking() {
    }

    public static List<Long> split(long quantity, int maxChunks, long maxUnitsPerChunk) {
        return split(quantity, maxChunks, maxUnitsPerChunk, Integer.MAX_VALUE);
    }

    /**
     * As above, with at most {@code maxLoads} chunks of a full vehicle load (the fleet's trips): what is
     * beyond them stays one chunk that no vehicle takes, so a huge line cannot blow up the model.
     */
    public static List<Long> split(long quantity, int maxChunks, long maxUnitsPerChunk, int maxLoads) {
        long quantum = Math.max(1, ceilDiv(quantity, (1L << maxChunks) - 1));
        List<Long> sizes = new ArrayList<>();
        long left = quantity;
        for (long size = quantum; size <= left && size <= maxUnitsPerChunk && sizes.size() < maxChunks - 1;
                size *= 2) {
            sizes.add(size);
            left -= size;
        }
        int loads = 0;
        while (left > 0) { // the remainder, cut to what one vehicle carries
            long piece = loads < maxLoads ? Math.min(left, maxUnitsPerChunk) : left;
            sizes.add(piece);
            left -= piece;
            loads++;
        }
        return sizes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
