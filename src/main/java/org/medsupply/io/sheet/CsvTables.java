// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemSheets;

/**
 * Reads CSV tables (UTF-8, comma-separated, one header row; a byte order mark is ignored) from a folder
 * or a zip, with Apache Commons CSV. Their names are the files' names without {@code .csv}; other files
 * are ignored. What a zip inflates to is bounded like a JSON document's size. Writes a problem as such a
 * folder, one file per sheet of {@link ProblemSheets}.
 */
final class CsvTables {

    private static final String EXTENSION = ".csv";
    private static final int MAX_ZIP_ENTRIES = 1_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTables() {
    }

    /** Writes {@code SHEET.csv} for every sheet of {@link ProblemSheets} into {@code folder}, creating it if needed. */
    static void write(ProblemFile problem, Path folder) throws IOException {
        JsonNode tree = ProblemSheets.tree(problem);
        Files.createDirectories(folder);
        for (ProblemSheets.Sheet sheet : ProblemSheets.SHEETS) {
            try (Writer out = Files.newBufferedWriter(folder.resolve(sheet.name() + EXTENSION), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                csv.printRecord(sheet.header());
                for (List<JsonNode> row : ProblemSheets.rows(sheet, tree)) {
                    csv.printRecord(row.stream().map(value -> value == null ? "" : value.asText()).toList());
                }
            }
        }
    }

    /** @param maxBytes what all the tables together may hold */
    static List<CellTable> readFolder(Path folder, long maxBytes, int maxRows) throws IOException,
            InvalidInputException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(file -> Files.isRegularFile(file) && isCsv(file.getFileName().toString()))
                    .sorted().toList();
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        if (files.isEmpty()) {
            throw invalid("the folder holds no CSV file (expected " + expectedFiles() + ")");
        }
        if (bytes > maxBytes) {
            throw invalid("the CSV files hold more than " + maxBytes + " bytes");
        }
        List<CellTable> tables = new ArrayList<>();
        for (Path file : files) {
            tables.add(parse(file.getFileName().toString(), Files.readAllBytes(file), maxRows));
        }
        return tables;
    }

    /**
     * The CSV files of a zip, in any folder inside it; reading stops once they inflate past {@code maxBytes}.
     * Does not close {@code in}.
     */
    static List<CellTable> readZip(InputStream in, long maxBytes, int maxRows) throws InvalidInputException {
        List<CellTable> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long budget = maxBytes;
        int entries = 0;
        try {
            ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw invalid("the zip holds more than " + MAX_ZIP_ENTRIES + " entries");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/") || name.startsWith(".")
                        || !isCsv(name)) {
                    continue;
                }
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw invalid("the zip holds two files named " + name);
                }
                byte[] bytes = zip.readNBytes((int) Math.min(budget + 1, Integer.MAX_VALUE - 8));
                budget -= bytes.length;
                if (budget < 0) {
                    throw invalid("the CSV files in the zip inflate to more than " + maxBytes
                            + " bytes; refused (a zip bomb?)");
                }
                tables.add(parse(name, bytes, maxRows));
            }
        } catch (ZipException | IllegalArgumentException damaged) {
            throw invalid("not a readable zip of CSV files: " + (damaged.getMessage() == null ? "damaged"
                    : damaged.getMessage()));
        } catch (IOException unreadable) {
            throw invalid("the zip could not be read completely");
        }
        if (tables.isEmpty()) {
            throw invalid("not a zip of CSV files: it holds none (expected " + expectedFiles() + ")");
        }
        return tables;
    }

    /** One CSV file's text as a table; {@code fileName} ends in {@code .csv}. */
    static CellTable parse(String fileName, byte[] bytes, int maxRows) throws InvalidInputException {
        String name = fileName.substring(0, fileName.length() - EXTENSION.length());
        String text = utf8(fileName, bytes);
        List<String> header = null;
        List<CellTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(CellTable::text).toList();
                if (header == null) {
                    header = cells;
                    if (cells.size() == 1 && cells.get(0) != null && cells.get(0).contains(";")) {
                        throw new InvalidInputException(List.of(new InputError("", fileName + " separates its"
                                + " columns with semicolons; save it comma-separated (CSV UTF-8)", name)));
                    }
                } else if (cells.stream().anyMatch(cell -> cell != null)) {
                    if (rows.size() == maxRows) {
                        throw new InvalidInputException(List.of(new InputError("", "has more than " + maxRows
                                + " rows; at most " + maxRows + " are accepted", name)));
                    }
                    rows.add(new CellTable.Row((int) record.getRecordNumber(), cells));
                }
            }
        } catch (UncheckedIOException | IOException malformed) {
            throw new InvalidInputException(List.of(new InputError("", fileName + " is not well-formed CSV after row "
                    + (rows.size() + 1) + ": a quoted value is not closed, or text follows its closing quote", name)));
        }
        return new CellTable(name, header == null ? List.of() : header, rows);
    }

    /** Strict UTF-8 without the byte order mark spreadsheet programs put first. */
    private static String utf8(String fileName, byte[] bytes) throws InvalidInputException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid(fileName + " is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    private static boolean isCsv(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION) && fileName.length() > EXTENSION.length();
    }

    private static String expectedFiles() {
        return String.join(", ", ProblemSheets.sheetNames().stream().map(name -> name + EXTENSION).toList());
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(List.of(new InputError("", detail)));
    }
}
