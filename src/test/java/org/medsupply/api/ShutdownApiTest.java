// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.service.JobStatus;

/** Stopping cancels running jobs with their best plan kept, turns health to 503 and refuses new jobs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownApiTest {

    @Test
    void stoppingKeepsBestPlansAndRefusesNewWork() throws Exception {
        TestServer server = TestServer.start(TestServer.config().build());
        try {
            String problem = TestServer.tinyProblem("round-trip");
            String id = server.submit(problem, "?timeLimit=PT2M");
            server.awaitStatus(id, job -> job.has("score"));

            server.running.jobs().shutdown();

            HttpResponse<String> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(health).get("status").asText()).isEqualTo("SHUTTING_DOWN");
            HttpResponse<String> refused = server.post("/api/v1/plans", problem);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.running.jobs().get(id).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(server.get("/api/v1/plans/" + id + "/plan").statusCode()).isEqualTo(200);
        } finally {
            server.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.isAlive() && thread.getName().startsWith("medsupply-solver-"));
    }
}
