// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class ProblemPatchTest {

    private final ObjectNode problem = ExampleProblems.tree(ExampleProblems.FORMAT_EXAMPLE);
    private final String before = problem.toString();

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private ProblemFile apply(String patch) throws Exception {
        return ProblemPatch.apply(problem, json(patch), ProblemReader.Limits.DEFAULT);
    }

    private InvalidInputException failure(String patch) {
        return (InvalidInputException) assertThatThrownBy(() -> apply(patch))
                .isInstanceOf(InvalidInputException.class).actual();
    }

    @Test
    void appliesEveryOperationInOrder() throws Exception {
        ProblemFile patched = apply("""
                [{'op': 'add', 'path': '/hospitals/0/demands/-',
                  'value': {'supply': 'vaccine', 'quantity': 4, 'priority': 'critical'}},
                 {'op': 'replace', 'path': '/warehouses/0/stock/n95', 'value': 1200},
                 {'op': 'test', 'path': '/vehicles/0/id', 'value': 'van-1'},
                 {'op': 'replace', 'path': '/vehicles/0/shift/to', 'value': '2026-02-01T11:00:00+08:00'},
                 {'op': 'copy', 'from': '/hospitals/0/window', 'path': '/hospitals/0/extensions'},
                 {'op': 'move', 'from': '/hospitals/0/extensions', 'path': '/extensions'}]""");

        assertThat(patched.hospitals().get(0).demands()).hasSize(3);
        assertThat(patched.hospitals().get(0).demands().get(2).supply()).isEqualTo("vaccine");
        assertThat(patched.warehouses().get(0).stock()).containsEntry("n95", 1200L);
        assertThat(patched.vehicles().get(0).shift().to()).isEqualTo("2026-02-01T11:00:00+08:00");
        assertThat(patched.extensions().get("from").textValue()).isEqualTo("2026-02-01T07:00:00+08:00");
        assertThat(problem.toString()).as("the problem given is not changed").isEqualTo(before);
    }

    @Test
    void aFailingTestNamesItsOperationAndNothingIsApplied() {
        InvalidInputException e = failure("""
                [{'op': 'replace', 'path': '/warehouses/0/stock/n95', 'value': 1200},
                 {'op': 'remove', 'path': '/hospitals/0/demands/1'},
                 {'op': 'test', 'path': '/vehicles/0/id', 'value': 'van-6'},
                 {'op': 'remove', 'path': '/vehicles/0'}]""");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/2");
            assertThat(error.detail()).startsWith("operation test /vehicles/0/id failed");
        });
        assertThat(problem.toString()).isEqualTo(before);
    }

    @Test
    void badPathsAndMalformedOperationsNameTheirOperation() {
        assertThat(failure("[{'op': 'remove', 'path': '/hospitals/7'}]").errors())
                .singleElement().extracting(InputError::pointer).isEqualTo("/0");
        assertThat(failure("[{'op': 'test', 'path': '/name', 'value': 'Outbreak day 12, city east'},"
                + " {'op': 'remove', 'path': '/warehouses/0/nothing'}]").errors())
                .singleElement().extracting(InputError::pointer).isEqualTo("/1");
        assertThat(failure("[{'op': 'replace', 'path': '/name', 'value': 'x'}, {'op': 'jump', 'path': '/name'}]")
                .errors()).singleElement().satisfies(error -> {
                    assertThat(error.pointer()).isEqualTo("/1");
                    assertThat(error.detail()).startsWith("operation jump /name failed");
                });
        assertThat(failure("[{'path': '/name', 'value': 'x'}]").errors())
                .singleElement().extracting(InputError::pointer).isEqualTo("/0");
        assertThat(failure("{'op': 'remove', 'path': '/name'}").errors())
                .singleElement().satisfies(error -> assertThat(error.detail()).contains("array of operations"));
    }

    @Test
    void rulesAreCheckedOnThePatchedProblemWithPointersIntoIt() {
        InvalidInputException e = failure("""
                [{'op': 'add', 'path': '/hospitals/0/demands/-', 'value': {'supply': 'oxygen', 'quantity': 4}},
                 {'op': 'replace', 'path': '/vehicles/0/warehouse', 'value': 'wh-9'},
                 {'op': 'add', 'path': '/vehicles/0/colour', 'value': 'red'}]""");

        assertThat(e.errors()).extracting(InputError::pointer).containsExactlyInAnyOrder(
                "/hospitals/0/demands/2/supply", "/vehicles/0/warehouse", "/vehicles/0/colour");
        assertThat(e.errors()).filteredOn(error -> error.pointer().equals("/vehicles/0/warehouse"))
                .singleElement().satisfies(error -> assertThat(error.detail())
                        .isEqualTo("unknown warehouse 'wh-9' (after patch operation /1)"));
        assertThat(e.errors()).filteredOn(error -> error.pointer().equals("/hospitals/0/demands/2/supply"))
                .singleElement().satisfies(error -> assertThat(error.detail()).endsWith("(after patch operation /0)"));
    }

    @Test
    void aProblemFileCanBePatchedToo() throws Exception {
        ProblemFile file = ProblemReader.read(before);
        ProblemFile patched = ProblemPatch.apply(file, json("[{'op': 'remove', 'path': '/hospitals/0/demands/0'}]"));
        assertThat(patched.hospitals().get(0).demands()).singleElement()
                .satisfies(demand -> assertThat(demand.supply()).isEqualTo("n95"));
        assertThat(file.hospitals().get(0).demands()).hasSize(2);
    }
}
