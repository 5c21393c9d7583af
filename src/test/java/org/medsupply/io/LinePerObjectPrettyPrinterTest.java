// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinePerObjectPrettyPrinterTest {

    private static String print(Object value) throws Exception {
        return Json.MAPPER.writer(new LinePerObjectPrettyPrinter()).writeValueAsString(value);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void rootFieldsAndArrayObjectsGetALineEachAndNestedArraysOfObjectsIndentFurther() throws Exception {
        Object value = ordered(
                "name", "demo",
                "sites", List.of(
                        ordered("id", "a", "at", ordered("x", 1, "y", 2), "lines", List.of(ordered("q", 1), ordered("q", 2))),
                        ordered("id", "b", "tags", List.of(1, 2), "lines", List.of())),
                "empty", Map.of());
        assertThat(print(value)).isEqualTo("""
                {
                  "name": "demo",
                  "sites": [
                    {"id": "a", "at": {"x": 1, "y": 2}, "lines": [
                      {"q": 1},
                      {"q": 2}
                    ]},
                    {"id": "b", "tags": [1,2], "lines": []}
                  ],
                  "empty": {}
                }""");
    }

    @Test
    void matrixRowsGetALineEach() throws Exception {
        Object value = ordered("distanceKm", new double[][] {{0, 1.5}, {1.5, 0}});
        assertThat(print(value)).isEqualTo("""
                {
                  "distanceKm": [
                    [0.0,1.5],
                    [1.5,0.0]
                  ]
                }""");
    }

    @Test
    void printerStateDoesNotLeakBetweenWrites() throws Exception {
        Object value = ordered("list", List.of(ordered("a", 1)));
        assertThat(print(value)).isEqualTo(print(value));
    }
}
