// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** More submissions than solvers plus queue: the excess gets 503 with Retry-After, the rest complete. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdmissionApiTest {

    @Test
    void overCapacitySubmissionsAreRefusedAndAcceptedOnesComplete() {
        try (TestServer server = TestServer.start(TestServer.config().parallelSolvers(1).maxQueuedJobs(1).build())) {
            String problem = TestServer.tinyProblem("round-trip");
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(server.client.sendAsync(HttpRequest.newBuilder(server.uri("/api/v1/plans?timeLimit=PT2S"))
                        .header("Content-Type", TestServer.JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(problem, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<String> accepted = new ArrayList<>();
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> future : sent) {
                HttpResponse<String> response = future.join();
                if (response.statusCode() == 202) {
                    accepted.add(TestServer.json(response).get("id").asText());
                } else {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).as("the 2 s solve's time left, rounded up")
                            .hasValueSatisfying(seconds -> assertThat(seconds).isIn("1", "2"));
                    assertThat(TestServer.contentType(response)).startsWith(TestServer.PROBLEM_JSON);
                    assertThat(TestServer.json(response).get("type").asText()).endsWith(":overloaded");
                    refused++;
                }
            }
            assertThat(accepted).hasSizeBetween(1, 2);
            assertThat(refused).isEqualTo(6 - accepted.size());

            JsonNode health = TestServer.json(server.get("/health"));
            assertThat(health.get("solverSlots").asInt()).isEqualTo(1);
            assertThat(health.get("queueCapacity").asInt()).isEqualTo(1);
            for (String id : accepted) {
                assertThat(server.awaitFinal(id).get("status").asText()).isEqualTo("DONE");
            }
            assertThat(server.post("/api/v1/plans?timeLimit=PT1S", problem).statusCode()).isEqualTo(202);
        }
    }
}
