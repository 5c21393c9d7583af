// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in its own JVM: SIGTERM while a job solves stores it to resume and exits promptly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeSigtermTest {

    @TempDir
    Path data;

    @Test
    void sigtermStoresTheRunningJobAndExits() throws Exception {
        try (ChildServer server = ChildServer.start("--shutdown-grace", "PT5S", "--data", data.toString())) {
            String id = server.submit(Files.readString(Path.of("problems/tiny/round-trip.json")), "?timeLimit=PT2M");
            while (!server.getJson("api/v1/plans/" + id).has("score")) {
                Thread.sleep(50);
            }

            server.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout

            StringBuilder rest = new StringBuilder();
            for (String line = server.out.readLine(); line != null; line = server.out.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).contains("stopped; 1 queued or running jobs stored to resume at the next start");
        }
    }
}
