// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when a typed query parameter fails to convert,
 * where a client error (400 naming the parameter) is right.
 */
final class QueryParams {

    private QueryParams() {
    }

    /** An ISO-8601 duration such as {@code PT30S}, positive and at most {@code max}; {@code fallback} when absent. */
    static Duration duration(String name, String value, Duration fallback, Duration max) throws InvalidParameterException {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "not an ISO-8601 duration such as PT30S");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidParameterException(name, "must be positive");
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw new InvalidParameterException(name, "whole milliseconds at most");
        }
        if (duration.compareTo(max) > 0) {
            throw new InvalidParameterException(name, "at most " + max + " on this server");
        }
        return duration;
    }

    /** A whole number, or {@code null} when absent. */
    static Long optionalLong(String name, String value) throws InvalidParameterException {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "not a whole number");
        }
    }

    /** A whole number within [min, max], or {@code fallback} when absent. */
    static int intInRange(String name, String value, int fallback, int min, int max) throws InvalidParameterException {
        Long parsed = optionalLong(name, value);
        if (parsed == null) {
            return fallback;
        }
        if (parsed < min || parsed > max) {
            throw new InvalidParameterException(name, "must be between " + min + " and " + max);
        }
        return parsed.intValue();
    }
}
