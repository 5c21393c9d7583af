// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a problem file from JSON text, reporting every error with its JSON pointer.
 * <p>
 * This version checks the JSON shape (types, unknown fields), the required top-level fields, the
 * start time and the references from vehicles to warehouses and from demands to supplies; the
 * complete FORMAT.md validation replaces it.
 */
public final class ProblemReader {

    private ProblemReader() {
    }

    public static ProblemFile read(String json) throws InvalidInputException {
        ProblemFile problem;
        try {
            problem = Json.MAPPER.readValue(json, ProblemFile.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(toInputError(e)));
        }
        if (problem == null) {
            throw new InvalidInputException(List.of(new InputError("", "the document is empty or null")));
        }
        List<InputError> errors = new ArrayList<>();
        required(errors, problem.start(), "/start");
        required(errors, problem.supplies(), "/supplies");
        required(errors, problem.warehouses(), "/warehouses");
        required(errors, problem.hospitals(), "/hospitals");
        required(errors, problem.vehicles(), "/vehicles");
        if (problem.start() != null) {
            try {
                OffsetDateTime.parse(problem.start());
            } catch (DateTimeParseException e) {
                errors.add(new InputError("/start", "not an ISO-8601 date-time with offset"));
            }
        }
        if (errors.isEmpty()) {
            checkReferences(problem, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return problem;
    }

    private static void required(List<InputError> errors, Object value, String pointer) {
        if (value == null) {
            errors.add(new InputError(pointer, "required"));
        }
    }

    private static void checkReferences(ProblemFile problem, List<InputError> errors) {
        Set<String> warehouses = new HashSet<>();
        problem.warehouses().forEach(w -> warehouses.add(w.id()));
        Set<String> supplies = new HashSet<>();
        problem.supplies().forEach(s -> supplies.add(s.id()));
        for (int v = 0; v < problem.vehicles().size(); v++) {
            String warehouse = problem.vehicles().get(v).warehouse();
            if (!warehouses.contains(warehouse)) {
                errors.add(new InputError("/vehicles/" + v + "/warehouse", "unknown warehouse '" + warehouse + "'"));
            }
        }
        for (int h = 0; h < problem.hospitals().size(); h++) {
            List<ProblemFile.DemandDto> demands = problem.hospitals().get(h).demands();
            if (demands == null) {
                errors.add(new InputError("/hospitals/" + h + "/demands", "required"));
                continue;
            }
            for (int d = 0; d < demands.size(); d++) {
                String supply = demands.get(d).supply();
                if (!supplies.contains(supply)) {
                    errors.add(new InputError("/hospitals/" + h + "/demands/" + d + "/supply",
                            "unknown supply '" + supply + "'"));
                }
            }
        }
    }

    /** A Jackson failure as an input error: where it happened and what was expected, no parser internals. */
    static InputError toInputError(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String pointer = pointer(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new InputError(pointer, "unknown field '" + unknown.getPropertyName() + "'");
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new InputError(pointer, "expected " + describe(mismatch.getTargetType()));
            }
            return new InputError(pointer, "value of the wrong type or form");
        }
        var location = e.getLocation();
        return new InputError("", location == null ? "malformed JSON"
                : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(escape(reference.getFieldName()));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
