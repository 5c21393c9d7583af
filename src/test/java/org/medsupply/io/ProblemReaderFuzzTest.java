// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.sheet.Spreadsheets;

/**
 * Seeded random damage to valid problems (truncation, stray characters, deleted fields, swapped types,
 * odd numbers, copied list entries): every result either reads into a problem the mapper accepts or
 * is an {@link InvalidInputException} with readable errors. Any other exception fails the test. CSV
 * tables get the same treatment.
 */
class ProblemReaderFuzzTest {

    private static final int CASES = 200;
    private static final String STRAY = "{}[],:\"0e-x";
    private static final List<String> EXAMPLES = List.of(ExampleProblems.FORMAT_EXAMPLE,
            ExampleProblems.MATRIX_EXAMPLE, ExampleProblems.EUCLIDEAN_EXAMPLE);
    /** Replacement values: each a wrong type or an edge value somewhere in a problem. */
    private static final List<String> ODD_VALUES = List.of("null", "true", "\"\"", "\"wh\"", "\"n95\"", "0", "-1",
            "2.5", "1e308", "-0.0", "123456789012345678901234567890", "{}", "[]", "[[]]", "{\"id\": \"x\"}",
            "\"2026-02-01T06:00:00+08:00\"", "\"matrix\"", "\"euclidean\"", "\"nearest\"", "\"low\"");

    /** The examples tables can hold (matrix travel has no table form). */
    private static final List<String> CSV_EXAMPLES = List.of(ExampleProblems.FORMAT_EXAMPLE,
            ExampleProblems.EUCLIDEAN_EXAMPLE);
    private static final List<String> CSV_STRAY = List.of(",", ";", "\"", "\r\n", "\n", "\uFEFF", "\t", "x");
    private static final List<String> CSV_ODD_VALUES = List.of("", " ", "-1", "0", "2.5", "1e308", "NaN", "true",
            "TRUE", "yes", "\"\"", "\"a,b\"", "wh", "n95", "h-01", "2026-02-01 08:00", "2026-02-01T06:00:00+08:00",
            "matrix", "euclidean", "id", "quantity", "123456789012345678901234567890");

    @Test
    void damagedProblemsReadOrFailWithInputErrorsOnly() throws Exception {
        int valid = 0;
        int invalid = 0;
        for (int seed = 0; seed < CASES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            String json = damage(ExampleProblems.text(EXAMPLES.get(seed % EXAMPLES.size())), random);
            try {
                ProblemFile problem = ProblemReader.read(json);
                ProblemMapper.toSolution(problem);
                valid++;
            } catch (InvalidInputException e) {
                assertReadable(e.errors(), json);
                invalid++;
            } catch (RuntimeException e) {
                fail("seed " + seed + " threw " + e + " for " + json, e);
            }
        }
        assertThat(valid).as("damage that leaves a valid problem").isPositive();
        assertThat(invalid).as("damage that breaks the problem").isPositive();
    }

    /**
     * The same for CSV tables (the example problems written as CSV files): one file damaged at random by
     * truncation, stray separators, quotes, line breaks or byte order marks, a deleted or doubled line,
     * or a cell replaced by an odd value; through the CSV reader and the rules.
     */
    @Test
    void damagedCsvTablesReadOrFailWithInputErrorsOnly(@TempDir Path dir) throws Exception {
        int valid = 0;
        int invalid = 0;
        for (int seed = 0; seed < CASES; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            String example = CSV_EXAMPLES.get(seed % CSV_EXAMPLES.size());
            Path folder = dir.resolve("case-" + seed);
            Spreadsheets.writeCsvFolder(ProblemReader.read(ExampleProblems.text(example)), folder);
            List<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.sorted().toList();
            }
            Path file = files.get(random.nextInt(files.size()));
            String damaged = damageCsv(Files.readString(file), random);
            Files.writeString(file, damaged);
            try {
                ProblemMapper.toSolution(Spreadsheets.read(folder, ProblemReader.Limits.DEFAULT));
                valid++;
            } catch (InvalidInputException e) {
                assertReadable(e.errors(), file.getFileName() + ":\n" + damaged);
                invalid++;
            } catch (RuntimeException e) {
                fail("seed " + seed + " threw " + e + " for " + file.getFileName() + ":\n" + damaged, e);
            }
        }
        assertThat(valid).as("damage that leaves a valid problem").isPositive();
        assertThat(invalid).as("damage that breaks the problem").isPositive();
    }

    private static String damageCsv(String csv, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n", -1)));
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(5)) {
            case 0 -> csv.substring(0, random.nextInt(csv.length() + 1));
            case 1 -> {
                int at = random.nextInt(csv.length() + 1);
                yield csv.substring(0, at) + CSV_STRAY.get(random.nextInt(CSV_STRAY.size())) + csv.substring(at);
            }
            case 2 -> {
                lines.remove(line);
                yield String.join("\r\n", lines);
            }
            case 3 -> {
                lines.add(line, lines.get(line));
                yield String.join("\r\n", lines);
            }
            default -> {
                List<String> cells = new ArrayList<>(List.of(lines.get(line).split(",", -1)));
                cells.set(random.nextInt(cells.size()), CSV_ODD_VALUES.get(random.nextInt(CSV_ODD_VALUES.size())));
                lines.set(line, String.join(",", cells));
                yield String.join("\r\n", lines);
            }
        };
    }

    private static void assertReadable(List<InputError> errors, String json) {
        assertThat(errors).as(json).isNotEmpty().allSatisfy(error -> {
            assertThat(error.pointer()).matches("|/.*");
            if (error.cell() != null) {
                assertThat(error.cell()).matches("[a-z]+(![A-Z]*[0-9]+)?");
            }
            assertThat(error.detail()).isNotBlank().doesNotContain("Exception", "`", "Source", "jackson", "java.");
        });
    }

    private static String damage(String json, SplittableRandom random) throws JsonProcessingException {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> {
                int at = random.nextInt(json.length());
                yield json.substring(0, at) + STRAY.charAt(random.nextInt(STRAY.length())) + json.substring(at);
            }
            default -> {
                ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(json);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    editTree(tree, random);
                }
                yield Json.MAPPER.writeValueAsString(tree);
            }
        };
    }

    /** Removes, replaces or duplicates one value anywhere in the tree. */
    private static void editTree(ObjectNode root, SplittableRandom random) throws JsonProcessingException {
        List<Map.Entry<ContainerNode<?>, Object>> slots = new ArrayList<>();
        collectSlots(root, slots);
        Map.Entry<ContainerNode<?>, Object> slot = slots.get(random.nextInt(slots.size()));
        JsonNode odd = Json.MAPPER.readTree(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        int action = random.nextInt(3);
        if (slot.getKey() instanceof ObjectNode object) {
            String name = (String) slot.getValue();
            if (action == 0) {
                object.remove(name);
            } else {
                object.set(name, odd);
            }
        } else {
            ArrayNode array = (ArrayNode) slot.getKey();
            int index = (Integer) slot.getValue();
            switch (action) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, odd);
                default -> array.add(array.get(index).deepCopy());
            }
        }
    }

    /** Every (container, field name or index) pair below {@code node}. */
    private static void collectSlots(JsonNode node, List<Map.Entry<ContainerNode<?>, Object>> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                slots.add(Map.entry(object, field.getKey()));
                collectSlots(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Map.entry(array, i));
                collectSlots(array.get(i), slots);
            }
        }
    }
}
