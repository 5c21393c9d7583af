// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.testing.Zips;

/**
 * A problem written as a workbook, as a CSV folder or as a zip of CSV tables reads back as the same
 * problem: the demo, the tiny examples (euclidean travel, windows, unsplittable lines) and generated ones.
 */
class SpreadsheetRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> problems() throws IOException {
        Stream<Arguments> bundled = Stream.of("problems/demo-city-outbreak.json", "problems/tiny/two-trips.json",
                "problems/tiny/window-out-of-reach.json", "problems/tiny/fair-share.json")
                .map(file -> Arguments.of(file, read(Path.of(file))));
        Stream<Arguments> generated = Stream.of(1L, 2L, 3L).map(seed -> Arguments.of("generated, seed " + seed,
                ProblemGenerator.generate(ProblemGenerator.Options.of(seed, 40, 3, 10))));
        return Stream.concat(bundled, generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void workbookReadsBackAsTheSameProblem(String name, ProblemFile problem) throws Exception {
        Path workbook = dir.resolve("problem.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook)) {
            ProblemWorkbook.write(problem, out);
        }
        assertSameProblem(Spreadsheets.read(workbook, ProblemReader.Limits.DEFAULT), problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void csvFolderAndZipReadBackAsTheSameProblem(String name, ProblemFile problem) throws Exception {
        Path folder = dir.resolve("tables");
        Spreadsheets.writeCsvFolder(problem, folder);
        assertSameProblem(Spreadsheets.read(folder, ProblemReader.Limits.DEFAULT), problem);
        byte[] zip = Zips.ofFolder(folder, "tables/");
        assertSameProblem(Spreadsheets.readCsvZip(new ByteArrayInputStream(zip),
                ProblemReader.Limits.DEFAULT), problem);
    }

    private static void assertSameProblem(ProblemFile read, ProblemFile expected) {
        assertThat(Json.MAPPER.valueToTree(read).toPrettyString())
                .isEqualTo(Json.MAPPER.valueToTree(expected).toPrettyString());
    }

    private static ProblemFile read(Path file) {
        try {
            return ProblemReader.read(file);
        } catch (IOException | InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }
}
