// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;

/**
 * Problems from spreadsheets (FORMAT.md, "Spreadsheets"): an {@code .xlsx} workbook, a folder of CSV
 * tables or a zip of them. Each is read into tables, and the tables into a problem by the same rules as
 * JSON, with every error naming its cell ({@code demands!C14}).
 */
public final class Spreadsheets {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ZIP_MEDIA_TYPE = "application/zip";

    private Spreadsheets() {
    }

    /** Whether {@code path} is read by this class: a folder, or a file ending in {@code .xlsx} or {@code .zip}. */
    public static boolean isSpreadsheet(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(path) || name.endsWith(".xlsx") || name.endsWith(".zip");
    }

    /** @throws IOException when the file or folder cannot be opened */
    public static ProblemFile read(Path path, ProblemReader.Limits limits) throws IOException, InvalidInputException {
        int maxRows = limits.maxListLength();
        if (Files.isDirectory(path)) {
            return TablesToProblem.read(CsvTables.readFolder(path, limits.maxBytes(), maxRows), limits);
        }
        if (Files.size(path) > limits.maxBytes()) {
            throw new InvalidInputException(List.of(new InputError("", "the file is larger than " + limits.maxBytes()
                    + " bytes")));
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(path)) {
                return TablesToProblem.read(CsvTables.readZip(in, limits.maxBytes(), maxRows), limits);
            }
        }
        return TablesToProblem.read(WorkbookTables.read(path, maxRows), limits);
    }

    /**
     * A workbook sent as a stream (an HTTP body, whose size the caller bounds): kept in a temporary file
     * while it is read, because a workbook is a zip whose directory is at its end.
     */
    public static ProblemFile readWorkbook(InputStream in, ProblemReader.Limits limits) throws IOException,
            InvalidInputException {
        Path file = Files.createTempFile("medsupply-upload-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return read(file, limits);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Writes the problem as a folder of CSV tables, which {@link #read} reads back as the same problem;
     * a workbook is written by {@link org.medsupply.io.ProblemWorkbook#write}.
     *
     * @throws IllegalArgumentException for a problem with matrix travel, which tables cannot hold
     */
    public static void writeCsvFolder(ProblemFile problem, Path folder) throws IOException {
        CsvTables.write(problem, folder);
    }

    /** A zip of CSV tables sent as a stream; what it inflates to is bounded by {@code limits.maxBytes()}. */
    public static ProblemFile readCsvZip(InputStream in, ProblemReader.Limits limits) throws InvalidInputException {
        return TablesToProblem.read(CsvTables.readZip(in, limits.maxBytes(), limits.maxListLength()), limits);
    }
}
