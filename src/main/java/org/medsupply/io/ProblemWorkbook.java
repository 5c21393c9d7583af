// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A problem as a workbook, one sheet per table of {@link ProblemSheets}, laid out for a coordinator to fill
 * in: every column's note (meaning, unit, required or not) is a comment on its header and shows as a tip
 * when a cell below it is selected (in Excel and LibreOffice alike), columns with a fixed set of values
 * offer them in a list, and times and ids are text cells so that a spreadsheet does not turn them into
 * something else. Extensions are left out: sheets have no place for them.
 */
public final class ProblemWorkbook {

    /** The media type of a workbook ({@code .xlsx}). */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String TEMPLATE_EXAMPLE = "template-example.json";
    /** Excel refuses a tip longer than this; every column's note is kept within it. */
    static final int MAX_TIP_CHARS = 255;

    private ProblemWorkbook() {
    }

    /** The small problem a template comes filled with: three sites, two warehouses, two vehicles; it solves. */
    public static ProblemFile templateExample() {
        try (InputStream in = ProblemWorkbook.class.getResourceAsStream(TEMPLATE_EXAMPLE)) {
            return ProblemReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("the template example is not a valid problem: " + e.getMessage(), e);
        }
    }

    /** Writes the template: every sheet with its notes, filled with {@link #templateExample()}. */
    public static void writeTemplate(OutputStream out) throws IOException {
        write(templateExample(), out);
    }

    /** @throws IllegalArgumentException for a problem with matrix travel, which sheets cannot hold */
    public static void write(ProblemFile problem, OutputStream out) throws IOException {
        JsonNode tree = ProblemSheets.tree(problem);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SheetWriter.Styles styles = SheetWriter.Styles.of(workbook);
            for (ProblemSheets.Sheet table : ProblemSheets.SHEETS) {
                SheetWriter sheet = new SheetWriter(workbook.createSheet(table.name()), styles);
                if (table.rows() instanceof ProblemSheets.KeyValue) {
                    writeKeyValue(sheet, table, tree);
                } else {
                    writeTable(sheet, table, tree);
                }
            }
            workbook.write(out);
        }
    }

    private static void writeTable(SheetWriter sheet, ProblemSheets.Sheet table, JsonNode problem) {
        List<ProblemSheets.Column> columns = table.columns();
        sheet.header(table.header(), columns.stream().map(ProblemSheets.Column::description).toList());
        int lastRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        for (int c = 0; c < columns.size(); c++) {
            tip(sheet.sheet(), columns.get(c), new CellRangeAddressList(1, lastRow, c, c));
        }
        for (List<JsonNode> values : ProblemSheets.rows(table, problem)) {
            Row row = sheet.row(cellValues(values));
            textStyled(sheet, row, columns);
        }
        sheet.fitColumns(); // before the column styles: the column entries must come in order for Excel
        for (int c = 0; c < columns.size(); c++) {
            if (keepsText(columns.get(c))) {
                sheet.sheet().setDefaultColumnStyle(c, sheet.styles().text());
            }
        }
    }

    /** The settings sheet: one row per key, its note on the key and as the tip of its value. */
    private static void writeKeyValue(SheetWriter sheet, ProblemSheets.Sheet table, JsonNode problem) {
        sheet.header(table.header(), List.of("What the setting is (the notes on each key say more).",
                "Its value; an empty value takes the default."));
        List<List<JsonNode>> rows = ProblemSheets.rows(table, problem);
        for (int r = 0; r < rows.size(); r++) {
            ProblemSheets.Column setting = table.columns().get(r);
            Row row = sheet.row(cellValues(rows.get(r)));
            sheet.comment(row.getCell(0), setting.description());
            if (keepsText(setting)) {
                (row.getCell(1) == null ? row.createCell(1) : row.getCell(1)).setCellStyle(sheet.styles().text());
            }
            tip(sheet.sheet(), setting, new CellRangeAddressList(row.getRowNum(), row.getRowNum(), 1, 1));
        }
        sheet.widen(1, 26); // room to type a date and time with its offset
        sheet.fitColumns();
    }

    /** Text and times stay text: a spreadsheet would read an id like 0012 as a number, a time without its offset. */
    private static boolean keepsText(ProblemSheets.Column column) {
        return column.type() == ProblemSheets.Type.TEXT || column.type() == ProblemSheets.Type.DATE_TIME;
    }

    private static void textStyled(SheetWriter sheet, Row row, List<ProblemSheets.Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            if (keepsText(columns.get(c)) && row.getCell(c) != null) {
                row.getCell(c).setCellStyle(sheet.styles().text());
            }
        }
    }

    /** The column's note as the tip shown on selecting a cell, and its choices as a drop-down list. */
    private static void tip(Sheet sheet, ProblemSheets.Column column, CellRangeAddressList cells) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = column.choices().isEmpty()
                ? helper.createCustomConstraint("TRUE") // any value: the validation is there for its tip
                : helper.createExplicitListConstraint(column.choices().toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.createPromptBox(column.name(), column.description()); // at most MAX_TIP_CHARS, as tested
        validation.setShowPromptBox(true);
        validation.setShowErrorBox(!column.choices().isEmpty());
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static List<Object> cellValues(List<JsonNode> values) {
        List<Object> cells = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            cells.add(value == null ? null
                    : value.isBoolean() ? value.booleanValue()
                    : value.isIntegralNumber() ? value.longValue()
                    : value.isNumber() ? value.doubleValue()
                    : value.asText());
        }
        return cells;
    }
}
