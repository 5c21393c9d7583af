// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.service.OptaPlannerJobSolver;

/**
 * Changes to a job's problem over real HTTP while it solves (JSON Patch on {@code /changes}): one test per
 * kind of change, each final plan checked by the project's checker against {@code /problem}; revisions,
 * {@code If-Match}, refused patches, final jobs, the SSE {@code change} event, and a restart. Then re-plans of
 * an ended job ({@code /replan}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProblemChangesApiTest {

    /** Long enough that a job is still solving when changed; tests stop it once it answered the change. */
    private static final String SOLVING = "?timeLimit=PT60S&seed=3";

    private static TestServer server;
    private static String demo;
    private static String solved;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().build());
        demo = TestServer.demoProblem();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void newDemandIsAnsweredByThePlan() {
        JsonNode problem = changeWhileSolving("""
                [{"op": "add", "path": "/hospitals/2/demands/-",
                  "value": {"supply": "ventilator", "quantity": 3, "priority": "critical"}}]""");
        assertThat(problem.at("/hospitals/2/demands").size()).isEqualTo(
                TestServer.json(demo).at("/hospitals/2/demands").size() + 1);
    }

    @Test
    void aStockCountLimitsWhatLeavesTheWarehouse() {
        JsonNode plan = planOf(changeWhileSolvingReturningId("""
                [{"op": "test", "path": "/warehouses/0/id", "value": "wh-gerland"},
                 {"op": "replace", "path": "/warehouses/0/stock/n95", "value": 40}]"""));
        long n95Loaded = 0;
        for (JsonNode route : plan.get("routes")) {
            if (route.get("warehouse").asText().equals("wh-gerland")) {
                for (JsonNode trip : route.get("trips")) {
                    n95Loaded += trip.at("/load/n95").asLong(0);
                }
            }
        }
        assertThat(n95Loaded).isLessThanOrEqualTo(40);
    }

    @Test
    void aVehicleTakenOutOfServiceHasNoRoute() {
        JsonNode plan = planOf(changeWhileSolvingReturningId("""
                [{"op": "test", "path": "/vehicles/0/id", "value": "van-g1"},
                 {"op": "remove", "path": "/vehicles/0"}]"""));
        assertThat(plan.get("routes")).noneMatch(route -> route.get("vehicle").asText().equals("van-g1"));
    }

    @Test
    void aNarrowerWindowIsKept() {
        JsonNode plan = planOf(changeWhileSolvingReturningId("""
                [{"op": "add", "path": "/hospitals/1/window",
                  "value": {"from": "2026-03-02T12:00:00+01:00", "to": "2026-03-02T13:00:00+01:00"}}]"""));
        String hospital = TestServer.json(demo).at("/hospitals/1/id").asText();
        for (JsonNode route : plan.get("routes")) {
            for (JsonNode trip : route.get("trips")) {
                for (JsonNode stop : trip.get("stops")) {
                    if (stop.get("hospital").asText().equals(hospital)) {
                        assertThat(stop.get("start").asText()).isBetween("2026-03-02T12:00", "2026-03-02T13:00:00");
                    }
                }
            }
        }
    }

    @Test
    void anAddedHospitalIsServedOrListedAsUnmet() {
        String id = changeWhileSolvingReturningId("""
                [{"op": "add", "path": "/hospitals/-",
                  "value": {"id": "h-field", "name": "Field hospital", "lat": 45.76, "lon": 4.85,
                            "demands": [{"supply": "n95", "quantity": 120, "priority": "critical"}]}}]""");
        JsonNode plan = planOf(id);
        long delivered = 0;
        for (JsonNode route : plan.get("routes")) {
            for (JsonNode trip : route.get("trips")) {
                for (JsonNode stop : trip.get("stops")) {
                    if (stop.get("hospital").asText().equals("h-field")) {
                        delivered += stop.at("/deliver/n95").asLong(0);
                    }
                }
            }
        }
        long unmet = 0;
        for (JsonNode line : plan.get("unmet")) {
            if (line.get("hospital").asText().equals("h-field")) {
                unmet += line.get("quantity").asLong();
            }
        }
        assertThat(delivered + unmet).isEqualTo(120);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String id = server.submit(demo, SOLVING);
        HttpResponse<String> first = server.change(id, TIGHTER_STOCK, "\"0\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = server.change(id, TIGHTER_STOCK, "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(TestServer.contentType(stale)).startsWith(TestServer.PROBLEM_JSON);
        assertThat(TestServer.json(stale).get("type").asText()).isEqualTo("urn:medsupply:problem:stale-revision");
        assertThat(server.change(id, TIGHTER_STOCK, "W/\"1\"").statusCode()).as("weak tags never match").isEqualTo(412);
        assertThat(server.change(id, TIGHTER_STOCK, "\"7\", \"1\"").statusCode()).isEqualTo(202);
        assertThat(revisionOf(id)).isEqualTo(2);
        server.delete("/api/v1/plans/" + id);
    }

    @Test
    void aBadPatchIsRefusedWhole() {
        String id = server.submit(demo, SOLVING);
        HttpResponse<String> failedTest = server.change(id, """
                [{"op": "replace", "path": "/warehouses/0/stock/n95", "value": 1},
                 {"op": "test", "path": "/vehicles/0/id", "value": "van-zz"},
                 {"op": "remove", "path": "/vehicles/0"}]""", null);
        assertThat(failedTest.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(failedTest).at("/errors/0/pointer").asText()).isEqualTo("/1");

        HttpResponse<String> brokenRule = server.change(id, """
                [{"op": "replace", "path": "/warehouses/0/stock/n95", "value": 1},
                 {"op": "replace", "path": "/hospitals/0/demands/0/quantity", "value": -3}]""", null);
        assertThat(brokenRule.statusCode()).isEqualTo(400);
        JsonNode error = TestServer.json(brokenRule).at("/errors/0");
        assertThat(error.get("pointer").asText()).isEqualTo("/hospitals/0/demands/0/quantity");
        assertThat(error.get("detail").asText()).contains("/1");

        assertThat(server.change(id, "{\"op\": \"remove\"}", null).statusCode()).as("not an array").isEqualTo(400);
        assertThat(server.change(id, "[{", null).statusCode()).as("not JSON").isEqualTo(400);

        HttpResponse<String> problem = server.get("/api/v1/plans/" + id + "/problem");
        assertThat(problem.headers().firstValue("ETag")).as("nothing applied").hasValue("\"0\"");
        assertThat(TestServer.json(problem).at("/warehouses/0/stock/n95").asLong())
                .isEqualTo(TestServer.json(demo).at("/warehouses/0/stock/n95").asLong());
        assertThat(revisionOf(id)).isZero();
        server.delete("/api/v1/plans/" + id);
    }

    @Test
    void aFinalJobTakesNoChange() {
        String id = server.submit(TestServer.tinyProblem("round-trip"), "?timeLimit=PT1S");
        server.awaitFinal(id);
        HttpResponse<String> refused = server.change(id, "[]", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(refused).get("type").asText()).isEqualTo("urn:medsupply:problem:job-ended");
        assertThat(server.change("00000000-0000-0000-0000-000000000000", "[]", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aQueuedJobSimplySolvesTheChangedProblem() throws Exception {
        try (TestServer one = TestServer.start(TestServer.config().parallelSolvers(1).build())) {
            String busy = one.submit(demo, SOLVING);
            String queued = one.submit(TestServer.tinyProblem("round-trip"), "?timeLimit=PT1S");
            assertThat(TestServer.json(one.get("/api/v1/plans/" + queued)).get("status").asText()).isEqualTo("QUEUED");
            HttpResponse<String> changed = one.change(queued, """
                    [{"op": "replace", "path": "/hospitals/0/demands/0/quantity", "value": 2}]""", "\"0\"");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
            one.delete("/api/v1/plans/" + busy);
            one.awaitFinal(queued);
            JsonNode plan = TestServer.json(one.get("/api/v1/plans/" + queued + "/plan"));
            assertThat(plan.get("problemRevision").asLong()).isEqualTo(1);
            TestServer.assertPlanChecks(TestServer.json(one.get("/api/v1/plans/" + queued + "/problem")), plan);
        }
    }

    @Test
    void theEventStreamSendsTheChangeThenPlansOfTheNewRevision() {
        String id = server.submit(demo, SOLVING);
        HttpResponse<Stream<String>> stream = server.streamLines("/api/v1/plans/" + id + "/events");
        Iterator<String> lines = stream.body().iterator();
        awaitEvent(lines, "best", job -> true);
        assertThat(server.change(id, TIGHTER_STOCK, null).statusCode()).isEqualTo(202);
        JsonNode change = awaitEvent(lines, "change", job -> true);
        assertThat(change.get("problemRevision").asLong()).isEqualTo(1);
        awaitEvent(lines, "best", job -> job.get("problemRevision").asLong() == 1);
        server.delete("/api/v1/plans/" + id);
        awaitEvent(lines, "status", job -> job.get("status").asText().equals("CANCELLED"));
    }

    @Test
    void theRevisionSurvivesARestart(@TempDir Path data) {
        String id;
        try (TestServer first = TestServer.start(TestServer.config().build(), new OptaPlannerJobSolver(), data, null)) {
            id = first.submit(demo, SOLVING);
            first.awaitStatus(id, job -> job.has("score"));
            assertThat(first.change(id, TIGHTER_STOCK, null).statusCode()).isEqualTo(202);
            first.awaitStatus(id, job -> job.has("score"));
        }
        try (TestServer second = TestServer.start(TestServer.config().build(), new OptaPlannerJobSolver(), data,
                null)) {
            HttpResponse<String> problem = second.get("/api/v1/plans/" + id + "/problem");
            assertThat(problem.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(TestServer.json(problem).at("/warehouses/0/stock/n95").asLong()).isEqualTo(40);
            JsonNode job = TestServer.json(second.get("/api/v1/plans/" + id));
            assertThat(job.get("problemRevision").asLong()).isEqualTo(1);
            assertThat(job.get("restarts").asInt()).isEqualTo(1);
            awaitPlanOfRevision(second, id, 1);
            second.delete("/api/v1/plans/" + id);
            second.awaitFinal(id);
            JsonNode plan = TestServer.json(second.get("/api/v1/plans/" + id + "/plan"));
            assertThat(plan.get("problemRevision").asLong()).isEqualTo(1);
            TestServer.assertPlanChecks(TestServer.json(problem), plan);
        }
    }

    private static final String AT = "2026-03-02T11:00:00+01:00";

    @Test
    void aReplanIsANewJobWhoseParentIsThePlanItReplans() {
        String parent = solved();
        HttpResponse<String> replanned = server.post("/api/v1/plans/" + parent + "/replan?timeLimit=PT3S&seed=5", """
                {"at": "%s",
                 "patch": [{"op": "add", "path": "/hospitals/0/demands/-",
                            "value": {"supply": "ventilator", "quantity": 2, "priority": "critical"}}]}"""
                .formatted(AT));
        assertThat(replanned.statusCode()).as(replanned.body()).isEqualTo(202);
        JsonNode job = TestServer.json(replanned);
        String id = job.get("id").asText();
        assertThat(id).isNotEqualTo(parent);
        assertThat(replanned.headers().firstValue("Location")).hasValue("/api/v1/plans/" + id);
        assertThat(job.get("parent").asText()).isEqualTo(parent);
        assertThat(job.get("problemRevision").asLong()).isZero();

        JsonNode problem = TestServer.json(server.get("/api/v1/plans/" + id + "/problem"));
        assertThat(problem.get("now").asText()).isEqualTo(AT);
        assertThat(problem.get("committed")).as("trips that left before 11:00").isNotEmpty();
        assertThat(problem.get("reference")).as("the plan's later trips").isNotEmpty();
        JsonNode before = TestServer.json(server.get("/api/v1/plans/" + parent + "/problem"));
        assertThat(problem.at("/hospitals/0/demands").size()).isEqualTo(before.at("/hospitals/0/demands").size() + 1);

        assertThat(server.awaitFinal(id).get("status").asText()).isEqualTo("DONE");
        JsonNode plan = TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
        TestServer.assertPlanChecks(problem, plan);
        assertThat(plan.at("/kpis/changedUnits").isIntegralNumber()).isTrue();
        assertThat(TestServer.json(server.get("/api/v1/plans/" + parent)).has("parent")).isFalse();
    }

    @Test
    void aBadReplanRequestIsRefusedWithWhereItIsWrong() {
        HttpResponse<String> noTime = server.post("/api/v1/plans/" + solved() + "/replan", "{\"when\": \"noon\"}");
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(noTime).get("errors").findValuesAsText("pointer")).containsExactly("/when", "/at");

        HttpResponse<String> badTime = server.post("/api/v1/plans/" + solved() + "/replan", "{\"at\": \"noon\"}");
        assertThat(badTime.statusCode()).isEqualTo(400);

        HttpResponse<String> badPatch = server.post("/api/v1/plans/" + solved() + "/replan",
                "{\"at\": \"" + AT + "\", \"patch\": [{\"op\": \"remove\", \"path\": \"/vehicles/99\"}]}");
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(badPatch).at("/errors/0/pointer").asText()).isEqualTo("/0");

        assertThat(server.post("/api/v1/plans/00000000-0000-0000-0000-000000000000/replan",
                "{\"at\": \"" + AT + "\"}").statusCode()).isEqualTo(404);
    }

    /** A job that solved the demo problem, to re-plan. */
    private static String solved() {
        if (solved == null) {
            solved = server.submit(demo, "?timeLimit=PT3S&seed=5");
            assertThat(server.awaitFinal(solved).get("status").asText()).isEqualTo("DONE");
        }
        return solved;
    }

    private static final String TIGHTER_STOCK = """
            [{"op": "replace", "path": "/warehouses/0/stock/n95", "value": 40}]""";

    /** Changes the demo problem while a job solves it; returns the final problem, its plan checked against it. */
    private static JsonNode changeWhileSolving(String patch) {
        return problemOf(changeWhileSolvingReturningId(patch));
    }

    /**
     * Submits the demo problem, changes it once the job has a plan, waits for a feasible plan of the changed
     * problem, stops the job and checks its final plan against {@code /problem}; returns the job's id.
     */
    private static String changeWhileSolvingReturningId(String patch) {
        String id = server.submit(demo, SOLVING);
        server.awaitStatus(id, job -> job.has("score"));
        HttpResponse<String> changed = server.change(id, patch, "\"0\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
        assertThat(TestServer.json(changed).get("problemRevision").asLong()).isEqualTo(1);
        awaitPlanOfRevision(server, id, 1);
        server.delete("/api/v1/plans/" + id);
        assertThat(server.awaitFinal(id).get("status").asText()).isEqualTo("CANCELLED");
        JsonNode plan = planOf(id);
        assertThat(plan.get("problemRevision").asLong()).isEqualTo(1);
        TestServer.assertPlanChecks(problemOf(id), plan);
        return id;
    }

    /** Waits until the job's best plan answers revision {@code revision} and breaks no hard rule. */
    private static void awaitPlanOfRevision(TestServer on, String id, long revision) {
        on.awaitStatus(id, job -> {
            JsonNode plan = TestServer.json(on.get("/api/v1/plans/" + id + "/plan"));
            return plan.path("problemRevision").asLong(-1) == revision && plan.path("feasible").asBoolean();
        });
    }

    private static JsonNode planOf(String id) {
        return TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
    }

    private static JsonNode problemOf(String id) {
        HttpResponse<String> problem = server.get("/api/v1/plans/" + id + "/problem");
        assertThat(problem.statusCode()).isEqualTo(200);
        assertThat(problem.headers().firstValue("ETag")).hasValue("\"" + revisionOf(id) + "\"");
        return TestServer.json(problem);
    }

    private static long revisionOf(String id) {
        return TestServer.json(server.get("/api/v1/plans/" + id)).get("problemRevision").asLong();
    }

    /** Reads events until one named {@code name} whose job satisfies {@code wanted}; returns that job. */
    private static JsonNode awaitEvent(Iterator<String> lines, String name, Predicate<JsonNode> wanted) {
        String event = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && name.equals(event)) {
                JsonNode job = TestServer.json(line.substring("data:".length()).strip());
                if (wanted.test(job)) {
                    return job;
                }
            }
        }
        throw new AssertionError("the stream ended before a " + name + " event");
    }
}
