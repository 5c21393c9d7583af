// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads "500ms", "30s", "2m", "1h" or an ISO-8601 duration ("PT30S"). Every duration option is a time
 * limit, so zero and negative durations are refused, as the HTTP service refuses {@code PT0S}.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a time limit: it must be longer than 0");
        }
        return duration;
    }

    private static Duration parse(String value) {
        Matcher matcher = SHORT.matcher(value.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (try 30s, 2m or PT30S)");
        }
    }
}
