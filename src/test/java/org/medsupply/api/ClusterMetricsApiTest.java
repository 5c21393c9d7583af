// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.service.Durability;
import org.medsupply.service.JobSolver;
import org.medsupply.service.ServiceConfig;
import org.medsupply.store.TestPostgres;

/**
 * Two real servers on one real PostgreSQL database: each one's {@code /metrics} and {@code /health} name the
 * server, and tell its own figures (solvers, the jobs it holds) from the store's, which both report alike.
 * Timeouts only guard against hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterMetricsApiTest {

    /** Holds every job in its solver until the job is stopped (here: when its server stops). */
    private static final JobSolver HOLDING = request -> {
        CountDownLatch stopped = new CountDownLatch(1);
        request.cancellation().onRequest(stopped::countDown);
        stopped.await();
        return request.problem();
    };

    private static TestServer server(String database, String node) {
        ServiceConfig config = TestServer.config().parallelSolvers(1).maxQueuedJobs(4).build();
        Durability durability = new Durability(node, Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofMillis(100));
        return TestServer.start(config, HOLDING, TestPostgres.open(database), durability);
    }

    @Test
    void eachServerNamesItselfAndCountsTheStoresQueueForTheCluster() throws InterruptedException {
        String database = TestPostgres.newDatabase();
        try (TestServer a = server(database, "node-a"); TestServer b = server(database, "node-b")) {
            List<String> ids = new ArrayList<>();
            for (TestServer server : List.of(a, b, a, b)) {
                ids.add(server.submit(TestServer.tinyProblem("round-trip"), "?timeLimit=PT1M"));
            }
            // one job solving on each server, two queued in the store for whichever frees a solver first
            while (health(a).get("solving").asInt() + health(b).get("solving").asInt() < 2) {
                Thread.sleep(50);
            }

            for (TestServer server : List.of(a, b)) {
                String node = server == a ? "node-a" : "node-b";
                JsonNode health = health(server);
                assertThat(health.get("node").asText()).isEqualTo(node);
                assertThat(health.get("solving").asInt()).as("this server's").isEqualTo(1);
                assertThat(health.get("queued").asInt()).as("this server's").isZero();
                assertThat(health.get("queuedInStore").asInt()).as("the cluster's").isEqualTo(2);
                assertThat(health.get("retainedJobs").asInt()).as("the cluster's").isEqualTo(ids.size());

                String metrics = server.get("/metrics", "text/plain").body();
                assertThat(gauge(metrics, "medsupply_node_info{node=\"" + node + "\",store=\"shared\"}"))
                        .isEqualTo(1);
                assertThat(gauge(metrics, "medsupply_cluster_queue_depth")).isEqualTo(2);
                assertThat(gauge(metrics, "medsupply_jobs{status=\"QUEUED\"}")).isEqualTo(2);
                assertThat(gauge(metrics, "medsupply_jobs{status=\"SOLVING\"}")).isEqualTo(2);
                assertThat(gauge(metrics, "medsupply_queue_depth")).as("this server's").isZero();
                assertThat(gauge(metrics, "medsupply_solvers_busy")).as("this server's").isEqualTo(1);
            }
        }
    }

    private static JsonNode health(TestServer server) {
        return TestServer.json(server.get("/health"));
    }

    /** The value of the series named exactly {@code series} (name and labels) in Prometheus text. */
    private static double gauge(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the metrics"));
    }
}
