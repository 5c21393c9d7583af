// SPDX-License-Identifier: Apache-2.0
package org.medsupply.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process solve = new ProcessBuilder(java, "-jar", JAR.toString(), "solve", "problems/tiny/round-trip.json",
                "--time-limit", "2s", "--seed", "1", "--quiet", "-o", plan.toString())
                .redirectErrorStream(true).start();
        solve.getOutputStream().close();
        String output = new String(solve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(solve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(solve.exitValue()).as(output).isZero();
        assertThat(plan).isNotEmptyFile();
    }
}
