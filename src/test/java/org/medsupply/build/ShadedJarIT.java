// SPDX-License-Identifier: Apache-2.0
package org.medsupply.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;

/**
 * The runnable jar as {@code package} leaves it. The solver runs on Bavet, so pom.xml leaves out the Drools
 * engines that optaplanner-core brings (thousands of classes); the jar must still solve without them.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target/medsupply.jar");

    @Test
    void carriesBavetButNoDrools() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).anyMatch(name -> name.startsWith("org/optaplanner/constraint/streams/bavet/"));
            assertThat(names).filteredOn(name -> name.startsWith("org/drools/") || name.startsWith("org/kie/"))
                    .isEmpty();
        }
    }

    @Test
    void solvesAProblem(@TempDir Path dir) throws IOException, InterruptedException {
        Path plan = dir.resolve("plan.json");
        String output = run(0, "solve", "problems/tiny/round-trip.json", "--time-limit", "2s", "--seed", "1", "--quiet",
                "-o", plan.toString());
        assertThat(plan).as(output).isNotEmptyFile();
    }

    /** POI and Commons CSV come along whole: a workbook imports, and POI's logging says nothing. */
    @Test
    void importsAWorkbook(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("problem.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook)) {
            ProblemWorkbook.write(ProblemReader.read(Path.of("problems/demo-city-outbreak.json")), out);
        }
        Path problem = dir.resolve("problem.json");
        String output = run(0, "import", workbook.toString(), "-o", problem.toString());
        assertThat(output).startsWith("wrote ").contains("30 hospitals").hasLineCount(1);
        assertThat(Json.MAPPER.readTree(problem.toFile()).get("hospitals")).hasSize(30);

        Files.writeString(workbook, "not a workbook");
        assertThat(run(2, "validate", workbook.toString())).isEqualTo(
                "(document): not a workbook: expected an .xlsx file (Excel, LibreOffice or Google Sheets)\n");
    }

    /** Runs the jar; returns its output (standard output and error) once it exited with {@code exitCode}. */
    private static String run(int exitCode, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(exitCode);
        return output;
    }

    /** POI finds its OOXML schemas and logs through SLF4J inside the jar: no warning about a missing log provider. */
    @Test
    void writesTheTemplateAndAPlanWorkbook(@TempDir Path dir) throws IOException, InterruptedException {
        Path template = dir.resolve("template.xlsx");
        String templateOutput = run(0, "template", "-o", template.toString());
        Path plan = dir.resolve("plan.xlsx");
        String solveOutput = run(0, "solve", "problems/tiny/round-trip.json", "--time-limit", "2s", "--seed", "1",
                "--quiet", "--xlsx", plan.toString());
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(template))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("settings");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
        }
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(plan))) {
            assertThat(workbook.getSheet("van").getLastRowNum()).isEqualTo(2);
        }
        assertThat(templateOutput + solveOutput).doesNotContainIgnoringCase("log4j").doesNotContain("StatusLogger");
    }
}
