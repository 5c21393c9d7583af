// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;

import org.medsupply.check.PlanChecker;
import org.medsupply.io.sheet.Spreadsheets;
import org.medsupply.testing.TestSolving;

/**
 * The problem template and problems written as workbooks: every sheet, its notes, and nothing of the problem
 * lost when the product's reader ({@link Spreadsheets}) reads them back.
 */
class ProblemWorkbookTest {

    private static byte[] template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProblemWorkbook.writeTemplate(out);
        return out.toByteArray();
    }

    private static byte[] written(ProblemFile problem) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProblemWorkbook.write(problem, out);
        return out.toByteArray();
    }

    private static Workbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** The workbook read by the product's reader, as {@code import}, {@code solve} and uploads read it. */
    private static ProblemFile readBack(byte[] xlsx) throws IOException, InvalidInputException {
        return Spreadsheets.readWorkbook(new ByteArrayInputStream(xlsx), ProblemReader.Limits.DEFAULT);
    }

    @Test
    void templateExampleReadBackFromItsSheetsSolvesAndTheCheckerFindsNoViolation() throws Exception {
        ProblemFile readBack = readBack(template());
        assertThat(readBack).isEqualTo(ProblemWorkbook.templateExample());

        PlanFile plan = PlanWriter.toPlan(TestSolving.solve(readBack));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unmet()).as("the example asks for no more than stock and fleet can bring").isEmpty();
        assertThat(PlanChecker.check(readBack, plan).violations()).isEmpty();
    }

    @Test
    void templateHasEverySheetInOrderWithEachColumnsNoteAsCommentAndTip() throws IOException {
        try (Workbook workbook = open(template())) {
            List<String> sheetNames = IntStream.range(0, workbook.getNumberOfSheets())
                    .mapToObj(workbook::getSheetName).toList();
            assertThat(sheetNames).containsExactly("settings", "supplies", "warehouses", "stock", "hospitals",
                    "demands", "vehicles");
            for (ProblemSheets.Sheet definition : ProblemSheets.SHEETS) {
                Sheet sheet = workbook.getSheet(definition.name());
                boolean keyValue = definition.rows() instanceof ProblemSheets.KeyValue;
                for (int c = 0; c < definition.columns().size(); c++) {
                    ProblemSheets.Column column = definition.columns().get(c);
                    // a table's note is on its header cell; a setting's on its key, in the first column
                    Cell noted = keyValue ? sheet.getRow(c + 1).getCell(0) : sheet.getRow(0).getCell(c);
                    assertThat(noted.getCellComment().getString().getString()).isEqualTo(column.description());
                    int row = keyValue ? c + 1 : 1;
                    int col = keyValue ? 1 : c;
                    assertThat(tipAt(sheet, row, col)).as(definition.name() + " " + column.name())
                            .isEqualTo(column.description());
                }
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("header row frozen")
                        .isEqualTo((short) 1);
                List<Long> columnEntries = Arrays.stream(((XSSFSheet) sheet).getCTWorksheet().getColsArray(0)
                        .getColArray()).map(CTCol::getMin).toList();
                assertThat(columnEntries).as("Excel repairs a workbook whose column entries are out of order")
                        .isSorted().hasSize(definition.header().size());
            }
            Sheet demands = workbook.getSheet("demands");
            DataValidation priority = validationAt(demands, 1, 3);
            assertThat(priority.getValidationConstraint().getExplicitListValues())
                    .containsExactly("critical", "high", "normal", "low");
            assertThat(demands.getRow(1).getCell(4).getCellType()).as("needBy stays text, offset and all")
                    .isEqualTo(CellType.STRING);
            assertThat(workbook.getSheet("vehicles").getRow(2).getCell(4).getBooleanCellValue()).isTrue();
        }
    }

    @Test
    void everyNoteSaysWhetherTheColumnIsRequiredAndFitsAnExcelTip() {
        for (ProblemSheets.Sheet sheet : ProblemSheets.SHEETS) {
            for (ProblemSheets.Column column : sheet.columns()) {
                String note = column.description();
                assertThat(note).as(sheet.name() + " " + column.name())
                        .endsWith(column.required() ? "Required." : "Optional.")
                        .hasSizeLessThanOrEqualTo(ProblemWorkbook.MAX_TIP_CHARS);
                if (column.unit() != null) {
                    assertThat(note).contains("Unit: " + column.unit());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"problems/demo-city-outbreak.json", "problems/tiny/round-trip.json",
        "problems/tiny/two-trips.json", "problems/generated/outbreak-h100-w3-v30-s1.json"})
    void aProblemWrittenAsAWorkbookLosesNothing(String file) throws Exception {
        ProblemFile problem = ProblemReader.read(Path.of(file));
        assertThat(readBack(written(problem))).isEqualTo(problem);
    }

    private static String tipAt(Sheet sheet, int row, int column) {
        return validationAt(sheet, row, column).getPromptBoxText();
    }

    private static DataValidation validationAt(Sheet sheet, int row, int column) {
        for (DataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(row, column)) {
                    return validation;
                }
            }
        }
        throw new AssertionError("no tip on " + sheet.getSheetName() + " row " + row + " column " + column);
    }
}
