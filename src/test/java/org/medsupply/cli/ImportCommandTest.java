// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.io.sheet.Spreadsheets;

/** {@code import}, and {@code validate} and {@code solve} taking a workbook or CSV tables directly. */
class ImportCommandTest {

    private static final Path TINY = Path.of("problems/tiny/round-trip.json");

    @TempDir
    Path dir;

    @Test
    void importWritesTheProblemOfAWorkbookOrCsvFolder() throws Exception {
        Path workbook = dir.resolve("problem.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook)) {
            ProblemWorkbook.write(ProblemReader.read(TINY), out);
        }
        Path folder = dir.resolve("tables");
        Spreadsheets.writeCsvFolder(ProblemReader.read(TINY), folder);
        for (Path tables : new Path[] {workbook, folder}) {
            Path json = dir.resolve("imported.json");
            CliTest.Outcome imported = CliTest.run("import", tables.toString(), "-o", json.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("2 supplies", "1 warehouses", "2 hospitals", "1 vehicles");
            JsonNode read = Json.MAPPER.valueToTree(ProblemReader.read(json));
            assertThat(read).isEqualTo(Json.MAPPER.valueToTree(ProblemReader.read(TINY)));
        }
    }

    @Test
    void errorsNameTheirCellsAndNothingIsWritten() throws Exception {
        Path folder = dir.resolve("tables");
        Spreadsheets.writeCsvFolder(ProblemReader.read(TINY), folder);
        Files.writeString(folder.resolve("demands.csv"), "hospital,supply,quantity\nh1,n95,-3\nh9,n95,2\n");
        Path json = dir.resolve("imported.json");
        CliTest.Outcome refused = CliTest.run("import", folder.toString(), "-o", json.toString());
        assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("demands!A3: unknown hospital 'h9'\n"
                + "demands!C2: quantity must be between 1 and 1000000000, not -3\n");
        assertThat(json).doesNotExist();

        CliTest.Outcome validated = CliTest.run("validate", folder.toString());
        assertThat(validated.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(validated.err()).isEqualTo(refused.err());
    }

    @Test
    void notAWorkbookIsSaidPlainly() throws Exception {
        Path fake = dir.resolve("problem.xlsx");
        Files.copy(TINY, fake);
        CliTest.Outcome refused = CliTest.run("validate", fake.toString());
        assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).isEqualTo(
                "(document): not a workbook: expected an .xlsx file (Excel, LibreOffice or Google Sheets)\n");
    }

    @Test
    void validateAndSolveTakeTablesDirectly() throws Exception {
        Path folder = dir.resolve("tables");
        Spreadsheets.writeCsvFolder(ProblemReader.read(TINY), folder);
        CliTest.Outcome validated = CliTest.run("validate", folder.toString());
        assertThat(validated.exitCode()).as(validated.err()).isZero();
        assertThat(validated.out()).startsWith("valid: 2 supplies, 1 warehouses, 2 hospitals, 1 vehicles");

        Path plan = dir.resolve("plan.json");
        CliTest.Outcome solved = CliTest.run("solve", folder.toString(), "-o", plan.toString(), "--time-limit", "1s", "--quiet");
        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(Json.MAPPER.readTree(plan.toFile()).get("feasible").asBoolean()).isTrue();
    }
}
