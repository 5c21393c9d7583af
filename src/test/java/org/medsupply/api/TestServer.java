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

import org.medsupply.io.Json;
import org.medsupply.service.Durability;
import org.medsupply.service.JobService;
import org.medsupply.service.JobSolver;
import org.medsupply.service.OptaPlannerJobSolver;
import org.medsupply.service.ServiceConfig;
import org.medsupply.store.SqlJobStore;
import org.medsupply.testing.HttpCalls;

/** The real server on a free loopback port, and a JDK HTTP client speaking JSON to it. */
final class TestServer implements AutoCloseable {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    final Server.Running running;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The database folder this server made for itself and removes when closed; {@code null} if given one. */
    private Path ownedDataDir;

    private TestServer(Server.Running running) {
        this.running = running;
    }

    /** Small limits so limit tests stay cheap: 256 KiB bodies, 50 hospitals, 2 solvers, 2 queued. */
    static ServiceConfig.Builder config() {
        return ServiceConfig.builder().port(0).maxBodyBytes(256 * 1024).maxHospitals(50).parallelSolvers(2)
                .maxQueuedJobs(2).retryAfter(Duration.ofSeconds(2)).shutdownGrace(Duration.ofSeconds(5));
    }

    static TestServer start(ServiceConfig config) {
        return start(config, new OptaPlannerJobSolver());
    }

    static TestServer start(ServiceConfig config, JobSolver solver) {
        return start(config, WebConfig.defaults(), solver);
    }

    static TestServer start(ServiceConfig config, WebConfig web) {
        return start(config, web, new OptaPlannerJobSolver());
    }

    private static TestServer start(ServiceConfig config, WebConfig web, JobSolver solver) {
        Path dataDir = temporaryDataDir();
        TestServer server = start(config, web, solver, dataDir, null);
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
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SqlJobStore store;
        try {
            store = SqlJobStore.sqlite(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JobService jobs = new JobService(config, store,
                new Durability("test-node", Duration.ofMillis(200)), solver, registry, Clock.systemUTC());
        return new TestServer(Server.start(jobs, web, registry, keys));
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
