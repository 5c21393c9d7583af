// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medsupply.io.ExampleProblems.EUCLIDEAN_EXAMPLE;
import static org.medsupply.io.ExampleProblems.FORMAT_EXAMPLE;
import static org.medsupply.io.ExampleProblems.MATRIX_EXAMPLE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.domain.DispatchSolution;

class ProblemReaderTest {

    private static List<InputError> errors(String json) {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> ProblemReader.read(json));
        assertThat(invalid).as("read %s", json).isNotNull();
        return invalid.errors();
    }

    private static String formatExampleWith(String from, String to) {
        String json = ExampleProblems.text(FORMAT_EXAMPLE);
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    @Test
    void formatExampleReadsIntoTheWireRecordsAndMaps() throws Exception {
        ProblemFile problem = ProblemReader.read(ExampleProblems.text(FORMAT_EXAMPLE));

        assertThat(problem.name()).isEqualTo("Outbreak day 12, city east");
        assertThat(problem.supplies()).extracting(ProblemFile.SupplyDto::id).containsExactly("n95", "ventilator", "vaccine");
        assertThat(problem.supplies().get(2).isColdChain()).isTrue();
        assertThat(problem.warehouses().get(0).stock()).containsEntry("ventilator", 40L);
        ProblemFile.HospitalDto hospital = problem.hospitals().get(0);
        assertThat(hospital.window()).isEqualTo(new ProblemFile.WindowDto("2026-02-01T07:00:00+08:00",
                "2026-02-01T20:00:00+08:00"));
        assertThat(hospital.demands()).extracting(ProblemFile.DemandDto::priority).containsExactly("critical", "high");
        assertThat(problem.vehicles().get(0).speedKmh()).isEqualTo(40.0);
        assertThat(problem.travel().roadFactor()).isEqualTo(1.3);

        DispatchSolution solution = ProblemMapper.toSolution(problem);
        assertThat(solution.getLines()).hasSize(2);
    }

    @Test
    void matrixAndEuclideanExamplesReadAndMap() throws Exception {
        for (String example : List.of(MATRIX_EXAMPLE, EUCLIDEAN_EXAMPLE)) {
            ProblemFile problem = ProblemReader.read(ExampleProblems.text(example));
            assertThat(ProblemMapper.toSolution(problem).getVehicles()).hasSize(1);
        }
    }

    @Test
    void tinyProblemsReadWithoutErrors() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("problems/tiny"))) {
            files = listing.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(ProblemReader.read(file).hospitals()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void extensionsHoldAnythingAndAreCarriedThrough() throws Exception {
        ObjectNode tree = ExampleProblems.tree(FORMAT_EXAMPLE);
        ObjectNode anything = Json.MAPPER.createObjectNode().put("colour", "red").put("weird key/~", 1);
        anything.putArray("list").add(1).addObject().putNull("nothing");
        tree.set("extensions", anything);
        ((ObjectNode) tree.at("/hospitals/0/window")).set("extensions", anything);
        ((ObjectNode) tree.at("/hospitals/0/demands/0")).set("extensions", anything);
        ((ObjectNode) tree.at("/travel")).set("extensions", anything);

        ProblemFile problem = ProblemReader.read(Json.MAPPER.writeValueAsString(tree));

        assertThat(problem.extensions()).isEqualTo(anything);
        assertThat(problem.hospitals().get(0).window().extensions()).isEqualTo(anything);
        assertThat(problem.hospitals().get(0).demands().get(0).extensions()).isEqualTo(anything);
        assertThat(problem.travel().extensions()).isEqualTo(anything);
    }

    @Test
    void wholeNumbersMayBeWrittenWithAFractionOrExponent() throws Exception {
        ProblemFile problem = ProblemReader.read(formatExampleWith("\"quantity\": 12", "\"quantity\": 1.2e1")
                .replace("\"n95\": 5000", "\"n95\": 5000.0"));

        assertThat(problem.hospitals().get(0).demands().get(0).quantity()).isEqualTo(12);
        assertThat(problem.warehouses().get(0).stock()).containsEntry("n95", 5000L);
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        assertThat(errors("{\n  \"name\": ,\n}")).containsExactly(
                new InputError("", "malformed JSON at line 2, column 11: Unexpected character (',' (code 44)):"
                        + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or"
                        + " 'false')"));
    }

    @Test
    void truncatedDocumentIsMalformed() {
        String json = ExampleProblems.text(FORMAT_EXAMPLE);
        List<InputError> errors = errors(json.substring(0, json.length() / 2));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.detail()).startsWith("malformed JSON at line ").contains("Unexpected end-of-input")
                    .doesNotContain("`", "Source", "start marker");
        });
    }

    @Test
    void trailingContentIsAnError() {
        assertThat(errors("{}\n  []")).containsExactly(
                new InputError("", "unexpected content after the end of the JSON object at line 2, column 3"));
    }

    @Test
    void duplicateKeyPointsAtTheKey() {
        assertThat(errors(formatExampleWith("\"unloadMinutes\": 15,", "\"unloadMinutes\": 15, \"unloadMinutes\": 5,")))
                .containsExactly(new InputError("/hospitals/0/unloadMinutes", "duplicate key 'unloadMinutes'"));
    }

    @Test
    void emptyDocumentAndNonObjectsAreRejected() {
        assertThat(errors(" \n")).containsExactly(new InputError("", "the document is empty; expected a JSON object"));
        assertThat(errors("[1]")).containsExactly(new InputError("", "must be an object, not an array"));
        assertThat(errors("\"problem\"")).containsExactly(new InputError("", "must be an object, not the text 'problem'"));
    }

    @Test
    void nestingBeyondTheParserLimitIsAnInputError() {
        String deep = "{\"extensions\": {\"a\": " + "[".repeat(40) + "]".repeat(40) + "}}";

        assertThat(errors(deep)).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.detail()).startsWith("the document is too deeply nested").contains("line 1, column");
        });
    }

    @Test
    void nanAndInfinityAreNotNumbers() {
        List<InputError> errors = errors(formatExampleWith("\"weightKg\": 45", "\"weightKg\": NaN")
                .replace("\"lat\": 30.58", "\"lat\": -Infinity")
                .replace("\"unloadMinutes\": 15", "\"unloadMinutes\": 1e400")
                .replace("\"roadFactor\": 1.3", "\"roadFactor\": 1.3, \"extensions\": {\"a\": [Infinity]}"));

        assertThat(errors).containsExactlyInAnyOrder(
                new InputError("/supplies/1/weightKg", "must be a finite number, not NaN"),
                new InputError("/hospitals/0/lat", "must be a finite number, not -Infinity"),
                new InputError("/hospitals/0/unloadMinutes", "must be a finite number, not Infinity"),
                new InputError("/travel/extensions/a/0", "must be a finite number, not Infinity"));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnce() {
        String json = formatExampleWith("\"wh-east\", \"capacityKg\"", "\"wh-west\", \"capacityKg\"")
                .replace("\"priority\": \"high\"", "\"priority\": \"urgent\"")
                .replace("\"start\": \"2026-02-01T06:00:00+08:00\"", "\"start\": 6")
                .replace("\"volumeM3\": 0.35", "\"volumeM3\": 0.35, \"colour\": \"grey\"");

        assertThat(errors(json)).containsExactly(
                new InputError("/start", "must be a string, not a number"),
                new InputError("/supplies/1/colour", "unknown field 'colour'; expected one of coldChain, extensions,"
                        + " id, name, volumeM3, weightKg"),
                new InputError("/hospitals/0/demands/1/priority",
                        "unknown priority 'urgent'; expected one of critical, high, normal, low"),
                new InputError("/vehicles/0/warehouse", "unknown warehouse 'wh-west'"));
    }

    @Test
    void matrixLocationsMustNameEverySiteOnce() {
        assertThat(errors(ExampleProblems.edited(MATRIX_EXAMPLE, "/travel/locations", "[\"h9\", \"wh\", \"wh\"]")))
                .containsExactly(
                        new InputError("/travel/locations/0", "unknown location 'h9'; expected a warehouse or hospital id"),
                        new InputError("/travel/locations/2", "'wh' is listed twice (also at /travel/locations/1)"),
                        new InputError("/travel/locations", "missing hospital 'h1'; every warehouse and hospital must be"
                                + " listed once"),
                        new InputError("/travel/locations", "missing hospital 'h2'; every warehouse and hospital must be"
                                + " listed once"));
    }

    @Test
    void matrixNeedsWarehouseAndHospitalIdsToDiffer() throws Exception {
        ObjectNode tree = ExampleProblems.tree(MATRIX_EXAMPLE);
        ((ObjectNode) tree.at("/hospitals/1")).put("id", "wh");
        ((ArrayNode) tree.at("/travel/locations")).set(0, "wh");

        assertThat(errors(Json.MAPPER.writeValueAsString(tree))).containsExactly(new InputError("/hospitals/1/id",
                "id 'wh' is also a warehouse's id; matrix locations must be unambiguous"),
                new InputError("/travel/locations/1", "'wh' is listed twice (also at /travel/locations/0)"));
    }

    @Test
    void errorListIsCappedWithACountOfTheRest() throws Exception {
        ObjectNode tree = ExampleProblems.tree(FORMAT_EXAMPLE);
        ArrayNode vehicles = tree.putArray("vehicles");
        for (int v = 0; v < 500; v++) {
            vehicles.addObject().put("id", "van-" + v).put("warehouse", "nowhere");
        }

        List<InputError> errors = errors(Json.MAPPER.writeValueAsString(tree));

        assertThat(errors).hasSize(201);
        assertThat(errors.get(199)).isEqualTo(new InputError("/vehicles/199/warehouse", "unknown warehouse 'nowhere'"));
        assertThat(errors.get(200)).isEqualTo(new InputError("", "and 300 more errors not listed"));
    }

    @Test
    void streamLimitsStopOversizedInput() {
        byte[] json = ExampleProblems.text(FORMAT_EXAMPLE).getBytes(StandardCharsets.UTF_8);

        InvalidInputException tooLarge = catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(
                new ByteArrayInputStream(json), new ProblemReader.Limits(json.length - 1, 10, 10, 10)));
        InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(
                new ByteArrayInputStream(json), new ProblemReader.Limits(json.length, 2, 10, 10)));

        assertThat(tooLarge.errors()).containsExactly(
                new InputError("", "the document is larger than " + (json.length - 1) + " bytes"));
        assertThat(tooLong.errors()).containsExactly(
                new InputError("/supplies", "has 3 entries; at most 2 are accepted"));
    }

    @Test
    void tripsPerVehicleAreLimited() {
        String json = formatExampleWith("\"speedKmh\": 40", "\"speedKmh\": 40, \"maxTrips\": 3");

        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new ProblemReader.Limits(1 << 20, 10, 2, 10)));

        assertThat(invalid.errors()).containsExactly(new InputError("/vehicles/0/maxTrips", "must be between 1 and 2, not 3"));
    }

    @Test
    void streamIsLeftOpenForItsOwner() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(ExampleProblems.text(FORMAT_EXAMPLE).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ProblemReader.read(in);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> ProblemReader.read(directory.resolve("absent.json")))
                .isInstanceOf(NoSuchFileException.class);
        Path file = Files.writeString(directory.resolve("problem.json"), "{");
        assertThatThrownBy(() -> ProblemReader.read(file)).isInstanceOf(InvalidInputException.class);
    }
}
