// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.Locale;

/** Clinical priority of a demand line, most urgent first (declaration order is significant). */
public enum Priority {
    CRITICAL(1000),
    HIGH(100),
    NORMAL(10),
    LOW(1);

    private final long lateMinuteWeight;

    Priority(long lateMinuteWeight) {
        this.lateMinuteWeight = lateMinuteWeight;
    }

    /** Weight of one minute of lateness (and one unit of unfairness) of a line of this priority. */
    public long weight() {
        return lateMinuteWeight;
    }

    /** The name used in problem and plan files: {@code critical}, {@code high}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
