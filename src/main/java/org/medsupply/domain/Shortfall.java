// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.Locale;

/**
 * The part of a demand line a plan does not deliver, why, in a machine-readable cause and a sentence
 * with the numbers a coordinator can check.
 */
public record Shortfall(DemandLine line, long quantity, Cause cause, String reason) {

    /** FORMAT.md's causes, in the order they are tested. */
    public enum Cause {
        COLD_CHAIN, TIME, STOCK, PRIORITY, FLEET;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
