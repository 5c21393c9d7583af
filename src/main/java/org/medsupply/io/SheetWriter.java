// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes one sheet of a workbook row by row, a cell's kind following its Java value (text, whole number,
 * decimal, flag, date and time), and sizes each column to what it holds. The header row is bold and stays
 * in view while scrolling.
 */
final class SheetWriter {

    /** The number formats and fonts every sheet of one workbook shares (a workbook holds a limited number). */
    record Styles(CellStyle header, CellStyle text, CellStyle wholeNumber, CellStyle percent, CellStyle dateTime) {

        static Styles of(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            return new Styles(header, formatted(workbook, "@"), formatted(workbook, "#,##0"),
                    formatted(workbook, "0.0%"),
                    formatted(workbook, "yyyy-mm-dd hh:mm"));
        }

        private static CellStyle formatted(Workbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }

    /** A number shown as a percentage (0.25 as 25.0 %). */
    record Percent(double fraction) {
    }

    private static final int MAX_WIDTH_CHARS = 60;

    private final Sheet sheet;
    private final Styles styles;
    private final List<Integer> widths = new ArrayList<>();
    private int nextRow;

    SheetWriter(Sheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    Sheet sheet() {
        return sheet;
    }

    Styles styles() {
        return styles;
    }

    /** Writes the bold header row and keeps it in view; {@code notes}, when not null, become cell comments. */
    void header(List<String> names, List<String> notes) {
        Row row = sheet.createRow(nextRow++);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(styles.header());
            widen(c, names.get(c).length() + 2); // room for the comment marker and the filter button
            if (notes != null) {
                comment(cell, notes.get(c));
            }
        }
        sheet.createFreezePane(0, nextRow);
    }

    /** Writes a row of values; {@code null} leaves a cell empty. */
    Row row(List<?> values) {
        Row row = sheet.createRow(nextRow++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value != null) {
                widen(c, set(row.createCell(c), value));
            }
        }
        return row;
    }

    Row row(Object... values) {
        return row(Arrays.asList(values));
    }

    void skipRow() {
        nextRow++;
    }

    int rowCount() {
        return nextRow;
    }

    /** Attaches {@code text} as a comment, shown when the pointer rests on the cell. */
    void comment(Cell cell, String text) {
        CreationHelper factory = sheet.getWorkbook().getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 6);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(factory.createRichTextString(text));
        comment.setAuthor("MedSupply");
        cell.setCellComment(comment);
    }

    /** Sets the column widths to their longest content, within reason. */
    void fitColumns() {
        for (int c = 0; c < widths.size(); c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths.get(c) + 1) * 256);
        }
    }

    void widen(int column, int chars) {
        while (widths.size() <= column) {
            widths.add(0);
        }
        widths.set(column, Math.max(widths.get(column), chars));
    }

    /** Sets the cell and returns how many characters wide it shows. */
    private int set(Cell cell, Object value) {
        if (value instanceof String text) {
            cell.setCellValue(text);
            return text.length();
        }
        if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
            return 5;
        }
        if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(styles.dateTime());
            return 16;
        }
        if (value instanceof Percent percent) {
            cell.setCellValue(percent.fraction());
            cell.setCellStyle(styles.percent());
            return 7;
        }
        if (value instanceof Long || value instanceof Integer) {
            cell.setCellValue(((Number) value).doubleValue());
            cell.setCellStyle(styles.wholeNumber());
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue()).length();
        }
        if (value instanceof Double number) { // shown as given (General), every decimal of a coordinate kept
            cell.setCellValue(number);
            return Math.min(12, String.valueOf(number).length());
        }
        throw new IllegalArgumentException("no cell kind for " + value.getClass().getSimpleName());
    }
}
