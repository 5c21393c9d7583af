// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to valid problems (truncation, stray characters, deleted fields, swapped types,
 * odd numbers, copied list entries): every result either reads into a problem the mapper accepts or
 * is an {@link InvalidInputException} with readable errors. Any other exception fails the test.
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

    private static void assertReadable(List<InputError> errors, String json) {
        assertThat(errors).as(json).isNotEmpty().allSatisfy(error -> {
            assertThat(error.pointer()).matches("|/.*");
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
