// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.io.Json;

/** {@code serve} in its own JVM: SIGTERM while a job solves stops it cleanly and promptly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeSigtermTest {

    @Test
    void sigtermCancelsTheRunningJobAndExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServeLauncher.class.getName(), "--port", "0", "--shutdown-grace", "PT5S")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher address = Pattern.compile("listening on (http://\\S+/) ").matcher(out.readLine());
            assertThat(address.find()).isTrue();
            URI base = URI.create(address.group(1));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(base.resolve("api/v1/plans?timeLimit=PT2M"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("problems/tiny/round-trip.json"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).isEqualTo(202);
            URI job = base.resolve("api/v1/plans/" + Json.MAPPER.readTree(submitted.body()).get("id").asText());
            while (!Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(job).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).has("score")) {
                Thread.sleep(50);
            }

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout

            StringBuilder rest = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).contains("stopped; 1 queued or running jobs cancelled");
        } finally {
            process.destroyForcibly();
        }
    }
}
