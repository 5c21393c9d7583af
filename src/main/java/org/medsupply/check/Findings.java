// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The violations found so far, in the order found, and the plan-side reading of times they need. */
final class Findings {

    private final List<Violation> violations = new ArrayList<>();
    private boolean hardRuleBroken;

    void add(Rule rule, String pointer, String message) {
        violations.add(new Violation(rule.id(), rule.kind(), pointer, message));
        hardRuleBroken |= rule.hard();
    }

    /** How many violations of the rule were found. */
    long count(Rule rule) {
        return violations.stream().filter(violation -> violation.rule().equals(rule.id())).count();
    }

    /**
     * A number for a message without floating-point noise: 3 decimals, or 4 significant digits below 1, no
     * trailing zeros (1260 kg for 1259.9999999999998, 0.13 m3, 0.0002345 m3).
     */
    static String number(double value) {
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal shown = Math.abs(value) >= 1 ? exact.setScale(3, RoundingMode.HALF_UP)
                : exact.round(new MathContext(4, RoundingMode.HALF_UP));
        return shown.stripTrailingZeros().toPlainString();
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

    /** Whether two readable date-times name the same instant (offsets may differ); false when either is unreadable. */
    static boolean sameInstant(String one, String other) {
        try {
            return OffsetDateTime.parse(one).isEqual(OffsetDateTime.parse(other));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static double epochMinutes(OffsetDateTime time) {
        return time.toEpochSecond() / 60d + time.getNano() / 60e9;
    }

    boolean hardRuleBroken() {
        return hardRuleBroken;
    }

    /** In report order: another problem first, then broken rules, then stale figures, each in plan order. */
    List<Violation> violations() {
        return violations.stream().sorted(Comparator.comparingInt(v -> Violation.KINDS.indexOf(v.kind()))).toList();
    }
}
