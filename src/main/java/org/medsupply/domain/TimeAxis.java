// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Times inside the solver are milliseconds after the problem's {@code start}; this converts both ways
 * and keeps the offset of the problem so plans print in the coordinator's time zone.
 */
public record TimeAxis(OffsetDateTime start) {

    /** "Any time": far enough to never bind, small enough that sums never overflow. */
    public static final long OPEN_END = Long.MAX_VALUE / 4;

    public long toMillis(OffsetDateTime time) {
        return Duration.between(start, time).toMillis();
    }

    public OffsetDateTime toTime(long millis) {
        return start.plus(Duration.ofMillis(millis));
    }

    public static long minutesToMillis(double minutes) {
        return (long) Math.ceil(minutes * 60_000d);
    }

    /** Whole minutes, rounded up, that a penalty counts for {@code millis} of violation. */
    public static long ceilMinutes(long millis) {
        return (millis + 59_999) / 60_000;
    }
}
