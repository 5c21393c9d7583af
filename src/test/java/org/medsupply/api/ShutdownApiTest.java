// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.service.OptaPlannerJobSolver;

/**
 * Stopping turns health to 503, refuses new jobs and stores running jobs with their best plan; the
 * next start on the same data resumes them from it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ShutdownApiTest {

    @TempDir
    Path data;

    @Test
    void stoppingStoresRunningJobsAndTheNextStartResumesThem() throws Exception {
        String problem = TestServer.tinyProblem("round-trip");
        String id;
        String queued;
        TestServer server = TestServer.start(TestServer.config().parallelSolvers(1).build(),
                new OptaPlannerJobSolver(), data, null);
        try {
            id = server.submit(problem, "?timeLimit=PT2M");
            queued = server.submit(problem, "?timeLimit=PT1S");
            server.awaitStatus(id, job -> job.has("score"));

            server.running.jobs().shutdown();

            HttpResponse<String> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(health).get("status").asText()).isEqualTo("SHUTTING_DOWN");
            HttpResponse<String> refused = server.post("/api/v1/plans", problem);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        } finally {
            server.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.isAlive() && thread.getName().startsWith("medsupply-solver-"));

        try (TestServer restarted = TestServer.start(TestServer.config().parallelSolvers(1).build(),
                new OptaPlannerJobSolver(), data, null)) {
            JsonNode resumed = TestServer.json(restarted.get("/api/v1/plans/" + id));
            assertThat(resumed.get("restarts").asInt()).isEqualTo(1);
            assertThat(resumed.has("score")).as("the checkpoint's plan is there before solving goes on").isTrue();
            restarted.delete("/api/v1/plans/" + id);
            assertThat(restarted.awaitFinal(id).get("status").asText()).isEqualTo("CANCELLED");
            JsonNode next = restarted.awaitFinal(queued);
            assertThat(next.get("status").asText()).isEqualTo("DONE");
            assertThat(next.get("restarts").asInt()).as("it never started before").isZero();
            assertThat(restarted.get("/api/v1/plans/" + id + "/plan").statusCode()).isEqualTo(200);
        }
    }
}
