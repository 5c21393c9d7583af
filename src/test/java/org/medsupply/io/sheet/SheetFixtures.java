// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;

/** Workbooks and zips built in tests, cell by cell. */
final class SheetFixtures {

    /** A cell holding a formula, with or without the value a spreadsheet program would have saved with it. */
    record Formula(String formula, Double cachedValue) {
    }

    private SheetFixtures() {
    }

    /**
     * A workbook with one sheet per entry, rows as given: a String, Number or Boolean is a cell of that type,
     * a LocalDateTime a date cell, a {@link Formula} a formula cell, {@code null} a blank.
     */
    static byte[] workbook(Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object value = rows.get(r).get(c);
                        if (value != null) {
                            set(row.createCell(c), value, dateStyle);
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Object value, CellStyle dateStyle) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.formula());
            if (formula.cachedValue() != null) {
                cell.setCellValue(formula.cachedValue());
            }
        } else {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    /** The bundled tiny problem as a workbook, the start of many edited ones. */
    static ProblemFile tinyProblem() {
        try {
            return ProblemReader.read(Path.of("problems/tiny/two-trips.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV files of a folder as a zip, inside a folder of the zip as an archiver makes them. */
    static byte[] zip(Path folder) throws IOException {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry("tables/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        }
    }

    static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
