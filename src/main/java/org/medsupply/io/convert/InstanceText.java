// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/**
 * One benchmark text file being parsed: its non-blank lines split on any whitespace (the classic files
 * mix CRLF and LF, tabs and runs of spaces), and the errors found so far. Errors carry the JSON pointer
 * "" (the file is not JSON) and a detail starting "line N:" so a user can find the spot; parsing goes
 * on after a bad data row so that one run reports every bad row, not only the first.
 */
final class InstanceText {

    /** A non-blank line: its 1-based number in the file and its whitespace-separated tokens. */
    record Line(int number, List<String> tokens) {
        String text() {
            return String.join(" ", tokens);
        }

        String first() {
            return tokens.get(0);
        }
    }

    /** Largest count of vehicles, nodes or depots accepted. */
    static final int MAX_COUNT = 100_000;

    private final List<Line> lines = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();

    InstanceText(String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String trimmed = raw[i].strip();
            if (!trimmed.isEmpty()) {
                lines.add(new Line(i + 1, Arrays.asList(trimmed.split("\\s+"))));
            }
        }
    }

    List<Line> lines() {
        return lines;
    }

    void error(Line line, String detail) {
        errors.add(new InputError("", "line " + line.number() + ": " + detail));
    }

    void error(String detail) {
        errors.add(new InputError("", detail));
    }

    /** Records a fault that stops parsing and returns the exception carrying it with all earlier ones. */
    InvalidInputException fatal(Line line, String detail) {
        error(line, detail);
        return new InvalidInputException(errors);
    }

    InvalidInputException fatal(String detail) {
        error(detail);
        return new InvalidInputException(errors);
    }

    void throwIfErrors() throws InvalidInputException {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The tokens of a data row from {@code offset} on as numbers, or {@code null} (error recorded) when
     * there are fewer than {@code atLeast} or more than {@code atMost} of them, or one is not a number.
     */
    double[] numbers(Line line, int offset, int atLeast, int atMost) {
        int count = line.tokens().size() - offset;
        if (count < atLeast || count > atMost) {
            String expected = atLeast == atMost ? String.valueOf(atLeast)
                    : atMost == Integer.MAX_VALUE ? "at least " + atLeast : atLeast + " to " + atMost;
            error(line, "expected " + expected + " numbers, found " + count);
            return null;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            String token = line.tokens().get(offset + i);
            Double value = parseFinite(token);
            if (value == null) {
                error(line, "'" + token + "' is not a number");
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    /** A decimal number (no NaN or infinity), or {@code null}. */
    static Double parseFinite(String token) {
        if (!token.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return null;
        }
        double value = Double.parseDouble(token);
        return Double.isFinite(value) ? value : null;
    }

    double[] numbers(Line line, int count) {
        return numbers(line, 0, count, count);
    }

    /** {@code value} as a whole number of at least {@code minimum}, or {@code null} (error recorded). */
    Long whole(Line line, double value, long minimum, String what) {
        if (value != Math.rint(value) || value < minimum || value > Long.MAX_VALUE / 4) {
            error(line, what + " must be a whole number of at least " + minimum + ", found " + format(value));
            return null;
        }
        return (long) value;
    }

    /**
     * {@code value} as a count of vehicles, nodes or depots (1 to {@link #MAX_COUNT}), or {@code null}
     * (error recorded); the bound keeps a typo from allocating millions of vehicles.
     */
    Integer count(Line line, double value, String what) {
        if (value != Math.rint(value) || value < 1 || value > MAX_COUNT) {
            error(line, what + " must be a whole number from 1 to " + MAX_COUNT + ", found " + format(value));
            return null;
        }
        return (int) value;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
