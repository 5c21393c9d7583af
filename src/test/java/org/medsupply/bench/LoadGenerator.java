// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medsupply.io.Json;
import org.medsupply.testing.TestProblems;

/**
 * Open-model load generator for the HTTP service: requests are sent at a constant arrival rate,
 * whatever the responses do, and each latency is measured from the request's <em>intended</em> send
 * time, so a server that stalls shows its queueing delay instead of hiding it (no coordinated
 * omission). Targets servers started separately (loopback only); bounded in count and duration.
 * BASE_URLS is one server's base URL, or several servers sharing one database separated by commas:
 * requests then go to each in turn.
 * <p>
 * Scenarios: {@code status} starts SOLVES (default 2) long solves of a random 60-hospital problem,
 * then reads {@code GET /api/v1/plans/{id}} of one of them at the rate while they run, and cancels
 * them at the end (with SOLVES = 0 it reads a finished job instead);
 * {@code overload} submits {@code problems/tiny/round-trip.json} (1 s solves) at the rate, then waits
 * for every accepted job to end and reads its final status from every server (they must agree).
 * <p>
 * Usage: {@code LoadGenerator BASE_URLS status|overload RATE_PER_S SECONDS [WARMUP_SECONDS [SOLVES]]}
 */
public final class LoadGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long accepted jobs of {@code overload} may take to end after the last submission. */
    private static final Duration FINAL_WAIT = Duration.ofMinutes(3);
    private static final List<String> FINAL_STATUSES = List.of("DONE", "FAILED", "CANCELLED");

    /**
     * One response (or failure) and its latency from the intended send time.
     *
     * @param retryAfter whether the response had a {@code Retry-After} header
     * @param body       the body of a 2xx response, else {@code null}
     */
    private record Outcome(boolean measured, int status, long latencyNanos, String failure, boolean retryAfter,
            String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final List<URI> bases;

    private LoadGenerator(List<URI> bases) {
        this.bases = bases;
    }

    /** The server that the {@code i}-th request goes to. */
    private URI base(int i) {
        return bases.get(i % bases.size());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGenerator BASE_URLS status|overload RATE_PER_S SECONDS [WARMUP_SECONDS [SOLVES]]");
            System.exit(2);
        }
        List<URI> bases = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        for (URI base : bases) {
            if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
                throw new IllegalArgumentException("loopback targets only");
            }
        }
        String scenario = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int solves = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        LoadGenerator generator = new LoadGenerator(bases);
        ObjectNode summary = switch (scenario) {
            case "status" -> generator.statusReads(rate, seconds, warmup, solves);
            case "overload" -> generator.overload(rate, seconds, warmup);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        System.out.println(Json.MAPPER.writeValueAsString(summary));
    }

    private ObjectNode statusReads(double rate, int seconds, int warmup, int solves) throws Exception {
        String problem = solves == 0 ? Files.readString(Path.of("problems/tiny/round-trip.json"))
                : Json.MAPPER.writeValueAsString(TestProblems.random(11, 60, 8));
        List<String> solving = new ArrayList<>();
        for (int i = 0; i < Math.max(1, solves); i++) {
            HttpResponse<String> submitted = client.send(post(base(i), solves == 0 ? "api/v1/plans?timeLimit=PT1S"
                    : "api/v1/plans?timeLimit=PT5M", problem), HttpResponse.BodyHandlers.ofString());
            if (submitted.statusCode() != 202) {
                throw new IllegalStateException("could not start a solve: " + submitted.statusCode());
            }
            solving.add(Json.MAPPER.readTree(submitted.body()).get("id").asText());
        }
        if (solves == 0) {
            Thread.sleep(3_000);
        }
        try {
            String read = "api/v1/plans/" + solving.get(0);
            ObjectNode summary = run(rate, seconds, warmup, i -> HttpRequest.newBuilder(base(i).resolve(read))
                    .timeout(TIMEOUT).header("Accept", "application/json").GET().build());
            summary.put("scenario", "GET /api/v1/plans/{id} while " + solves + " solves run");
            for (String id : solving) {
                summary.withArray("solveStatusAtEnd").add(job(base(0), id).get("status").asText());
            }
            return summary;
        } finally {
            for (String id : solving) {
                client.send(HttpRequest.newBuilder(base(0).resolve("api/v1/plans/" + id)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private ObjectNode overload(double rate, int seconds, int warmup) throws Exception {
        String problem = Files.readString(Path.of("problems/tiny/round-trip.json"));
        List<Outcome> outcomes = new ArrayList<>();
        ObjectNode summary = run(rate, seconds, warmup, i -> post(base(i), "api/v1/plans?timeLimit=PT1S", problem),
                outcomes);
        summary.put("scenario", "POST /api/v1/plans (1 s solves) above capacity");
        List<String> accepted = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.body() != null) {
                accepted.add(Json.MAPPER.readTree(outcome.body()).get("id").asText());
            }
        }
        summary.set("acceptedJobs", finals(accepted));
        return summary;
    }

    /**
     * Waits for every accepted job (warm-up ones too) to end, then reads each from every server: all must
     * give the same final status and node, once and for good.
     */
    private ObjectNode finals(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + FINAL_WAIT.toNanos();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> nodes = new TreeMap<>();
        int notFinal = 0;
        int disagreements = 0;
        for (String id : ids) {
            JsonNode job = job(base(0), id);
            while (!FINAL_STATUSES.contains(job.get("status").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                job = job(base(0), id);
            }
            String status = job.get("status").asText();
            if (!FINAL_STATUSES.contains(status)) {
                notFinal++;
                continue;
            }
            for (URI base : bases) {
                JsonNode again = job(base, id);
                if (!again.get("status").asText().equals(status) || !again.path("node").equals(job.path("node"))) {
                    disagreements++;
                }
            }
            statuses.merge(status, 1, Integer::sum);
            nodes.merge(job.path("node").asText("?"), 1, Integer::sum);
        }
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("count", ids.size());
        summary.putPOJO("finalStatuses", statuses);
        summary.put("notFinalAfterWait", notFinal);
        summary.put("serversDisagreeing", disagreements);
        summary.putPOJO("solvedOn", nodes);
        return summary;
    }

    private JsonNode job(URI base, String id) throws Exception {
        return Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(base.resolve("api/v1/plans/" + id))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpRequest post(URI base, String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private ObjectNode run(double rate, int seconds, int warmup, IntFunction<HttpRequest> request)
            throws InterruptedException {
        return run(rate, seconds, warmup, request, new ArrayList<>());
    }

    /**
     * Sends {@code rate} requests per second for {@code warmup + seconds}; only those intended after
     * the warm-up are measured. Every outcome, warm-up ones too, is added to {@code all}.
     */
    private ObjectNode run(double rate, int seconds, int warmup, IntFunction<HttpRequest> request,
            List<Outcome> all) throws InterruptedException {
        long periodNanos = (long) (1e9 / rate);
        int total = (int) Math.round(rate * (warmup + seconds));
        int warmupCount = (int) Math.round(rate * warmup);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> allSent = new CompletableFuture<>();
        ScheduledFuture<?> ticks = scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // catch up on every request whose intended time has passed: the arrival rate never bends
            while (next.get() < total && start + next.get() * periodNanos <= now) {
                int i = next.getAndIncrement();
                long intended = start + i * periodNanos;
                boolean measured = i >= warmupCount;
                inFlight.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())
                        .handle((response, failure) -> outcomes.add(failure == null
                                ? new Outcome(measured, response.statusCode(), System.nanoTime() - intended, null,
                                        response.headers().firstValue("Retry-After").isPresent(),
                                        response.statusCode() / 100 == 2 ? response.body() : null)
                                : new Outcome(measured, 0, System.nanoTime() - intended, kind(failure), false,
                                        null))));
            }
            if (next.get() >= total) {
                allSent.complete(null);
            }
        }, start - System.nanoTime(), Math.max(1_000_000, periodNanos / 2), TimeUnit.NANOSECONDS);
        allSent.join();
        ticks.cancel(false);
        scheduler.shutdown();
        scheduler.awaitTermination(1, TimeUnit.SECONDS);
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        all.addAll(outcomes);
        return summarize(outcomes, rate, total, warmupCount, elapsedSeconds);
    }

    private static String kind(Throwable failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
    }

    private static ObjectNode summarize(Iterable<Outcome> outcomes, double rate, int total, int warmupCount,
            double elapsedSeconds) {
        List<Long> latencies = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        int measured = 0;
        int errors = 0;
        int retryAfterOn503 = 0;
        for (Outcome outcome : outcomes) {
            if (!outcome.measured()) {
                continue;
            }
            measured++;
            String key = outcome.failure() != null ? outcome.failure() : String.valueOf(outcome.status());
            byStatus.merge(key, 1, Integer::sum);
            latencies.add(outcome.latencyNanos());
            if (outcome.status() >= 200 && outcome.status() < 300) {
                accepted.add(outcome.latencyNanos());
            } else if (outcome.status() != 503) {
                errors++;
            } else if (outcome.retryAfter()) {
                retryAfterOn503++;
            }
        }
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("offeredRatePerSecond", rate);
        summary.put("requestsSent", total);
        summary.put("warmupRequests", warmupCount);
        summary.put("measuredRequests", measured);
        summary.put("elapsedSeconds", Math.round(elapsedSeconds * 10) / 10.0);
        summary.putPOJO("byStatus", byStatus);
        summary.put("errorRatio", measured == 0 ? 0 : (double) errors / measured);
        summary.put("sheddedRatio", measured == 0 ? 0 : byStatus.getOrDefault("503", 0) / (double) measured);
        summary.put("retryAfterOn503", retryAfterOn503);
        summary.set("latencyMsAll", percentiles(latencies));
        summary.set("latencyMs2xx", percentiles(accepted));
        summary.put("java", System.getProperty("java.version"));
        summary.put("cores", Runtime.getRuntime().availableProcessors());
        return summary;
    }

    private static ObjectNode percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("count", sorted.length);
        if (sorted.length > 0) {
            for (double p : new double[] {50, 90, 99, 99.9}) {
                int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
                node.put("p" + (p == Math.floor(p) ? String.valueOf((int) p) : String.valueOf(p)),
                        Math.round(sorted[Math.max(0, index)] / 1e4) / 100.0);
            }
            node.put("max", Math.round(sorted[sorted.length - 1] / 1e4) / 100.0);
        }
        return node;
    }
}
