// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.service.OptaPlannerJobSolver;

/**
 * API keys on the real server: the table of no key, wrong key, wrong role, another owner and admin;
 * the session cookie for the web page; {@code Idempotency-Key}; and logs free of keys, bodies and
 * hospital names throughout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthApiTest {

    /** A hospital name that must never reach a log. */
    private static final String HOSPITAL = "Clinique Zebra-4711";

    @TempDir
    static Path folder;

    private static TestServer server;
    private static String alice;
    private static String aliceReader;
    private static String bob;
    private static String admin;
    private static String problem;
    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static PrintStream originalErr;

    @BeforeAll
    static void start() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(LOGS, true, StandardCharsets.UTF_8));
        Path keyFile = folder.resolve("keys");
        alice = ApiKeys.add(keyFile, "alice", ApiKeys.Role.SUBMIT);
        aliceReader = ApiKeys.add(keyFile, "alice", ApiKeys.Role.READ);
        bob = ApiKeys.add(keyFile, "bob", ApiKeys.Role.SUBMIT);
        admin = ApiKeys.add(keyFile, "ops", ApiKeys.Role.ADMIN);
        problem = TestServer.tinyProblem("round-trip").replace("\"H1\"", "\"" + HOSPITAL + "\"");
        assertThat(problem).contains(HOSPITAL);
        server = TestServer.start(TestServer.config().maxQueuedJobs(20).build(), request -> {
            if (request.problem().getName().contains("boom")) {
                throw new IllegalStateException("injected failure");
            }
            return new OptaPlannerJobSolver().solve(request);
        }, folder.resolve("data"), ApiKeys.read(keyFile));
    }

    @AfterAll
    static void stop() {
        server.close();
        System.setErr(originalErr);
        String logs = LOGS.toString(StandardCharsets.UTF_8);
        originalErr.print(logs);
        assertThat(logs).as("something was logged, so the check below means something").contains("injected failure");
        assertThat(logs).doesNotContain(alice, aliceReader, bob, admin, HOSPITAL, "Zebra");
    }

    private static HttpResponse<String> as(String key, HttpRequest.Builder request) {
        return server.send(key == null ? request : request.header("Authorization", "Bearer " + key));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).header("Accept", TestServer.JSON);
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", TestServer.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static String submitAs(String key, String body) {
        HttpResponse<String> response = as(key, post("/api/v1/plans?timeLimit=PT1S", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return TestServer.json(response).get("id").asText();
    }

    @Test
    void theKeyTable() {
        String job = submitAs(alice, problem);
        String jobPath = "/api/v1/plans/" + job;

        HttpResponse<String> none = as(null, get(jobPath));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(TestServer.contentType(none)).startsWith(TestServer.PROBLEM_JSON);
        assertThat(as("msk_wrong", get(jobPath)).statusCode()).isEqualTo(401);
        assertThat(server.send(get(jobPath).header("Authorization", "Basic " + alice)).statusCode()).isEqualTo(401);
        assertThat(as(null, post("/api/v1/plans", problem)).statusCode()).isEqualTo(401);
        assertThat(as(null, get("/api/v1/openapi.json")).statusCode()).isEqualTo(401);
        assertThat(as(null, get("/health")).statusCode()).as("health stays open").isEqualTo(200);

        HttpResponse<String> readerSubmits = as(aliceReader, post("/api/v1/plans", problem));
        assertThat(readerSubmits.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(readerSubmits).get("type").asText()).isEqualTo("urn:medsupply:problem:forbidden");
        assertThat(as(aliceReader, HttpRequest.newBuilder(server.uri(jobPath)).DELETE()).statusCode()).isEqualTo(403);
        assertThat(as(aliceReader, get(jobPath)).statusCode()).as("same owner, read role").isEqualTo(200);
        assertThat(as(aliceReader, post("/api/v1/problems/validate", problem)).statusCode()).isEqualTo(200);

        JsonNode own = TestServer.json(as(alice, get(jobPath)));
        assertThat(own.get("owner").asText()).isEqualTo("alice");
        for (String path : List.of(jobPath, jobPath + "/plan", jobPath + "/explanation", jobPath + "/events")) {
            HttpResponse<String> other = as(bob, get(path).setHeader("Accept", "*/*"));
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(TestServer.json(other).get("type").asText()).isEqualTo("urn:medsupply:problem:job-not-found");
        }
        assertThat(as(bob, HttpRequest.newBuilder(server.uri(jobPath)).DELETE()).statusCode()).isEqualTo(404);
        String bobs = submitAs(bob, problem);
        assertThat(ids(as(bob, get("/api/v1/plans")))).contains(bobs).doesNotContain(job);
        assertThat(ids(as(alice, get("/api/v1/plans")))).contains(job).doesNotContain(bobs);

        assertThat(as(admin, get(jobPath)).statusCode()).isEqualTo(200);
        assertThat(ids(as(admin, get("/api/v1/plans")))).contains(job, bobs);
        assertThat(as(admin, HttpRequest.newBuilder(server.uri("/api/v1/plans/" + bobs)).DELETE()).statusCode())
                .isIn(200, 202);
    }

    @Test
    void theProblemItsChangesAndReplansBelongToTheJobsOwner() {
        String job = submitAs(alice, problem);
        String path = "/api/v1/plans/" + job;
        Supplier<HttpRequest.Builder> change = () -> HttpRequest.newBuilder(server.uri(path + "/changes"))
                .header("Content-Type", PlansResource.JSON_PATCH).POST(HttpRequest.BodyPublishers.ofString("[]"));

        assertThat(as(null, get(path + "/problem")).statusCode()).isEqualTo(401);
        assertThat(as(bob, get(path + "/problem")).statusCode()).as("another owner").isEqualTo(404);
        assertThat(as(bob, change.get()).statusCode()).isEqualTo(404);
        assertThat(as(aliceReader, change.get()).statusCode()).as("read role").isEqualTo(403);
        assertThat(as(aliceReader, get(path + "/problem")).statusCode()).isEqualTo(200);
        assertThat(as(admin, get(path + "/problem")).statusCode()).isEqualTo(200);
        assertThat(as(alice, change.get()).statusCode()).as("applied, or the job ended first").isIn(202, 409);

        String replan = "{\"at\": \"2026-02-01T09:00:00+08:00\"}";
        assertThat(as(bob, post(path + "/replan", replan)).statusCode()).isEqualTo(404);
        assertThat(as(aliceReader, post(path + "/replan", replan)).statusCode()).isEqualTo(403);
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        TestServer.json(page).get("jobs").forEach(job -> ids.add(job.get("id").asText()));
        return ids;
    }

    @Test
    void aSessionCookieStandsInForTheKeyOnEventStreams() {
        String job = submitAs(alice, problem);
        HttpResponse<String> opened = as(alice, post("/api/v1/session", "{}"));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(opened).get("owner").asText()).isEqualTo("alice");
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/api/v1")
                .doesNotContain(alice);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<Stream<String>> events = sendLines(HttpRequest.newBuilder(server.uri("/api/v1/plans/" + job + "/events"))
                .header("Accept", "text/event-stream").header("Cookie", cookie));
        assertThat(events.statusCode()).as(() -> String.join("\n", events.body().toList())).isEqualTo(200);
        Iterator<String> lines = events.body().iterator();
        assertThat(lines.next()).startsWith("event:");
        events.body().close();

        HttpResponse<String> forged = server.send(get("/api/v1/plans/" + job).header("Cookie", "medsupply_session=forged"));
        assertThat(forged.statusCode()).isEqualTo(401);

        HttpResponse<String> closed = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Cookie", cookie).DELETE());
        assertThat(closed.statusCode()).isEqualTo(204);
        assertThat(server.send(get("/api/v1/plans/" + job).header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<Stream<String>> sendLines(HttpRequest.Builder request) {
        try {
            return server.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIdempotencyKeyAnswersARetryWithTheFirstJob() {
        HttpResponse<String> first = as(alice, post("/api/v1/plans?timeLimit=PT1S", problem)
                .header("Idempotency-Key", "order-42"));
        HttpResponse<String> retry = as(alice, post("/api/v1/plans?timeLimit=PT1S", problem)
                .header("Idempotency-Key", "order-42"));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(TestServer.json(retry).get("id")).isEqualTo(TestServer.json(first).get("id"));
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));

        HttpResponse<String> otherBody = as(alice, post("/api/v1/plans?timeLimit=PT2S", problem)
                .header("Idempotency-Key", "order-42"));
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(TestServer.json(otherBody).get("type").asText())
                .isEqualTo("urn:medsupply:problem:idempotency-key-reused");
        HttpResponse<String> bobsOwn = as(bob, post("/api/v1/plans?timeLimit=PT1S", problem)
                .header("Idempotency-Key", "order-42"));
        assertThat(TestServer.json(bobsOwn).get("id")).isNotEqualTo(TestServer.json(first).get("id"));
        HttpResponse<String> badKey = as(alice, post("/api/v1/plans", problem).header("Idempotency-Key", "a b"));
        assertThat(badKey.statusCode()).isEqualTo(400);
    }

    @Test
    void badInputAndFailuresLogNeitherBodiesNorNames() {
        assertThat(as(alice, post("/api/v1/plans", problem.replace("\"name\"", "\"Zebra-field\""))).statusCode())
                .isEqualTo(400);
        String failing = submitAs(alice, problem.replaceFirst("\"name\": *\"[^\"]*\"", "\"name\": \"boom\""));
        JsonNode job;
        do {
            job = TestServer.json(as(alice, get("/api/v1/plans/" + failing)));
        } while (job.get("status").asText().matches("QUEUED|SOLVING"));
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
    }
}
