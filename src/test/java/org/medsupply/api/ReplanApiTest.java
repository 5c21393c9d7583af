// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.check.CheckReport;
import org.medsupply.check.PlanChecker;
import org.medsupply.io.ProblemReader;

/** {@code POST /plans/{id}/replan} on the real server: a new job re-planning a plan under way. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplanApiTest {

    private static final String AT = "2026-03-02T11:00:00+01:00";

    private static TestServer server;
    private static String solved;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.config().build());
        solved = server.submit(Files.readString(Path.of("problems/demo-city-outbreak.json")), "?timeLimit=PT3S&seed=5");
        assertThat(server.awaitFinal(solved).get("status").asText()).isEqualTo("DONE");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReplanIsANewJobWhoseParentIsThePlanItReplans() throws Exception {
        HttpResponse<String> replanned = server.post("/api/v1/plans/" + solved + "/replan?timeLimit=PT3S&seed=5", """
                {"at": "%s",
                 "patch": [{"op": "add", "path": "/hospitals/0/demands/-",
                            "value": {"supply": "ventilator", "quantity": 2, "priority": "critical"}}]}"""
                .formatted(AT));
        assertThat(replanned.statusCode()).as(replanned.body()).isEqualTo(202);
        JsonNode job = TestServer.json(replanned);
        String id = job.get("id").asText();
        assertThat(id).isNotEqualTo(solved);
        assertThat(replanned.headers().firstValue("Location")).hasValue("/api/v1/plans/" + id);
        assertThat(job.get("parent").asText()).isEqualTo(solved);
        assertThat(job.get("problemRevision").asLong()).isZero();

        JsonNode problem = TestServer.json(server.get("/api/v1/plans/" + id + "/problem"));
        assertThat(problem.get("now").asText()).isEqualTo(AT);
        assertThat(problem.get("committed")).as("trips that left before 11:00").isNotEmpty();
        assertThat(problem.get("reference")).as("the plan's later trips").isNotEmpty();
        assertThat(problem.at("/hospitals/0/demands").size()).isEqualTo(
                TestServer.json(server.get("/api/v1/plans/" + solved + "/problem")).at("/hospitals/0/demands").size() + 1);

        assertThat(server.awaitFinal(id).get("status").asText()).isEqualTo("DONE");
        JsonNode plan = TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
        CheckReport report = PlanChecker.check(ProblemReader.read(problem.toString()),
                PlanChecker.readPlan(plan.toString()));
        assertThat(report.violations()).isEmpty();
        assertThat(plan.at("/kpis/changedUnits").isIntegralNumber()).isTrue();
        assertThat(TestServer.json(server.get("/api/v1/plans/" + solved)).has("parent")).isFalse();
    }

    @Test
    void aBadReplanRequestIsRefusedWithWhereItIsWrong() {
        HttpResponse<String> noTime = server.post("/api/v1/plans/" + solved + "/replan", "{\"when\": \"noon\"}");
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(noTime).get("errors").findValuesAsText("pointer")).containsExactly("/when", "/at");

        HttpResponse<String> badTime = server.post("/api/v1/plans/" + solved + "/replan", "{\"at\": \"noon\"}");
        assertThat(badTime.statusCode()).isEqualTo(400);

        HttpResponse<String> badPatch = server.post("/api/v1/plans/" + solved + "/replan",
                "{\"at\": \"" + AT + "\", \"patch\": [{\"op\": \"remove\", \"path\": \"/vehicles/99\"}]}");
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(badPatch).at("/errors/0/pointer").asText()).isEqualTo("/0");

        assertThat(server.post("/api/v1/plans/00000000-0000-0000-0000-000000000000/replan",
                "{\"at\": \"" + AT + "\"}").statusCode()).isEqualTo(404);
    }
}
