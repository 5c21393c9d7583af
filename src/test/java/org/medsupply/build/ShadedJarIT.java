// SPDX-License-Identifier: Apache-2.0
package org.medsupply.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        runJar("solve", "problems/tiny/round-trip.json", "--time-limit", "2s", "--seed", "1", "--quiet", "-o",
                plan.toString());
        assertThat(plan).isNotEmptyFile();
    }

    /** POI finds its OOXML schemas and logs through SLF4J inside the jar: no warning about a missing log provider. */
    @Test
    void writesTheTemplateAndAPlanWorkbook(@TempDir Path dir) throws IOException, InterruptedException {
        Path template = dir.resolve("template.xlsx");
        String templateOutput = runJar("template", "-o", template.toString());
        Path plan = dir.resolve("plan.xlsx");
        String solveOutput = runJar("solve", "problems/tiny/round-trip.json", "--time-limit", "2s", "--seed", "1",
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

    /** Runs the jar with these arguments, asserts it succeeds and returns what it printed. */
    private static String runJar(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
