// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a problem workbook back into a problem JSON tree, for tests only: straight through the column
 * definitions of {@link ProblemSheets}, without the product reader's checks, so a test can tell whether
 * what {@link ProblemWorkbook} wrote holds the whole problem.
 */
final class WorkbookTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WorkbookTables() {
    }

    static Workbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] written(ProblemFile problem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ProblemWorkbook.write(problem, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The problem the workbook's sheets hold, as JSON; asserts every sheet has its header as defined. */
    static ObjectNode problem(Workbook workbook) {
        ObjectNode problem = NODES.objectNode();
        for (ProblemSheets.Sheet definition : ProblemSheets.SHEETS) { // parents come before their children
            Sheet sheet = workbook.getSheet(definition.name());
            assertThat(sheet).as(definition.name()).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).as(definition.name()).isEqualTo(definition.header());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (definition.rows() instanceof ProblemSheets.KeyValue) {
                    ProblemSheets.Column setting = definition.columns().stream()
                            .filter(column -> column.name().equals(row.getCell(0).getStringCellValue()))
                            .findFirst().orElseThrow();
                    put(problem, setting.field(), value(row.getCell(1), setting.type()));
                } else {
                    ObjectNode object = NODES.objectNode();
                    for (int c = 0; c < definition.columns().size(); c++) {
                        ProblemSheets.Column column = definition.columns().get(c);
                        put(object, column.field(), value(row.getCell(c), column.type()));
                    }
                    fold(problem, definition.rows(), object);
                }
            }
        }
        return problem;
    }

    private static void fold(ObjectNode problem, ProblemSheets.Rows rows, ObjectNode row) {
        if (rows instanceof ProblemSheets.EachOf each) {
            problem.withArrayProperty(each.array()).add(row);
        } else if (rows instanceof ProblemSheets.EachChildOf each) {
            JsonNode parentId = row.remove(each.parentColumn());
            ((ObjectNode) parent(problem, each.parents(), parentId)).withArrayProperty(each.children()).add(row);
        } else if (rows instanceof ProblemSheets.EachEntryOf each) {
            JsonNode parent = parent(problem, each.parents(), row.get(each.parentColumn()));
            ((ObjectNode) parent).withObjectProperty(each.map())
                    .set(row.get(each.keyColumn()).asText(), row.get(each.valueColumn()));
        }
    }

    private static JsonNode parent(ObjectNode problem, String parents, JsonNode id) {
        for (JsonNode parent : (ArrayNode) problem.get(parents)) {
            if (parent.get("id").equals(id)) {
                return parent;
            }
        }
        throw new AssertionError("no " + parents + " row with id " + id);
    }

    private static void put(ObjectNode object, String field, JsonNode value) {
        if (value == null) {
            return;
        }
        JsonPointer pointer = JsonPointer.compile(field);
        ObjectNode parent = object;
        for (JsonPointer step = pointer; step.tail() != null && !step.tail().matches(); step = step.tail()) {
            parent = parent.withObjectProperty(step.getMatchingProperty());
        }
        parent.set(pointer.last().getMatchingProperty(), value);
    }

    private static JsonNode value(Cell cell, ProblemSheets.Type type) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return switch (type) {
            case TEXT, DATE_TIME -> NODES.textNode(cell.getStringCellValue());
            case BOOLEAN -> NODES.booleanNode(cell.getBooleanCellValue());
            case INTEGER -> NODES.numberNode((long) cell.getNumericCellValue());
            case NUMBER -> NODES.numberNode(cell.getNumericCellValue());
        };
    }
}
