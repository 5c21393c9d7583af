// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.sheet.ProblemLayout.Column;
import org.medsupply.io.sheet.ProblemLayout.Table;

/**
 * Writes a problem as the tables FORMAT.md's section "Spreadsheets" lays out: a workbook with one sheet
 * per table, or a folder of CSV files. Reading them back gives the same problem. Tables have no place for
 * {@code extensions} nor for {@code matrix} travel.
 */
public final class ProblemTablesWriter {

    private ProblemTablesWriter() {
    }

    /** @throws IllegalArgumentException for a problem with matrix travel, which tables cannot hold */
    public static void writeWorkbook(ProblemFile problem, OutputStream out) throws IOException {
        JsonNode tree = tree(problem);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (Table table : ProblemLayout.TABLES) {
                Sheet sheet = workbook.createSheet(table.name());
                List<String> header = header(table);
                Row headerRow = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                    headerRow.createCell(c).setCellValue(header.get(c));
                }
                List<List<JsonNode>> rows = rows(table, tree);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<JsonNode> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        if (values.get(c) != null) {
                            setCell(row.createCell(c), values.get(c));
                        }
                    }
                }
            }
            workbook.write(out);
        }
    }

    /** Writes {@code TABLE.csv} for every table into {@code folder}, creating it if needed. */
    public static void writeCsvFolder(ProblemFile problem, Path folder) throws IOException {
        JsonNode tree = tree(problem);
        Files.createDirectories(folder);
        for (Table table : ProblemLayout.TABLES) {
            try (Writer out = Files.newBufferedWriter(folder.resolve(table.name() + ".csv"), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                csv.printRecord(header(table));
                for (List<JsonNode> row : rows(table, tree)) {
                    csv.printRecord(row.stream().map(value -> value == null ? "" : value.asText()).toList());
                }
            }
        }
    }

    private static JsonNode tree(ProblemFile problem) {
        if (problem.travel() != null && "matrix".equals(problem.travel().method())) {
            throw new IllegalArgumentException("a problem with matrix travel has no table form");
        }
        return Json.MAPPER.valueToTree(problem);
    }

    private static void setCell(Cell cell, JsonNode value) {
        if (value.isNumber()) {
            cell.setCellValue(value.doubleValue());
        } else if (value.isBoolean()) {
            cell.setCellValue(value.booleanValue());
        } else {
            cell.setCellValue(value.asText());
        }
    }

    private static List<String> header(Table table) {
        return table.shape() == ProblemLayout.Shape.SETTINGS ? List.of("key", "value") : table.columnNames();
    }

    /** The table's data rows, one value per column ({@code null} where absent). */
    private static List<List<JsonNode>> rows(Table table, JsonNode problem) {
        List<List<JsonNode>> rows = new ArrayList<>();
        switch (table.shape()) {
            case SETTINGS -> table.columns().forEach(column -> {
                JsonNode value = at(problem, column);
                if (value != null) {
                    rows.add(List.of(TextNode.valueOf(column.name()), value));
                }
            });
            case LIST -> problem.path(table.name()).forEach(object -> rows.add(values(object, table.columns())));
            case CHILD_LIST -> problem.path(table.parent()).forEach(parent -> parent.path(table.field())
                    .forEach(child -> {
                        List<JsonNode> row = new ArrayList<>(values(child, table.columns()));
                        row.set(0, parent.get("id"));
                        rows.add(row);
                    }));
            case CHILD_MAP -> problem.path(table.parent()).forEach(parent -> {
                for (Map.Entry<String, JsonNode> entry : parent.path(table.field()).properties()) {
                    rows.add(List.of(parent.get("id"), TextNode.valueOf(entry.getKey()), entry.getValue()));
                }
            });
        }
        return rows;
    }

    private static List<JsonNode> values(JsonNode object, List<Column> columns) {
        return columns.stream().map(column -> at(object, column)).toList();
    }

    private static JsonNode at(JsonNode object, Column column) {
        JsonNode value = object;
        for (String name : Arrays.asList(column.field().split("/"))) {
            value = value == null ? null : value.get(name);
        }
        return value;
    }
}
