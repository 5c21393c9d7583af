// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The violations found so far, in the order found, and the plan-side reading of times they need. */
final class Findings {

    private final List<Violation> violations = new ArrayList<>();
    private boolean hardRuleBroken;

    void add(Rule rule, String pointer, String message) {
        violations.add(new Violation(rule.id(), pointer, message));
        hardRuleBroken |= rule.hard();
    }

    /** Reports a required field that is absent; true when it is present. */
    boolean present(Object value, String pointer) {
        if (value == null) {
            add(Rule.MISSING, pointer, "required field is missing");
        }
        return value != null;
    }

    /**
     * Minutes since the epoch of an ISO-8601 date-time with offset, or null (reported) when it is missing or
     * unreadable. Minutes as a double keep well under a millisecond of precision for any plausible date.
     */
    Double minutes(String time, String pointer) {
        if (!present(time, pointer)) {
            return null;
        }
        try {
            return epochMinutes(OffsetDateTime.parse(time));
        } catch (DateTimeParseException e) {
            add(Rule.FORMAT, pointer, "not an ISO-8601 date-time with offset: " + time);
            return null;
        }
    }

    static double epochMinutes(OffsetDateTime time) {
        return time.toEpochSecond() / 60d + time.getNano() / 60e9;
    }

    boolean hardRuleBroken() {
        return hardRuleBroken;
    }

    List<Violation> violations() {
        return violations;
    }
}
