// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.medsupply.io.convert.InstanceFormat;
import org.medsupply.io.sheet.Spreadsheets;

/**
 * Reads a problem from a file of any format the project knows: a FORMAT.md problem ({@code .json}), a
 * workbook or CSV tables (FORMAT.md, "Spreadsheets"), a CVRPLIB instance ({@code .vrp}), or a Solomon or Cordeau instance ({@code .txt}, told apart by their
 * content: Solomon files have a CUSTOMER section). Analysts can then point benchmarks at a folder of
 * classic instances without converting them first.
 */
public final class ProblemFiles {

    private ProblemFiles() {
    }

    public static ProblemFile read(Path file) throws IOException, InvalidInputException {
        if (Spreadsheets.isSpreadsheet(file)) {
            return Spreadsheets.read(file, ProblemReader.Limits.DEFAULT);
        }
        String text = Files.readString(file);
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return switch (extension(file)) {
            case "json" -> ProblemReader.read(text);
            case "vrp" -> InstanceFormat.CVRPLIB.read(text, stem);
            case "txt" -> (text.contains("CUSTOMER") ? InstanceFormat.SOLOMON : InstanceFormat.CORDEAU).read(text, stem);
            default -> throw new InvalidInputException(List.of(new InputError("",
                    name + ": unknown kind of file (expected .json, .xlsx, .zip, .vrp or .txt, or a folder of CSV tables)")));
        };
    }

    /**
     * A problem as the commands take it: a workbook ({@code .xlsx}), a folder of CSV tables or a zip of them
     * (FORMAT.md, "Spreadsheets"), or else a JSON problem file whatever its name.
     */
    public static ProblemFile readProblem(Path file) throws IOException, InvalidInputException {
        return Spreadsheets.isSpreadsheet(file) ? Spreadsheets.read(file, ProblemReader.Limits.DEFAULT)
                : ProblemReader.read(file);
    }

    /** Writes the problem as UTF-8 JSON, one object per line ({@link LinePerObjectPrettyPrinter}). */
    public static void write(ProblemFile problem, Path file) throws IOException {
        String json = Json.MAPPER.writer(new LinePerObjectPrettyPrinter()).writeValueAsString(problem);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }

    /** Every problem or instance file in {@code folder} and below, in name order. */
    public static List<Path> listIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> List.of("json", "vrp", "txt", "xlsx").contains(extension(file)))
                    .sorted()
                    .toList();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    }
}
