// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.testing.Zips;

/**
 * The error table of spreadsheet input: every kind of bad workbook or CSV table is answered with errors
 * naming the sheet, row and column (all of them at once), through the rules JSON goes through, and
 * never with another exception. The base is FORMAT.md's example problem written as tables.
 */
class SpreadsheetErrorsTest {

    private static final ProblemReader.Limits LIMITS = ProblemReader.Limits.DEFAULT;

    @TempDir
    Path dir;

    // --- errors name their cell, all at once, by the JSON rules

    @Test
    void valueErrorsNameSheetRowAndColumnAllAtOnce() {
        byte[] workbook = edited(book -> {
            set(book, "demands", "C3", -3);
            set(book, "supplies", "C2", "abc");
            set(book, "demands", "A2", "h-99");
            set(book, "vehicles", "E2", "yes");
            set(book, "hospitals", "G2", "2026-02-01T21:00:00+08:00");
        });
        assertThat(errors(workbook)).extracting(InputError::cell, InputError::detail).containsExactlyInAnyOrder(
                tuple("demands!C3", "quantity must be between 1 and 1000000000, not -3"),
                tuple("supplies!C2", "weightKg must be a number, not the text 'abc'"),
                tuple("demands!A2", "unknown hospital 'h-99'"),
                tuple("vehicles!E2", "refrigerated must be true or false, not the text 'yes'"),
                tuple("hospitals!H2", "the window ends at 2026-02-01T20:00:00+08:00,"
                        + " before it starts at 2026-02-01T21:00:00+08:00"));
    }

    @Test
    void errorsKeepThePointerIntoTheProblemTheTablesMake() {
        InputError error = errors(edited(book -> set(book, "demands", "C3", 0))).get(0);
        assertThat(error.pointer()).isEqualTo("/hospitals/0/demands/1/quantity");
        assertThat(error.location()).isEqualTo("demands!C3");
    }

    @Test
    void tableShapeErrors() {
        byte[] workbook = edited(book -> {
            set(book, "demands", "G1", "colour");
            book.createSheet("notes");
            book.removeSheetAt(book.getSheetIndex("vehicles"));
            set(book, "settings", "A6", "timezone");
            set(book, "stock", "A2", "wh-west");
        });
        assertThat(errors(workbook)).extracting(InputError::cell, InputError::detail).contains(
                tuple("demands!G1", "unknown column 'colour'; expected one of hospital,"
                        + " supply, quantity, priority, needBy, splittable"),
                tuple("notes", "unknown table 'notes'; expected one of settings, supplies,"
                        + " warehouses, stock, hospitals, demands, vehicles"),
                tuple("vehicles", "missing table 'vehicles' (a sheet, or a CSV file"
                        + " vehicles.csv)"),
                tuple("settings!A6", "unknown key 'timezone'; expected one of name, start,"
                        + " travel, roadFactor, round, minutesPerKm"),
                tuple("stock!A2", "unknown warehouse 'wh-west'"));
    }

    @Test
    void duplicateIdsNameTheOtherRowsCell() {
        byte[] workbook = edited(book -> set(book, "supplies", "A3", "n95"));
        assertThat(errors(workbook)).extracting(InputError::cell, InputError::detail).containsExactly(
                tuple("supplies!A3", "duplicate id 'n95' (also used by supplies!2)"),
                tuple("stock!3", "unknown supply 'ventilator'"),
                tuple("demands!B2", "unknown supply 'ventilator'"));
    }

    // --- item 6 of issue 14: files that are not what they claim, and cells of every kind

    @Test
    void notAWorkbook() {
        assertThat(details("{\"name\": \"json\"}".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("not a workbook: expected an .xlsx file (Excel, LibreOffice or Google Sheets)");
        assertThat(details(new byte[0])).containsExactly("the workbook is empty (0 bytes)");
    }

    @Test
    void aZipThatIsNotAWorkbook() throws IOException {
        assertThat(details(Zips.ofFolder(tinyCsvFolder(), "")))
                .containsExactly("not a readable workbook: its parts are damaged or missing (save it again as .xlsx)");
    }

    @Test
    void passwordProtectedWorkbook() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(edited(book -> { })));
                OutputStream out = encryptor.getDataStream(fs)) {
            workbook.save(out);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        assertThat(details(encrypted.toByteArray())).containsExactly(
                "the workbook is protected by a password; save a copy without one (File, Info, Protect Workbook)");
    }

    @Test
    void oldExcelWorkbook() throws IOException {
        try (HSSFWorkbook old = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            old.createSheet("supplies");
            old.write(out);
            assertThat(details(out.toByteArray())).containsExactly(
                    "this is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)");
        }
    }

    @Test
    void zipBombWorkbookIsRefusedWhileInflating() throws IOException {
        // a sheet padded with 40 MB of blanks: some 40 kB packed, inflating a thousandfold
        byte[] bomb = rewritten(edited(book -> { }), "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(40 << 20)));
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(details(bomb)).containsExactly("a part of the workbook inflates to more than 256 MiB or over 100"
                + " times its packed size; refused as a possible zip bomb");
    }

    @Test
    void formulasGiveTheirSavedValuesAndAreNeverEvaluated() throws Exception {
        byte[] workbook = edited(book -> {
            // saved value 6, though the formula would now give 800: the value the coordinator saw counts
            book.getSheet("demands").getRow(2).getCell(2).setCellFormula("2*3");
            book.getSheet("demands").getRow(2).getCell(2).setCellValue(6);
        });
        ProblemFile problem = read(workbook);
        assertThat(problem.hospitals().get(0).demands().get(1).quantity()).isEqualTo(6);
    }

    @Test
    void datesAsDateCellsOrTextWithoutOffsetTakeTheOffsetOfStart() throws Exception {
        byte[] workbook = edited(book -> {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Cell needBy = book.getSheet("demands").getRow(1).getCell(4);
            needBy.setCellValue(LocalDateTime.of(2026, 2, 1, 9, 30));
            needBy.setCellStyle(date);
            set(book, "vehicles", "H2", "2026-02-01 21:15");
        });
        ProblemFile problem = read(workbook);
        assertThat(problem.hospitals().get(0).demands().get(0).needBy()).isEqualTo("2026-02-01T09:30:00+08:00");
        assertThat(problem.vehicles().get(0).shift().to()).isEqualTo("2026-02-01T21:15:00+08:00");
    }

    @Test
    void timesThatAreNotTimes() {
        byte[] workbook = edited(book -> set(book, "demands", "E2", "tomorrow morning"));
        assertThat(errors(workbook)).extracting(InputError::cell, InputError::detail).containsExactly(
                tuple("demands!E2", "'tomorrow morning' is not an ISO-8601 date-time"
                        + " with an offset, such as 2026-02-01T08:00:00+08:00"));
    }

    @Test
    void aMillionRowsStopAtTheRowLimit() throws IOException {
        Path workbook = dir.resolve("million.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(workbook)) {
            Sheet demands = book.createSheet("demands");
            demands.createRow(0).createCell(0).setCellValue("hospital");
            for (int r = 1; r <= 1_000_000; r++) {
                demands.createRow(r).createCell(0).setCellValue("h");
            }
            book.write(out);
        }
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> Spreadsheets.read(workbook, LIMITS));
        assertThat(error.errors()).containsExactly(new InputError("", "has more than 100000 rows; at most 100000 are"
                + " accepted", "demands"));
    }

    // --- CSV

    @Test
    void csvWithByteOrderMarkReads() throws Exception {
        Path folder = tinyCsvFolder();
        Path supplies = folder.resolve("supplies.csv");
        Files.writeString(supplies, "\uFEFF" + Files.readString(supplies));
        assertThat(Spreadsheets.read(folder, LIMITS).supplies()).hasSize(2);
    }

    @Test
    void semicolonSeparatedCsvIsNamed() throws Exception {
        assertThat(csvErrors("demands.csv", "hospital;supply;quantity\nh1;n95;15\n")).containsExactly(new InputError(
                "", "demands.csv separates its columns with semicolons; save it comma-separated (CSV UTF-8)", "demands"));
    }

    @Test
    void csvThatIsNotUtf8() throws Exception {
        Path folder = tinyCsvFolder();
        Files.write(folder.resolve("supplies.csv"), "id,name,weightKg,volumeM3\nn95,Caf\u00e9,1,0.001\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> Spreadsheets.read(folder, LIMITS));
        assertThat(error.errors()).containsExactly(
                new InputError("", "supplies.csv is not UTF-8 text; save it as CSV UTF-8"));
    }

    @Test
    void csvErrorsNameFileRowAndColumnCountingBlankLines() throws Exception {
        assertThat(csvErrors("demands.csv", "hospital,supply,quantity,priority\r\nh1,n95,15,high\r\n\r\n"
                + "h1,n95,-3,urgent\r\n")).extracting(InputError::cell, InputError::detail).containsExactly(
                        tuple("demands!C4", "quantity must be between 1 and 1000000000, not -3"),
                        tuple("demands!D4", "unknown priority 'urgent'; expected one of critical, high, normal, low"));
    }

    @Test
    void unclosedQuoteInCsv() throws Exception {
        assertThat(csvErrors("hospitals.csv", "id,name,x,y\nh1,\"Union,3,4\n")).extracting(InputError::detail)
                .containsExactly("hospitals.csv is not well-formed CSV after row 1: a quoted value is not closed,"
                        + " or text follows its closing quote");
    }

    @Test
    void aMillionCsvRowsStopAtTheRowLimit() throws Exception {
        assertThat(csvErrors("demands.csv", "hospital,supply,quantity\n" + "h1,n95,1\n".repeat(1_000_000)))
                .containsExactly(new InputError("", "has more than 100000 rows; at most 100000 are accepted", "demands"));
    }

    @Test
    void zipBombOfCsvTablesIsRefusedWhileInflating() throws IOException {
        byte[] bomb = Zips.ofBlanks("demands.csv", 20 << 20);
        ProblemReader.Limits tenMegabytes = new ProblemReader.Limits(10 << 20, 100_000, 1_000, 200);
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> Spreadsheets.readCsvZip(new ByteArrayInputStream(bomb), tenMegabytes));
        assertThat(error.errors()).extracting(InputError::detail).containsExactly("the CSV files in the zip inflate to"
                + " more than 10485760 bytes; refused (a zip bomb?)");
    }

    @Test
    void notAZipOfCsvTables() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> Spreadsheets.readCsvZip(
                new ByteArrayInputStream("id,name\n".getBytes(StandardCharsets.UTF_8)), LIMITS));
        assertThat(error.errors()).extracting(InputError::detail).containsExactly("not a zip of CSV files: it holds"
                + " none (expected settings.csv, supplies.csv, warehouses.csv, stock.csv, hospitals.csv, demands.csv,"
                + " vehicles.csv)");
    }

    // --- helpers

    /** The tiny problem as a CSV folder. */
    private Path tinyCsvFolder() throws IOException {
        Path folder = Files.createTempDirectory(dir, "tables");
        Spreadsheets.writeCsvFolder(tinyProblem(), folder);
        return folder;
    }

    /** The errors of the tiny problem's CSV folder with one file's text replaced. */
    private List<InputError> csvErrors(String file, String text) throws IOException {
        Path folder = tinyCsvFolder();
        Files.writeString(folder.resolve(file), text);
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> Spreadsheets.read(folder, LIMITS));
        assertThat(error).as("an input error").isNotNull();
        return error.errors();
    }

    private static ProblemFile tinyProblem() {
        try {
            return ProblemReader.read(Path.of("problems/tiny/two-trips.json"));
        } catch (IOException | InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** FORMAT.md's example as a workbook, edited. */
    private static byte[] edited(Consumer<XSSFWorkbook> edit) {
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            ProblemWorkbook.write(ProblemReader.read(Path.of(
                    "src/test/resources/org/medsupply/io/format-example.json")), written);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                edit.accept(book);
                book.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(XSSFWorkbook book, String sheet, String cell, Object value) {
        CellReference reference = new CellReference(cell);
        Sheet target = book.getSheet(sheet);
        var row = target.getRow(reference.getRow()) != null ? target.getRow(reference.getRow())
                : target.createRow(reference.getRow());
        Cell target2 = row.getCell(reference.getCol()) != null ? row.getCell(reference.getCol())
                : row.createCell(reference.getCol());
        if (value instanceof Number number) {
            target2.setCellValue(number.doubleValue());
        } else {
            target2.setCellValue((String) value);
        }
    }

    /** The zip with one entry's text replaced. */
    private static byte[] rewritten(byte[] zipBytes, String entryName,
            java.util.function.UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private ProblemFile read(byte[] workbook) throws IOException, InvalidInputException {
        return Spreadsheets.readWorkbook(new ByteArrayInputStream(workbook), LIMITS);
    }

    private List<InputError> errors(byte[] workbook) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> read(workbook));
        assertThat(error).as("an input error").isNotNull();
        return error.errors();
    }

    private List<String> details(byte[] workbook) {
        return errors(workbook).stream().map(InputError::detail).toList();
    }
}
