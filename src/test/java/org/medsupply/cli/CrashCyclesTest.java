// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.Json;

/**
 * Five cycles of: start {@code serve}, submit jobs, SIGKILL it at a seeded moment (between and during
 * submissions, while solving, while checkpointing every 100 ms). Then one last start: every job that was
 * acknowledged with a 202 reaches one final status, DONE, with a plan the checker accepts.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CrashCyclesTest {

    private static final long SEED = 20261203;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedJobEndsOnceWithACheckedPlan() throws Exception {
        List<String> problems = List.of(Files.readString(Path.of("problems/tiny/round-trip.json")),
                Files.readString(Path.of("problems/demo-city-outbreak.json")));
        String[] options = {"--data", data.toString(), "--solvers", "1", "--max-queued", "3",
            "--checkpoint-interval", "PT0.1S"};
        Random random = new Random(SEED);
        Map<String, String> acknowledged = new LinkedHashMap<>(); // id -> problem
        for (int cycle = 0; cycle < 5; cycle++) {
            try (ChildServer server = ChildServer.start(options)) {
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(2_500));
                while (System.nanoTime() < killAt) {
                    try {
                        String problem = problems.get(random.nextInt(problems.size()));
                        HttpResponse<String> response = server.post("api/v1/plans?timeLimit=PT2S&seed=" + cycle, problem);
                        if (response.statusCode() == 202) {
                            acknowledged.put(Json.MAPPER.readTree(response.body()).get("id").asText(), problem);
                        }
                    } catch (UncheckedIOException killedMeanwhile) {
                        break;
                    }
                    Thread.sleep(random.nextInt(300));
                }
                server.process.destroyForcibly();
                assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(acknowledged).as("seed %d acknowledged nothing", SEED).isNotEmpty();

        try (ChildServer last = ChildServer.start(options)) {
            Set<String> stored = new HashSet<>();
            last.getJson("api/v1/plans?limit=500").get("jobs").forEach(job -> stored.add(job.get("id").asText()));
            assertThat(stored).as("seed %d", SEED).containsAll(acknowledged.keySet());
            for (String id : stored) { // acknowledged, and those whose 202 the kill cut off
                assertThat(last.awaitFinal(id).get("status").asText()).as("job %s (seed %d)", id, SEED).isEqualTo("DONE");
            }
            for (Map.Entry<String, String> job : acknowledged.entrySet()) {
                ObjectNode check = Json.MAPPER.createObjectNode();
                check.set("problem", Json.MAPPER.readTree(job.getValue()));
                check.set("plan", Json.MAPPER.readTree(last.send(HttpRequest.newBuilder(
                        last.base.resolve("api/v1/plans/" + job.getKey() + "/plan"))).body()));
                JsonNode verdict = Json.MAPPER.readTree(last.post("api/v1/plans/check", check.toString()).body());
                assertThat(verdict.get("valid").asBoolean()).as("job %s: %s", job.getKey(), verdict).isTrue();
            }
        }
    }
}
