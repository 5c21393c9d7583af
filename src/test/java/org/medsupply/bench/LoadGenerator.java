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

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medsupply.io.Json;
import org.medsupply.testing.TestProblems;

/**
 * Open-model load generator for the HTTP service: requests are sent at a constant arrival rate,
 * whatever the responses do, and each latency is measured from the request's <em>intended</em> send
 * time, so a server that stalls shows its queueing delay instead of hiding it (no coordinated
 * omission). Targets a server started separately (loopback only); bounded in count and duration.
 * <p>
 * Scenarios: {@code status} starts SOLVES (default 2) long solves of a random 60-hospital problem,
 * then reads {@code GET /api/v1/plans/{id}} of one of them at the rate while they run, and cancels
 * them at the end (with SOLVES = 0 it reads a finished job instead);
 * {@code overload} submits {@code problems/tiny/round-trip.json} (1 s solves) at the rate.
 * <p>
 * Usage: {@code LoadGenerator BASE_URL status|overload RATE_PER_S SECONDS [WARMUP_SECONDS [SOLVES]]}
 */
public final class LoadGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One response (or failure) and its latency from the intended send time. */
    private record Outcome(boolean measured, int status, long latencyNanos, String failure) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final URI base;

    private LoadGenerator(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGenerator BASE_URL status|overload RATE_PER_S SECONDS [WARMUP_SECONDS [SOLVES]]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback targets only");
        }
        String scenario = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int solves = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        LoadGenerator generator = new LoadGenerator(base);
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
            HttpResponse<String> submitted = client.send(post(solves == 0 ? "api/v1/plans?timeLimit=PT1S"
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
            URI read = base.resolve("api/v1/plans/" + solving.get(0));
            ObjectNode summary = run(rate, seconds, warmup, i -> HttpRequest.newBuilder(read).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build());
            summary.put("scenario", "GET /api/v1/plans/{id} while " + solves + " solves run");
            for (String id : solving) {
                String status = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(
                        base.resolve("api/v1/plans/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .get("status").asText();
                summary.withArray("solveStatusAtEnd").add(status);
            }
            return summary;
        } finally {
            for (String id : solving) {
                client.send(HttpRequest.newBuilder(base.resolve("api/v1/plans/" + id)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private ObjectNode overload(double rate, int seconds, int warmup) throws Exception {
        String problem = Files.readString(Path.of("problems/tiny/round-trip.json"));
        ObjectNode summary = run(rate, seconds, warmup, i -> post("api/v1/plans?timeLimit=PT1S", problem));
        summary.put("scenario", "POST /api/v1/plans (1 s solves) above capacity");
        return summary;
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /**
     * Sends {@code rate} requests per second for {@code warmup + seconds}; only those intended after
     * the warm-up are measured.
     */
    private ObjectNode run(double rate, int seconds, int warmup, IntFunction<HttpRequest> request)
            throws InterruptedException {
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
                inFlight.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> outcomes.add(failure == null
                                ? new Outcome(measured, response.statusCode(), System.nanoTime() - intended, null)
                                : new Outcome(measured, 0, System.nanoTime() - intended, kind(failure)))));
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
