// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.service.JobSolver;
import org.medsupply.service.OptaPlannerJobSolver;

/**
 * Solves whose behaviour the test scripts through the job service's solver hook, chosen by the
 * problem's name: failures (an exception, an {@link Error}, an error after a first plan) and a solve
 * that waits for the test before it starts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SolverHookApiTest {

    private static final CountDownLatch GATE = new CountDownLatch(1);
    private static TestServer server;

    /** Real solving, except for the scripted problem names. */
    private static DispatchSolution scripted(JobSolver.SolveRequest request) throws Exception {
        JobSolver real = new OptaPlannerJobSolver();
        return switch (request.problem().getName()) {
            case "boom" -> throw new IllegalStateException("injected failure in /secret/path/Solver.java");
            case "error" -> throw new StackOverflowError("injected");
            case "late error" -> {
                real.solve(request);
                throw new OutOfMemoryError("injected after a plan");
            }
            case "gated" -> {
                GATE.await();
                yield real.solve(request);
            }
            default -> real.solve(request);
        };
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().parallelSolvers(2).maxQueuedJobs(4).build(),
                SolverHookApiTest::scripted);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFailingSolveEndsOnlyItsOwnJobFailed() {
        String good = server.submit(named("fine"), "?timeLimit=PT1S");
        String boom = server.submit(named("boom"), "?timeLimit=PT1S");
        String error = server.submit(named("error"), "?timeLimit=PT1S");
        String late = server.submit(named("late error"), "?timeLimit=PT1S");

        for (String failed : List.of(boom, error, late)) {
            JsonNode job = server.awaitFinal(failed);
            assertThat(job.get("status").asText()).isEqualTo("FAILED");
            assertThat(job.at("/error/type").asText()).isEqualTo("urn:medsupply:problem:solver-failed");
            assertThat(job.at("/error/status").asInt()).isEqualTo(500);
            assertThat(job.toString()).doesNotContain("Exception", "Error\"", "secret", ".java", "injected");
        }
        assertThat(server.awaitFinal(good).get("status").asText()).isEqualTo("DONE");
        assertThat(server.get("/api/v1/plans/" + boom + "/plan").statusCode()).isEqualTo(409);
        assertThat(server.get("/api/v1/plans/" + late + "/plan").statusCode()).isEqualTo(200);
    }

    @Test
    void eventStreamSendsStatusThenBestPlansThenTheFinalStatus() {
        String id = server.submit(named("gated"), "?timeLimit=PT1S");
        HttpResponse<Stream<String>> stream = server.streamLines("/api/v1/plans/" + id + "/events");
        List<String> names = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        stream.body().forEach(line -> {
            if (line.startsWith("event: ")) {
                names.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(TestServer.json(line.substring(6)));
                GATE.countDown();
            }
        });
        assertThat(names.get(0)).isEqualTo("status");
        assertThat(names).contains("best");
        assertThat(names.get(names.size() - 1)).isEqualTo("status");
        JsonNode firstBest = data.get(names.indexOf("best"));
        assertThat(firstBest.get("score").asText()).contains("hard");
        assertThat(data.get(data.size() - 1).get("status").asText()).isEqualTo("DONE");
    }

    private static String named(String name) {
        return ((ObjectNode) TestServer.json(TestServer.tinyProblem("round-trip"))).put("name", name).toString();
    }
}
