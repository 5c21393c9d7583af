// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.List;
import java.util.Map;

/**
 * What a problem re-planned during the day carries besides its demand (FORMAT.md, Re-planning).
 *
 * @param committed      the trips under way or done, in each vehicle's trip order
 * @param committedUnits units those trips bring toward each line (the most urgent lines of a hospital and
 *                       supply first, none beyond a line's quantity); the lines' deliveries are cut from
 *                       what is still to bring
 * @param reference      deliveries announced earlier, one per vehicle, hospital and supply
 */
public record Replanning(List<CommittedTrip> committed, Map<DemandLine, Long> committedUnits,
        List<ReferenceLoad> reference) {

    /** A problem planned from its start. */
    public static final Replanning NONE = new Replanning(List.of(), Map.of(), List.of());

    public Replanning {
        committed = List.copyOf(committed);
        committedUnits = Map.copyOf(committedUnits);
        reference = List.copyOf(reference);
    }

    public long committedUnits(DemandLine line) {
        return committedUnits.getOrDefault(line, 0L);
    }
}
