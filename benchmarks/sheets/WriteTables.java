// SPDX-License-Identifier: Apache-2.0
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.io.sheet.Spreadsheets;

/** Writes a JSON problem as a workbook (PREFIX.xlsx) and a CSV folder (PREFIX-csv), for read.sh. */
public class WriteTables {
    public static void main(String[] args) throws Exception {
        var problem = ProblemReader.read(Path.of(args[0]));
        try (OutputStream out = Files.newOutputStream(Path.of(args[1] + ".xlsx"))) {
            ProblemWorkbook.write(problem, out);
        }
        Spreadsheets.writeCsvFolder(problem, Path.of(args[1] + "-csv"));
    }
}
