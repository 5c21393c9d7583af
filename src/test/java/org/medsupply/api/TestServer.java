// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.medsupply.check.CheckReport;
import org.medsupply.check.PlanChecker;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemReader;
import org.medsupply.service.Durability;
import org.medsupply.service.JobService;
import org.medsupply.service.JobSolver;
import org.medsupply.service.OptaPlannerJobSolver;
import org.medsupply.service.ServiceConfig;
import org.medsupply.store.JobStore;
import org.medsupply.store.SqlJobStore;
import org.medsupply.testing.HttpCalls;

/** The real server on a free loopback port, and a JDK HTTP client speaking JSON to it. */
final class TestServer implements AutoCloseable {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The node name of a server on its own SQLite store. */
    static final String NODE = "test-node";

    final Server.Running running;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The database folder this server made for itself and removes when closed; {@code null} if given one. */
    private Path ownedDataDir;

    private TestServer(Server.Running running) {
        this.running = running;
    }

    /** Small limits so limit tests stay cheap: 50 hospitals, 2 solvers, 2 queued. */
    static ServiceConfig.Builder config() {
        return ServiceConfig.builder().maxHospitals(50).parallelSolvers(2).maxQueuedJobs(2)
                .retryAfter(Duration.ofSeconds(2)).shutdownGrace(Duration.ofSeconds(5));
    }

    /** A free port and 256 KiB bodies. */
    static HttpConfig.Builder http() {
        return HttpConfig.builder().port(0).maxBodyBytes(256 * 1024);
    }

    static TestServer start(ServiceConfig config) {
        return start(config, new OptaPlannerJobSolver());
    }

    static TestServer start(ServiceConfig config, JobSolver solver) {
        return start(config, http().build(), WebConfig.defaults(), solver);
    }

    static TestServer start(ServiceConfig config, WebConfig web) {
        return start(config, http().build(), web);
    }

    static TestServer start(ServiceConfig config, HttpConfig http) {
        return start(config, http, WebConfig.defaults());
    }

    static TestServer start(ServiceConfig config, HttpConfig http, WebConfig web) {
        return start(config, http, web, new OptaPlannerJobSolver());
    }

    private static TestServer start(ServiceConfig config, HttpConfig http, WebConfig web, JobSolver solver) {
        Path dataDir = temporaryDataDir();
        TestServer server = start(config, http, web, solver, dataDir, null);
        server.ownedDataDir = dataDir;
        return server;
    }

    /**
     * The server on a SQLite store in {@code dataDir}, checkpointing every 200 ms.
     *
     * @param keys {@code null} for no API keys
     */
    static TestServer start(ServiceConfig config, JobSolver solver, Path dataDir, ApiKeys keys) {
        return start(config, WebConfig.defaults(), solver, dataDir, keys);
    }

    static TestServer start(ServiceConfig config, WebConfig web, JobSolver solver, Path dataDir, ApiKeys keys) {
        return start(config, http().build(), web, solver, dataDir, keys);
    }

    private static TestServer start(ServiceConfig config, HttpConfig http, WebConfig web, JobSolver solver,
            Path dataDir, ApiKeys keys) {
        SqlJobStore store;
        try {
            store = SqlJobStore.sqlite(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(config, http, web, solver, store, new Durability(NODE, Duration.ofMillis(200)), keys);
    }

    /** The server on a given store, e.g. a PostgreSQL database it shares with other servers. */
    static TestServer start(ServiceConfig config, JobSolver solver, JobStore store, Durability durability) {
        return start(config, http().build(), WebConfig.defaults(), solver, store, durability, null);
    }

    private static TestServer start(ServiceConfig config, HttpConfig http, WebConfig web, JobSolver solver,
            JobStore store, Durability durability, ApiKeys keys) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JobService jobs = new JobService(config, store, durability, solver, registry, Clock.systemUTC());
        return new TestServer(Server.start(jobs, http, web, registry, keys));
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("medsupply-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tinyProblem(String name) {
        try {
            return Files.readString(Path.of("problems/tiny", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String demoProblem() {
        try {
            return Files.readString(Path.of("problems/demo-city-outbreak.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the project's checker finds the plan right for the problem. */
    static void assertPlanChecks(JsonNode problem, JsonNode plan) {
        CheckReport report;
        try {
            report = PlanChecker.check(ProblemReader.read(problem.toString()), PlanChecker.readPlan(plan.toString()));
        } catch (InvalidInputException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
        if (!report.violations().isEmpty()) {
            throw new AssertionError("the checker found " + report.violations());
        }
    }

    URI uri(String path) {
        return running.uri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String path) {
        return get(path, JSON);
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    /** A binary response, such as a workbook. */
    HttpResponse<byte[]> getBytes(String path, String accept) {
        return HttpCalls.send(client, HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Posts a JSON Patch to a job's {@code /changes}, with {@code If-Match} unless {@code ifMatch} is null. */
    HttpResponse<String> change(String id, String patchJson, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/plans/" + id + "/changes"))
                .header("Content-Type", PlansResource.JSON_PATCH)
                .POST(HttpRequest.BodyPublishers.ofString(patchJson, StandardCharsets.UTF_8));
        return send(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Opens a text/event-stream response and hands over its lines as they arrive. */
    HttpResponse<Stream<String>> streamLines(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpCalls.send(client, request);
    }

    /** Submits a problem and returns the job's id. */
    String submit(String problemJson, String query) {
        HttpResponse<String> response = post("/api/v1/plans" + query, problemJson);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asText();
    }

    /** Polls the job until its status satisfies the wanted one (tests bound the wait with @Timeout). */
    JsonNode awaitStatus(String id, Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode job = json(get("/api/v1/plans/" + id));
            if (wanted.test(job)) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    JsonNode awaitFinal(String id) {
        return awaitStatus(id, job -> switch (job.get("status").asText()) {
            case "DONE", "FAILED", "CANCELLED" -> true;
            default -> false;
        });
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Override
    public void close() {
        running.stop();
        if (ownedDataDir != null) {
            try (Stream<Path> files = Files.walk(ownedDataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
