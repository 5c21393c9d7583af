// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid problem files under src/test/resources and one-line edits of them for validation tests. */
final class ExampleProblems {

    /** The example of FORMAT.md: haversine travel, every optional field of a hospital and vehicle. */
    static final String FORMAT_EXAMPLE = "format-example.json";
    /** One warehouse and two hospitals with matrix travel, locations not in site order. */
    static final String MATRIX_EXAMPLE = "matrix-example.json";
    /** The FORMAT.md example re-planned at 11:00: a trip under way and announced deliveries. */
    static final String REPLAN_EXAMPLE = "replan-example.json";
    /** One warehouse and two hospitals on a plane, distances rounded. */
    static final String EUCLIDEAN_EXAMPLE = "euclidean-example.json";

    private ExampleProblems() {
    }

    static String text(String resource) {
        try (InputStream in = ExampleProblems.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String resource) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resource with the value at {@code pointer} replaced by (or, for a new object key, set to)
     * {@code jsonValue}, or appended for a last token {@code -}; a null {@code jsonValue} removes it.
     */
    static String edited(String resource, String pointer, String jsonValue) {
        ObjectNode root = tree(resource);
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        String last = path.last().getMatchingProperty();
        try {
            JsonNode value = jsonValue == null ? null : Json.MAPPER.readTree(jsonValue);
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(last);
                } else {
                    object.set(last, value);
                }
            } else if (value == null) {
                ((ArrayNode) parent).remove(path.last().getMatchingIndex());
            } else if ("-".equals(last)) {
                ((ArrayNode) parent).add(value);
            } else {
                ((ArrayNode) parent).set(path.last().getMatchingIndex(), value);
            }
            return Json.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
