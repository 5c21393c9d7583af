// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;

/**
 * The service's size limits on input: the JSON text (nesting depth, string length, well-formedness,
 * checked by streaming the tokens before any object is built) and the problem (hospitals, vehicles,
 * trips, demand lines, matrix cells, checked before the planning model is built).
 */
public final class InputLimits {

    private final ServiceConfig config;
    private final JsonFactory factory;

    public InputLimits(ServiceConfig config) {
        this.config = config;
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // read NaN and infinities as tokens, so they get a message and a pointer of their own
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxNestingDepth())
                        .maxStringLength(config.maxStringLength())
                        .maxNameLength(config.maxStringLength())
                        .build())
                .build();
    }

    /** Streams through the text; throws naming where it is malformed or over a limit. */
    public void checkJson(String json) throws InvalidInputException {
        try (JsonParser parser = factory.createParser(json)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING) {
                        parser.getText(); // string lengths are checked when the text is decoded
                    } else if (token == JsonToken.VALUE_NUMBER_FLOAT && parser.isNaN()) {
                        throw invalid(pointer(parser), parser.getText() + " is not a JSON number");
                    }
                }
            } catch (StreamConstraintsException e) {
                throw invalid(pointer(parser), overLimit(e));
            } catch (JsonParseException e) {
                if (e.getOriginalMessage().startsWith("Duplicate field")) {
                    throw invalid(pointer(parser), "duplicate key '" + parser.getParsingContext().getCurrentName()
                            + "'");
                }
                throw invalid(pointer(parser), malformed(e.getLocation()));
            }
        } catch (IOException e) {
            throw invalid("", "malformed JSON");
        }
    }

    private static String pointer(JsonParser parser) {
        return parser.getParsingContext().pathAsPointer().toString();
    }

    private String overLimit(StreamConstraintsException e) {
        String message = e.getOriginalMessage().toLowerCase(Locale.ROOT);
        if (message.contains("depth")) {
            return "nested deeper than " + config.maxNestingDepth() + " levels";
        }
        if (message.contains("length")) {
            return "a string or field name longer than " + config.maxStringLength() + " characters";
        }
        return "over a JSON size limit";
    }

    private static String malformed(JsonLocation location) {
        return location == null ? "malformed JSON" : String.format(Locale.ROOT,
                "malformed JSON at line %d, column %d", location.getLineNr(),
                location.getColumnNr());
    }

    /** Checks the problem's size against the configured maxima, reporting every one exceeded. */
    public void checkProblem(ProblemFile problem) throws InvalidInputException {
        List<InputError> errors = new ArrayList<>();
        atMost(errors, "/hospitals", problem.hospitals().size(), config.maxHospitals(), "hospitals");
        atMost(errors, "/vehicles", problem.vehicles().size(), config.maxVehicles(), "vehicles");
        long trips = problem.vehicles().stream().mapToLong(ProblemFile.VehicleDto::maxTripsOrDefault).sum();
        atMost(errors, "/vehicles", trips, config.maxTrips(), "trips (sum of maxTrips)");
        long lines = problem.hospitals().stream()
                .mapToLong(h -> h.demands() == null ? 0 : h.demands().size()).sum();
        atMost(errors, "/hospitals", lines, config.maxDemandLines(), "demand lines");
        long sites = problem.warehouses().size() + (long) problem.hospitals().size();
        atMost(errors, "/hospitals", sites * sites, config.maxMatrixCells(), "matrix cells (sites squared)");
        if (problem.travel() != null && problem.travel().locations() != null) {
            long locations = problem.travel().locations().size();
            atMost(errors, "/travel/locations", locations * locations, config.maxMatrixCells(), "matrix cells");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void atMost(List<InputError> errors, String pointer, long count, long max, String what) {
        if (count > max) {
            errors.add(new InputError(pointer, count + " " + what + "; this server takes at most " + max));
        }
    }

    private static InvalidInputException invalid(String pointer, String detail) {
        return new InvalidInputException(List.of(new InputError(pointer, detail)));
    }
}
