// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/**
 * Reads the sheets of an {@code .xlsx} workbook as {@link CellTable}s with Apache POI's streaming
 * reader, so that a sheet of a million rows is never held in memory: reading stops past the row limit.
 * Formulas give the value the spreadsheet program saved with them; nothing is ever evaluated, so no
 * external link is followed. Date cells become ISO local date-times ({@code 2026-02-01T08:00}).
 */
final class WorkbookTables {

    /**
     * The most one part of the workbook (a sheet's XML, the shared strings) may inflate to; POI also
     * refuses parts that inflate over 100 times their packed size. Both bound a zip bomb.
     */
    static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    /** Stops the streaming parse at the row limit; the handler's methods cannot throw checked exceptions. */
    private static final class TooManyRowsException extends RuntimeException {
        TooManyRowsException() {
            super("too many rows", null, false, false);
        }
    }

    private WorkbookTables() {
    }

    /**
     * @param maxRows data rows accepted in one sheet (the header not counted)
     * @throws IOException when the file cannot be opened
     */
    static List<CellTable> read(Path file, int maxRows) throws IOException, InvalidInputException {
        // the file's own size is bounded by the caller, as for JSON
        if (Files.size(file) == 0) {
            throw invalid("the workbook is empty (0 bytes)");
        }
        FileMagic magic = FileMagic.valueOf(file.toFile());
        switch (magic) {
            case OOXML -> {
                return readPackage(file, maxRows);
            }
            case OLE2 -> throw invalid(isEncrypted(file)
                    ? "the workbook is protected by a password; save a copy without one (File, Info, Protect Workbook)"
                    : "this is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx)");
            default -> throw invalid("not a workbook: expected an .xlsx file (Excel, LibreOffice or Google Sheets)");
        }
    }

    private static boolean isEncrypted(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (RuntimeException broken) {
            return false;
        }
    }

    /** Any failure inside the package is the file's: damaged parts, broken XML, a part that inflates too far. */
    private static List<CellTable> readPackage(Path file, int maxRows) throws InvalidInputException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<CellTable> tables = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    tables.add(readSheet(sheets.getSheetName(), sheet, reader, strings, maxRows));
                }
            }
            return tables;
        } catch (OpenXML4JException | OpenXML4JRuntimeException | SAXException | ParserConfigurationException
                | IOException | IllegalArgumentException | IllegalStateException | POIXMLException e) {
            if (isZipBomb(e)) {
                throw invalid("a part of the workbook inflates to more than " + MAX_PART_BYTES / (1024 * 1024)
                        + " MiB or over 100 times its packed size; refused as a possible zip bomb");
            }
            throw invalid("not a readable workbook: its parts are damaged or missing (save it again as .xlsx)");
        }
    }

    private static boolean isZipBomb(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static CellTable readSheet(String name, InputStream sheet, XSSFReader reader,
            ReadOnlySharedStringsTable strings, int maxRows) throws IOException, SAXException,
            ParserConfigurationException, InvalidInputException {
        Rows rows = new Rows(maxRows);
        XMLReader parser = XMLHelper.newXMLReader();
        try {
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows,
                    new PlainFormatter(), false));
        } catch (OpenXML4JException e) {
            throw new SAXException(e);
        }
        try {
            parser.parse(new InputSource(sheet));
        } catch (TooManyRowsException e) {
            throw new InvalidInputException(List.of(new InputError("", "has more than " + maxRows
                    + " rows; at most " + maxRows + " are accepted", name)));
        }
        List<CellTable.Row> all = rows.rows;
        List<String> header = all.isEmpty() || all.get(0).number() != 1 ? List.of() : all.get(0).cells();
        List<CellTable.Row> data = all.isEmpty() || all.get(0).number() != 1 ? all : all.subList(1, all.size());
        return new CellTable(name, header, List.copyOf(data));
    }

    /** Collects the rows that have a value, each cell at its column's index. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final List<CellTable.Row> rows = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;
        private int nextColumn;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowIndex) {
            cells = new ArrayList<>();
            rowNumber = rowIndex + 1;
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowIndex) {
            if (cells.stream().anyMatch(cell -> cell != null)) {
                rows.add(new CellTable.Row(rowNumber, cells));
            }
            if (rows.size() > maxRows + 1) { // the header and the data rows accepted
                throw new TooManyRowsException();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            String text = CellTable.text(formattedValue);
            if (text == null) {
                return;
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(text);
        }
    }

    /**
     * Numbers as plain decimals (never {@code 1.2E+11} or rounded by the cell's display format), date
     * cells as ISO local date-times, and booleans as {@code TRUE}/{@code FALSE}.
     */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, false, true).toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(List.of(new InputError("", detail)));
    }
}
