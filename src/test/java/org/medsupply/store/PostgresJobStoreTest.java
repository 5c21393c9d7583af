// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real PostgreSQL shared by two servers (two stores, each with its own connection pool, on
 * one database): the same schema and queries as SQLite, claims that never overlap, leases that run out,
 * claim tokens that fence a stale server, and a queue limit counted across both.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** A lease the tests wait out. */
    private static final Duration SHORT_LEASE = Duration.ofMillis(300);

    private SqlJobStore one;
    private SqlJobStore two;

    @BeforeEach
    void open() {
        String database = TestPostgres.newDatabase();
        one = TestPostgres.open(database);
        two = TestPostgres.open(database); // migrations already applied: Flyway leaves them
    }

    @AfterEach
    void close() {
        one.close();
        two.close();
    }

    private static NewJob job(String id, int minute) {
        return new NewJob(id, null, T0.plusSeconds(60L * minute), Duration.ofSeconds(30), null, "demo",
                "{\"hospitals\":3}", "{\"name\":\"demo\"}", null);
    }

    private static Checkpoint checkpoint(String score) {
        return new Checkpoint(score, true, "{\"plan\":\"" + score + "\"}", null, "{\"t\":[]}", T0, 0);
    }

    @Test
    void keepsAJobThroughItsLifeAndEvictsLikeSqlite() {
        assertThat(one.isShared()).isTrue();
        for (int i = 0; i < 4; i++) {
            one.insert(job("j" + i, i), null);
        }
        assertThat(two.list(null, 10, 0)).extracting(JobRecord::id).containsExactly("j3", "j2", "j1", "j0");
        assertThat(one.claim("node-1", "t", T0, LEASE)).as("the oldest").hasValue("j0");
        assertThat(one.saveCheckpoint("j0", "t", checkpoint("0hard/-3soft"))).isTrue();
        assertThat(two.checkpoint("j0")).hasValueSatisfying(c -> assertThat(c.score()).isEqualTo("0hard/-3soft"));
        assertThat(one.finish("j0", null, "t", new Outcome("DONE", T0.plusSeconds(5), null, "{}", null))).isTrue();
        assertThat(two.find("j0").orElseThrow().status()).isEqualTo("DONE");
        assertThat(two.countByStatus()).isEqualTo(Map.of("DONE", 1, "QUEUED", 3));
        assertThat(two.finish("j1", "QUEUED", null, new Outcome("CANCELLED", T0.plusSeconds(6), null, null, null)))
                .isTrue();

        assertThat(two.evict(T0.minusSeconds(1), 3, T0)).as("by count: the earliest ended").isEqualTo(1);
        assertThat(one.list(null, 10, 0)).extracting(JobRecord::id).containsExactly("j3", "j2", "j1");
    }

    @Test
    void serversClaimingTogetherNeverClaimTheSameJob() throws Exception {
        int jobs = 40;
        for (int i = 0; i < jobs; i++) {
            one.insert(job("j" + i, i), null);
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SqlJobStore store = i % 2 == 0 ? one : two;
            String node = "node-" + i;
            claimers.add(() -> {
                for (int n = 0; ; n++) {
                    Optional<String> id = store.claim(node, node + "-" + n, T0, LEASE);
                    if (id.isEmpty()) {
                        return null;
                    }
                    claimed.add(id.get());
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> done : threads.invokeAll(claimers)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(one.countByStatus()).isEqualTo(Map.of("SOLVING", jobs));
    }

    @Test
    void aLeaseThatRunsOutHandsTheJobOverAndFencesTheStaleServer() throws InterruptedException {
        one.insert(job("a", 0), null);
        assertThat(one.claim("node-1", "stale", T0, LEASE)).hasValue("a");
        assertThat(one.saveCheckpoint("a", "stale", checkpoint("0hard/-9soft"))).isTrue();
        assertThat(two.claim("node-2", "early", T0, LEASE)).as("the lease still holds").isEmpty();
        assertThat(one.renew("a", "stale", SHORT_LEASE)).as("renewed, no stop asked")
                .hasValue(new JobStore.Lease(false, 0));

        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        Instant later = T0.plusSeconds(41);
        assertThat(two.claim("node-2", "fresh", later, LEASE)).hasValue("a");
        JobRecord taken = two.find("a").orElseThrow();
        assertThat(taken.status()).isEqualTo("SOLVING");
        assertThat(taken.node()).isEqualTo("node-2");
        assertThat(taken.restarts()).isEqualTo(1);
        assertThat(two.checkpoint("a")).as("resumes from the checkpoint")
                .hasValueSatisfying(c -> assertThat(c.score()).isEqualTo("0hard/-9soft"));

        assertThat(one.renew("a", "stale", LEASE)).as("stale: lost").isEmpty();
        assertThat(one.saveCheckpoint("a", "stale", checkpoint("0hard/-1soft"))).isFalse();
        assertThat(one.finish("a", null, "stale", new Outcome("DONE", later, null, null, null))).isFalse();
        assertThat(one.release("a", "stale")).isFalse();
        assertThat(two.checkpoint("a")).hasValueSatisfying(c -> assertThat(c.score()).isEqualTo("0hard/-9soft"));

        assertThat(two.saveCheckpoint("a", "fresh", checkpoint("0hard/-2soft"))).isTrue();
        assertThat(two.finish("a", null, "fresh", new Outcome("DONE", later, null, null, null))).isTrue();
        assertThat(one.find("a").orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void aStopAskedOnAnyServerReachesTheClaimAndOutlivesItsLease() throws InterruptedException {
        one.insert(job("a", 0), null);
        one.insert(job("b", 1), null);
        one.claim("node-1", "ta", T0, SHORT_LEASE);
        one.claim("node-1", "tb", T0, SHORT_LEASE);
        assertThat(two.requestCancel("a")).isTrue();
        assertThat(one.renew("a", "ta", SHORT_LEASE)).hasValue(new JobStore.Lease(true, 0));

        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        Instant expired = T0.plusSeconds(60);
        assertThat(two.claim("node-2", "t2", expired, LEASE)).as("b queued again, a cancelled").hasValue("b");
        assertThat(two.find("a").orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(two.find("a").orElseThrow().endedAt()).as("stamped by the claiming server").isEqualTo(expired);
        assertThat(two.find("b").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void leasesRunOnTheDatabaseClockSoAServerWhoseClockRunsAheadCannotTakeALiveJob() throws InterruptedException {
        one.insert(job("a", 0), null);
        assertThat(one.claim("node-1", "live", Instant.now(), SHORT_LEASE.multipliedBy(20))).hasValue("a");
        Instant skewedAhead = Instant.now().plus(Duration.ofMinutes(10));
        assertThat(two.claim("node-2", "ahead", skewedAhead, LEASE)).as("the database says the lease holds")
                .isEmpty();
        assertThat(one.renew("a", "live", SHORT_LEASE)).as("still held by its claim")
                .hasValue(new JobStore.Lease(false, 0));

        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
        Instant skewedBehind = Instant.now().minus(Duration.ofMinutes(10));
        assertThat(two.claim("node-2", "behind", skewedBehind, LEASE)).as("the database says the lease ran out")
                .hasValue("a");
    }

    @Test
    void aReleasedJobIsQueuedForAnyServerAtOnce() {
        one.insert(job("a", 0), null);
        one.claim("node-1", "t1", T0, LEASE);
        assertThat(one.release("a", "t1")).isTrue();
        assertThat(two.claim("node-2", "t2", T0, LEASE)).hasValue("a");
        assertThat(two.find("a").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void theQueueLimitCountsJobsQueuedByEveryServer() {
        one.insert(job("a", 0), null, 2);
        two.insert(job("b", 1), null, 2);
        assertThatThrownBy(() -> one.insert(job("c", 2), null, 2)).isInstanceOf(QueueFullException.class);
        assertThatThrownBy(() -> two.insert(job("c", 2), null, 2)).isInstanceOf(QueueFullException.class);
        assertThat(one.find("c")).isEmpty();

        two.claim("node-2", "t", T0, LEASE); // a solving job leaves the queue
        assertThat(one.insert(job("c", 2), null, 2)).isEmpty();
        assertThat(one.count(null)).isEqualTo(3);
    }

    @Test
    void sqliteHasNoClaims(@TempDir Path folder) throws Exception {
        try (SqlJobStore sqlite = SqlJobStore.sqlite(folder)) {
            assertThat(sqlite.isShared()).isFalse();
            assertThatThrownBy(() -> sqlite.claim("n", "t", T0, LEASE))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
