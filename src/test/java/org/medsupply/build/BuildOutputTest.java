// SPDX-License-Identifier: Apache-2.0
package org.medsupply.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Maven's own output in this project is plain text. Maven 3.8 installs Jansi, which writes a colour reset
 * (ESC [0m) when it starts and ends unless it can tell the output is not a terminal; without its native
 * library it cannot, so batch builds and CI logs got stray escape codes. {@code .mvn/jvm.config} sets
 * {@code jansi.noreset}.
 */
class BuildOutputTest {

    @Test
    void mavenPrintsNoEscapeCodesInBatchMode() throws IOException, InterruptedException {
        Process maven;
        try {
            maven = new ProcessBuilder("mvn", "-B", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mvn is not on the PATH: " + e.getMessage());
            return;
        }
        maven.getOutputStream().close();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(maven.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Apache Maven").doesNotContain("\u001b");
    }
}
