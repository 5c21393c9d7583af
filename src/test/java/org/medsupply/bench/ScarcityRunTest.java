// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.cli.Main;

/** The scarcity command end to end, on one tiny problem. */
class ScarcityRunTest {

    @TempDir
    Path dir;

    @Test
    void printsTheMachineAndARowPerSetting() throws Exception {
        Path table = dir.resolve("scarcity.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), "scarcity", "--hospitals", "8", "--stock",
                "0.05", "--fleet", "ample", "--time-limit", "1s", "-o", table.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("scarcity --hospitals 8 --stock 0.05 --fleet ample --time-limit 1s --seed 1",
                "cores", "Java ", "| hospitals |").containsPattern("\\n\\| 8 \\| 2 \\| 0.05 \\| ample \\(4\\) \\|.*\\|\\n");
        assertThat(Files.readString(table)).isEqualTo(out.toString());
    }

    @Test
    void badArgumentsAreBadInput() {
        assertThat(exitCode("--fleet", "huge")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--stock", "1.5")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--hospitals", "0")).isEqualTo(Main.BAD_INPUT);
        assertThat(exitCode("--time-limit", "0s")).isEqualTo(Main.BAD_INPUT);
    }

    private static int exitCode(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "scarcity";
        System.arraycopy(options, 0, args, 1, options.length);
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
