// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.Json;

/**
 * {@code serve} killed with SIGKILL while solving: started again on the same data folder, the queued job
 * runs and the interrupted one resumes from its checkpoint (restarts 1) and ends with a plan the checker
 * accepts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeKillTest {

    @TempDir
    Path data;

    @Test
    void killedWhileSolvingTheNextStartFinishesEveryAcknowledgedJob() throws Exception {
        String problem = Files.readString(Path.of("problems/demo-city-outbreak.json"));
        String[] options = {"--data", data.toString(), "--solvers", "1", "--checkpoint-interval", "PT0.3S"};
        String solving;
        String queued;
        try (ChildServer first = ChildServer.start(options)) {
            solving = first.submit(problem, "?timeLimit=PT10S&seed=3");
            queued = first.submit(problem, "?timeLimit=PT2S&seed=4");
            while (!first.getJson("api/v1/plans/" + solving).has("score")) {
                Thread.sleep(50);
            }
            Thread.sleep(1_000); // past a few checkpoint intervals
            assertThat(first.getJson("api/v1/plans/" + solving).get("status").asText())
                    .as("still solving when killed").isEqualTo("SOLVING");
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (ChildServer second = ChildServer.start(options)) {
            JsonNode resumed = second.awaitFinal(solving);
            assertThat(resumed.get("status").asText()).isEqualTo("DONE");
            assertThat(resumed.get("restarts").asInt()).isEqualTo(1);
            JsonNode next = second.awaitFinal(queued);
            assertThat(next.get("status").asText()).isEqualTo("DONE");
            assertThat(next.get("restarts").asInt()).isZero();

            String plan = second.send(HttpRequest.newBuilder(
                    second.base.resolve("api/v1/plans/" + solving + "/plan"))).body();
            ObjectNode check = Json.MAPPER.createObjectNode();
            check.set("problem", Json.MAPPER.readTree(problem));
            check.set("plan", Json.MAPPER.readTree(plan));
            JsonNode verdict = Json.MAPPER.readTree(second.post("api/v1/plans/check", check.toString()).body());
            assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(Json.MAPPER.readTree(plan).get("score").asText()).isEqualTo(resumed.get("score").asText());
            assertThat(second.getJson("api/v1/plans/" + solving + "/explanation").get("score").asText())
                    .isEqualTo(resumed.get("score").asText());
            HttpResponse<String> csv = second.send(HttpRequest.newBuilder(
                    second.base.resolve("api/v1/plans/" + solving + "/plan")).header("Accept", "text/csv"));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("vehicle,trip,stop,hospital,supply,quantity");
        }
    }
}
