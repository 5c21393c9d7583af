// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sentences our strict readers use for the faults every JSON document can have (a wrong type, an
 * unknown or a missing field), so that a problem ({@code ProblemValidator}, also for spreadsheets) and a
 * plan ({@code PlanReader}) say the same fault the same way.
 */
public final class FieldMessages {

    /** The start of {@link #missingField}, for readers that recognise the fault. */
    public static final String MISSING_FIELD = "missing required field";

    private FieldMessages() {
    }

    /** {@code must be a number, not the text 'abc'}. */
    public static String wrongType(String expected, JsonNode found) {
        return "must be " + expected + ", not " + describe(found);
    }

    /** {@code unknown field 'colour'; expected one of ...}, the allowed names sorted. */
    public static String unknownField(String name, Collection<String> allowed) {
        return "unknown field '" + name + "'; expected one of " + allowed.stream().sorted()
                .collect(Collectors.joining(", "));
    }

    public static String missingField(String name) {
        return MISSING_FIELD + " '" + name + "'";
    }

    /** A value as a message names it: its type, or the text itself (shortened) when it is one. */
    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the text '" + shortened(value.textValue()) + "'";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Enough of a text to recognise it in a message. */
    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
