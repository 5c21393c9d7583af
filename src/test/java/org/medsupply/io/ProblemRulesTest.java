// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.medsupply.io.ExampleProblems.EUCLIDEAN_EXAMPLE;
import static org.medsupply.io.ExampleProblems.FORMAT_EXAMPLE;
import static org.medsupply.io.ExampleProblems.MATRIX_EXAMPLE;
import static org.medsupply.io.ExampleProblems.REPLAN_EXAMPLE;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule of FORMAT.md per row: a valid example with one value changed (or removed, for a null
 * replacement) gives exactly the one error listed, with its pointer and sentence.
 */
class ProblemRulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                // JSON types
                arguments(FORMAT_EXAMPLE, "/supplies/0/weightKg", "\"1.2\"", "/supplies/0/weightKg",
                        "must be a number, not a string"),
                arguments(FORMAT_EXAMPLE, "/supplies/2/coldChain", "\"yes\"", "/supplies/2/coldChain",
                        "must be true or false, not a string"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/speedKmh", "null", "/vehicles/0/speedKmh",
                        "must be a number, not null"),
                arguments(FORMAT_EXAMPLE, "/hospitals", "{}", "/hospitals", "must be an array, not an object"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/window", "\"all day\"", "/hospitals/0/window",
                        "must be an object, not a string"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/warehouse", "7", "/vehicles/0/warehouse",
                        "must be a string, not a number"),
                arguments(FORMAT_EXAMPLE, "/extensions", "[1]", "/extensions", "must be an object, not an array"),
                // unknown and missing fields
                arguments(FORMAT_EXAMPLE, "/colour", "1", "/colour", "unknown field 'colour'; expected one of"
                        + " committed, extensions, hospitals, name, now, reference, start, supplies, travel, vehicles,"
                        + " warehouses"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/prio", "\"high\"", "/hospitals/0/demands/0/prio",
                        "unknown field 'prio'; expected one of extensions, needBy, priority, quantity, splittable,"
                                + " supply"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/window/a~1b", "1", "/hospitals/0/window/a~1b",
                        "unknown field 'a/b'; expected one of extensions, from, to"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/warehouse", null, "/vehicles/0",
                        "missing required field 'warehouse'"),
                arguments(FORMAT_EXAMPLE, "/start", null, "", "missing required field 'start'"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands", null, "/hospitals/0",
                        "missing required field 'demands'"),
                arguments(FORMAT_EXAMPLE, "/supplies/1/volumeM3", null, "/supplies/1",
                        "missing required field 'volumeM3'"),
                // ids and references
                arguments(FORMAT_EXAMPLE, "/supplies/-", "{\"id\": \"\", \"weightKg\": 1, \"volumeM3\": 1}",
                        "/supplies/3/id", "must not be empty"),
                arguments(FORMAT_EXAMPLE, "/supplies/-", "{\"id\": \"n95\", \"weightKg\": 1, \"volumeM3\": 1}",
                        "/supplies/3/id", "duplicate id 'n95' (also used by /supplies/0)"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/warehouse", "\"wh-9\"", "/vehicles/0/warehouse",
                        "unknown warehouse 'wh-9'"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/1/supply", "\"oxygen\"",
                        "/hospitals/0/demands/1/supply", "unknown supply 'oxygen'"),
                arguments(FORMAT_EXAMPLE, "/warehouses/0/stock/oxygen", "3", "/warehouses/0/stock/oxygen",
                        "unknown supply 'oxygen'"),
                // numbers
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/quantity", "0", "/hospitals/0/demands/0/quantity",
                        "must be between 1 and 1000000000, not 0"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/quantity", "9223372036854775807",
                        "/hospitals/0/demands/0/quantity", "must be between 1 and 1000000000, not 9223372036854775807"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/quantity", "1000000001",
                        "/hospitals/0/demands/0/quantity", "must be between 1 and 1000000000, not 1000000001"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/quantity", "2.5",
                        "/hospitals/0/demands/0/quantity", "must be a whole number, not 2.5"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/quantity", "123456789012345678901234567890",
                        "/hospitals/0/demands/0/quantity", "must be between 1 and 1000000000, not 123456789012345678901234567890"),
                arguments(FORMAT_EXAMPLE, "/warehouses/0/stock/n95", "-1", "/warehouses/0/stock/n95",
                        "must be at least 0, not -1"),
                arguments(FORMAT_EXAMPLE, "/supplies/1/weightKg", "-45", "/supplies/1/weightKg",
                        "must be greater than 0, not -45"),
                arguments(FORMAT_EXAMPLE, "/supplies/1/weightKg", "1e-9", "/supplies/1/weightKg",
                        "must be at least 0.000001 (one milligram), not 1.0E-9"),
                arguments(FORMAT_EXAMPLE, "/supplies/1/volumeM3", "0", "/supplies/1/volumeM3",
                        "must be greater than 0, not 0"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/capacityKg", "0", "/vehicles/0/capacityKg",
                        "must be greater than 0, not 0"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/capacityM3", "-10", "/vehicles/0/capacityM3",
                        "must be greater than 0, not -10"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/speedKmh", "0", "/vehicles/0/speedKmh",
                        "must be greater than 0, not 0"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/maxTrips", "0", "/vehicles/0/maxTrips",
                        "must be between 1 and 1000, not 0"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/maxTrips", "1.5", "/vehicles/0/maxTrips",
                        "must be a whole number, not 1.5"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/fixedCost", "-1", "/vehicles/0/fixedCost",
                        "must be at least 0, not -1"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/costPerKm", "-0.5", "/vehicles/0/costPerKm",
                        "must be at least 0, not -0.5"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/unloadMinutes", "-5", "/hospitals/0/unloadMinutes",
                        "must be at least 0, not -5"),
                arguments(FORMAT_EXAMPLE, "/travel/roadFactor", "0", "/travel/roadFactor",
                        "must be greater than 0, not 0"),
                // locations
                arguments(FORMAT_EXAMPLE, "/warehouses/0/lat", "90.5", "/warehouses/0/lat",
                        "must be between -90 and 90, not 90.5"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/lon", "-181", "/hospitals/0/lon",
                        "must be between -180 and 180, not -181"),
                arguments(FORMAT_EXAMPLE, "/warehouses/0/x", "1", "/warehouses/0/x",
                        "'x' does not apply to haversine travel, which places sites by lat/lon"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/lat", null, "/hospitals/0",
                        "missing required field 'lat' (haversine travel places sites by lat/lon)"),
                arguments(EUCLIDEAN_EXAMPLE, "/hospitals/1/lat", "3", "/hospitals/1/lat",
                        "'lat' does not apply to euclidean travel, which places sites by x/y"),
                arguments(EUCLIDEAN_EXAMPLE, "/warehouses/0/y", null, "/warehouses/0",
                        "missing required field 'y' (euclidean travel places sites by x/y)"),
                arguments(MATRIX_EXAMPLE, "/hospitals/1/lon", null, "/hospitals/1",
                        "missing required field 'lon' (matrix travel places sites by lat/lon)"),
                // times
                arguments(FORMAT_EXAMPLE, "/start", "\"2026-02-01T06:00:00\"", "/start",
                        "'2026-02-01T06:00:00' is not an ISO-8601 date-time with an offset, such as"
                                + " 2026-02-01T08:00:00+08:00"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/needBy", "\"tomorrow\"",
                        "/hospitals/0/demands/0/needBy", "'tomorrow' is not an ISO-8601 date-time with an offset,"
                                + " such as 2026-02-01T08:00:00+08:00"),
                arguments(FORMAT_EXAMPLE, "/start", "\"+12026-02-01T06:00:00+08:00\"", "/start",
                        "year of '+12026-02-01T06:00:00+08:00' must have four digits"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/window/to", "\"2026-02-01T06:59:00+08:00\"",
                        "/hospitals/0/window/to", "the window ends at 2026-02-01T06:59:00+08:00, before it starts"
                                + " at 2026-02-01T07:00:00+08:00"),
                arguments(FORMAT_EXAMPLE, "/hospitals/0/window/to", null, "/hospitals/0/window",
                        "missing required field 'to'"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/shift/to", "\"2026-02-01T05:00:00+08:00\"",
                        "/vehicles/0/shift/to", "the shift ends at 2026-02-01T05:00:00+08:00, before it starts"
                                + " at 2026-02-01T06:00:00+08:00"),
                arguments(FORMAT_EXAMPLE, "/vehicles/0/shift/from", null, "/vehicles/0/shift",
                        "missing required field 'from'"),
                // enumerations
                arguments(FORMAT_EXAMPLE, "/hospitals/0/demands/0/priority", "\"urgent\"",
                        "/hospitals/0/demands/0/priority",
                        "unknown priority 'urgent'; expected one of critical, high, normal, low"),
                arguments(FORMAT_EXAMPLE, "/travel/method", "\"manhattan\"", "/travel/method",
                        "unknown travel method 'manhattan'; expected one of haversine, euclidean, matrix"),
                arguments(EUCLIDEAN_EXAMPLE, "/travel/round", "\"up\"", "/travel/round",
                        "unknown rounding 'up'; expected one of none, nearest"),
                // fields of another travel method
                arguments(FORMAT_EXAMPLE, "/travel/round", "\"nearest\"", "/travel/round",
                        "'round' does not apply to haversine travel"),
                arguments(EUCLIDEAN_EXAMPLE, "/travel/roadFactor", "1.3", "/travel/roadFactor",
                        "'roadFactor' does not apply to euclidean travel"),
                arguments(MATRIX_EXAMPLE, "/travel/minutesPerKm", "1", "/travel/minutesPerKm",
                        "'minutesPerKm' does not apply to matrix travel"),
                arguments(FORMAT_EXAMPLE, "/travel/locations", "[]", "/travel/locations",
                        "'locations' does not apply to haversine travel"),
                // matrix
                arguments(MATRIX_EXAMPLE, "/travel/distanceKm", null, "/travel",
                        "missing required field 'distanceKm'"),
                arguments(MATRIX_EXAMPLE, "/travel/distanceKm/1", "[9, 0]", "/travel/distanceKm/1",
                        "has 2 entries; expected 3, one per location"),
                arguments(MATRIX_EXAMPLE, "/travel/durationMinutes/2", null, "/travel/durationMinutes",
                        "has 2 rows; expected 3, one per location"),
                arguments(MATRIX_EXAMPLE, "/travel/durationMinutes/0/1", "-15", "/travel/durationMinutes/0/1",
                        "must be at least 0, not -15"),
                arguments(MATRIX_EXAMPLE, "/travel/distanceKm/0/2", "\"4\"", "/travel/distanceKm/0/2",
                        "must be a number, not a string"),
                // re-planning: now, committed, reference
                arguments(REPLAN_EXAMPLE, "/now", null, "", "missing required field 'now' (committed trips are"
                        + " those under way at 'now')"),
                arguments(REPLAN_EXAMPLE, "/now", "\"11:00\"", "/now", "'11:00' is not an ISO-8601 date-time with"
                        + " an offset, such as 2026-02-01T08:00:00+08:00"),
                arguments(REPLAN_EXAMPLE, "/committed/0/vehicle", "\"van-9\"", "/committed/0/vehicle",
                        "unknown vehicle 'van-9'; a committed trip's vehicle must exist (to take it out of service"
                                + " from now, end its shift at now)"),
                arguments(REPLAN_EXAMPLE, "/committed/0/stops/0/hospital", "\"h-07\"",
                        "/committed/0/stops/0/hospital", "unknown hospital 'h-07'"),
                arguments(REPLAN_EXAMPLE, "/committed/0/stops/0/deliver/oxygen", "3",
                        "/committed/0/stops/0/deliver/oxygen", "unknown supply 'oxygen'"),
                arguments(REPLAN_EXAMPLE, "/committed/0/stops/0/deliver/n95", "-1",
                        "/committed/0/stops/0/deliver/n95", "must be between 0 and 1000000000, not -1"),
                arguments(REPLAN_EXAMPLE, "/committed/0/departure", "\"2026-02-01T11:30:00+08:00\"",
                        "/committed/0/departure", "a committed trip departs at or before now"
                                + " (2026-02-01T11:00:00+08:00), not at 2026-02-01T11:30:00+08:00"),
                arguments(REPLAN_EXAMPLE, "/committed/-", "{\"vehicle\": \"van-1\", \"departure\":"
                        + " \"2026-02-01T08:00:00+08:00\", \"stops\": []}", "/committed/1/departure",
                        "committed trips of van-1 must come in departure order; this one leaves at"
                                + " 2026-02-01T08:00:00+08:00, not after the one before (2026-02-01T09:40:00+08:00)"),
                arguments(REPLAN_EXAMPLE, "/committed", "[{\"vehicle\": \"van-2\", \"departure\":"
                        + " \"2026-02-01T08:00:00+08:00\", \"stops\": []}, {\"vehicle\": \"van-2\", \"departure\":"
                        + " \"2026-02-01T09:00:00+08:00\", \"stops\": []}]", "/committed/1",
                        "van-2 has more committed trips than its maxTrips (1)"),
                arguments(REPLAN_EXAMPLE, "/committed/0/stops/0/driver", "\"Li\"", "/committed/0/stops/0/driver",
                        "unknown field 'driver'; expected one of deliver, extensions, hospital"),
                arguments(REPLAN_EXAMPLE, "/reference/0/stops/0/deliver", "[]", "/reference/0/stops/0/deliver",
                        "must be an object of units per supply id, not an array"),
                arguments(REPLAN_EXAMPLE, "/reference/0/vehicle", "3", "/reference/0/vehicle",
                        "must be a string, not a number"));
    }

    @ParameterizedTest(name = "{1} = {2}: {4}")
    @MethodSource("rules")
    void eachRuleReportsOneErrorAtTheOffendingValue(String example, String editedPointer, String newValue,
            String expectedPointer, String expectedDetail) {
        String json = ExampleProblems.edited(example, editedPointer, newValue);
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> ProblemReader.read(json));
        assertThat(invalid).as("read %s", json).isNotNull();
        assertThat(invalid.errors()).containsExactly(new InputError(expectedPointer, expectedDetail));
    }
}
