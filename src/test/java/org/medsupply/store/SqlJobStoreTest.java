// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on a real database file: what it keeps, guards and gives back, also after reopening. */
class SqlJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path data;

    private SqlJobStore store;

    @BeforeEach
    void open() throws IOException {
        store = SqlJobStore.sqlite(data);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static NewJob job(String id, String owner, int minute) {
        return new NewJob(id, owner, T0.plusSeconds(60L * minute), Duration.ofSeconds(30), 7L, "demo",
                "{\"hospitals\":3}", "{\"name\":\"demo\"}", null);
    }

    private static Outcome done(int minute) {
        return new Outcome("DONE", T0.plusSeconds(60L * minute),
                new Checkpoint("0hard/-5soft", true, "{\"final\":true}", "{\"km\":5}", null, T0, 0), "{\"explained\":true}", null);
    }

    @Test
    void keepsAJobThroughItsLifeAndAcrossReopening() throws IOException {
        assertThat(store.insert(job("a", "alice", 0), null)).isEmpty();
        assertThat(store.start("a", "node-1", T0.plusSeconds(5))).isTrue();
        assertThat(store.start("a", "node-2", T0.plusSeconds(6))).as("already solving").isFalse();
        assertThat(store.saveCheckpoint("a", null, new Checkpoint("0hard/-9soft", true, "{\"p\":1}", "{\"km\":9}", "{\"t\":[]}",
                T0.plusSeconds(10), 0))).isTrue();
        store.close();
        store = SqlJobStore.sqlite(data);

        JobRecord record = store.find("a").orElseThrow();
        assertThat(record.status()).isEqualTo("SOLVING");
        assertThat(record.node()).isEqualTo("node-1");
        assertThat(record.owner()).isEqualTo("alice");
        assertThat(record.seed()).isEqualTo(7L);
        assertThat(record.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(record.startedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(record.score()).isEqualTo("0hard/-9soft");
        assertThat(record.kpisJson()).isEqualTo("{\"km\":9}");
        assertThat(store.checkpoint("a").orElseThrow().assignmentJson()).isEqualTo("{\"t\":[]}");
        assertThat(store.checkpoint("a").orElseThrow().kpisJson()).isEqualTo("{\"km\":9}");
        assertThat(store.problemJson("a")).hasValue("{\"name\":\"demo\"}");

        assertThat(store.finish("a", null, null, done(3))).isTrue();
        assertThat(store.finish("a", null, null, new Outcome("FAILED", T0, null, null, "{}"))).as("final once").isFalse();
        assertThat(store.saveCheckpoint("a", null, new Checkpoint("x", false, "{}", null, "{}", T0, 0))).isFalse();
        JobRecord finished = store.find("a").orElseThrow();
        assertThat(finished.status()).isEqualTo("DONE");
        assertThat(finished.score()).isEqualTo("0hard/-5soft");
        assertThat(finished.kpisJson()).as("the final plan's figures").isEqualTo("{\"km\":5}");
        assertThat(store.checkpoint("a").orElseThrow().planJson()).isEqualTo("{\"final\":true}");
        assertThat(store.checkpoint("a").orElseThrow().assignmentJson()).isNull();
        assertThat(store.explanationJson("a")).hasValue("{\"explained\":true}");
    }

    @Test
    void aChangedProblemIsStoredAtTheNextRevisionAndGuardsItsCheckpoints() throws IOException {
        store.insert(new NewJob("a", null, T0, Duration.ofSeconds(30), null, "demo", "{}", "{\"v\":0}", "parent-1"),
                null);
        store.start("a", "node-1", T0);
        assertThat(store.saveCheckpoint("a", null, new Checkpoint("0hard/-9soft", true, "{}", null, "{\"t\":[]}", T0, 0)))
                .isTrue();

        assertThat(store.changeProblem("a", 0, "demo 2", "{\"hospitals\":4}", "{\"v\":1}")).isTrue();
        assertThat(store.changeProblem("a", 0, "stale", "{}", "{\"v\":9}")).as("made against revision 0").isFalse();
        assertThat(store.saveCheckpoint("a", null, new Checkpoint("0hard/-8soft", true, "{}", null, "{}", T0, 0)))
                .as("a plan of the problem before the change").isFalse();
        assertThat(store.saveCheckpoint("a", null, new Checkpoint("0hard/-7soft", true, "{}", null, "{}", T0, 1)))
                .isTrue();
        store.close();
        store = SqlJobStore.sqlite(data);

        JobRecord record = store.find("a").orElseThrow();
        assertThat(record.problemRevision()).isEqualTo(1);
        assertThat(record.problemName()).isEqualTo("demo 2");
        assertThat(record.countsJson()).isEqualTo("{\"hospitals\":4}");
        assertThat(record.parent()).isEqualTo("parent-1");
        assertThat(store.problemJson("a")).hasValue("{\"v\":1}");
        assertThat(store.checkpoint("a").orElseThrow().problemRevision()).isEqualTo(1);
        assertThat(store.checkpoint("a").orElseThrow().score()).isEqualTo("0hard/-7soft");

        assertThat(store.finish("a", null, null, done(2))).isTrue();
        assertThat(store.changeProblem("a", 1, "late", "{}", "{}")).as("final").isFalse();
        assertThat(store.find("a").orElseThrow().problemRevision()).isEqualTo(1);
    }

    @Test
    void aSecondServerCannotOpenAFolderInUse() throws IOException {
        assertThatThrownBy(() -> SqlJobStore.sqlite(data)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("in use by another MedSupply server");
        store.close();
        store = SqlJobStore.sqlite(data);
        assertThat(store.count(null)).isZero();
    }

    @Test
    void listsNewestFirstPerOwner() {
        store.insert(job("a", "alice", 0), null);
        store.insert(job("b", "bob", 1), null);
        store.insert(job("c", "alice", 2), null);
        assertThat(store.list(null, 10, 0)).extracting(JobRecord::id).containsExactly("c", "b", "a");
        assertThat(store.list("alice", 10, 0)).extracting(JobRecord::id).containsExactly("c", "a");
        assertThat(store.list("alice", 1, 1)).extracting(JobRecord::id).containsExactly("a");
        assertThat(store.count("alice")).isEqualTo(2);
        assertThat(store.count(null)).isEqualTo(3);
        assertThat(store.countByStatus()).isEqualTo(Map.of("QUEUED", 3));
    }

    @Test
    void cancellingAQueuedJobLosesToItsStart() {
        store.insert(job("a", null, 0), null);
        store.start("a", "n", T0);
        assertThat(store.finish("a", "QUEUED", null, new Outcome("CANCELLED", T0, null, null, null))).isFalse();
        assertThat(store.requestCancel("a")).isTrue();
        assertThat(store.find("a").orElseThrow().cancelRequested()).isTrue();
    }

    @Test
    void recoveryRequeuesInterruptedJobsAndEndsThoseAskedToStop() {
        store.insert(job("queued", null, 0), null);
        store.insert(job("solving", null, 1), null);
        store.insert(job("stopping", null, 2), null);
        store.insert(job("done", null, 3), null);
        store.start("solving", "n", T0);
        store.start("stopping", "n", T0);
        store.requestCancel("stopping");
        store.start("done", "n", T0);
        store.finish("done", null, null, done(4));

        assertThat(store.recover(T0.plusSeconds(600))).containsExactly("queued", "solving");
        assertThat(store.find("solving").orElseThrow().restarts()).isEqualTo(1);
        assertThat(store.find("solving").orElseThrow().status()).isEqualTo("QUEUED");
        assertThat(store.find("queued").orElseThrow().restarts()).isZero();
        assertThat(store.find("stopping").orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(store.find("done").orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void evictsFinalJobsByAgeThenByCountButNeverUnfinishedOnes() {
        for (int i = 0; i < 5; i++) {
            store.insert(job("j" + i, null, i), null);
        }
        for (int i = 0; i < 4; i++) {
            store.start("j" + i, "n", T0);
            store.finish("j" + i, null, null, done(10 + i));
        }
        assertThat(store.evict(T0.plusSeconds(60 * 11), 100, T0)).as("ended before minute 11").isEqualTo(1);
        assertThat(store.find("j0")).isEmpty();
        assertThat(store.evict(T0, 2, T0)).as("down to 2 jobs, earliest ended first").isEqualTo(2);
        assertThat(store.list(null, 10, 0)).extracting(JobRecord::id).containsExactly("j4", "j3");
        assertThat(store.evict(T0.plusSeconds(100_000), 0, T0)).as("the queued job stays").isEqualTo(1);
        assertThat(store.list(null, 10, 0)).extracting(JobRecord::id).containsExactly("j4");
    }

    @Test
    void anIdempotencyKeyNamesItsJobUntilItExpires() {
        JobStore.Idempotency key = new JobStore.Idempotency("alice", "k1", "h1", T0.minusSeconds(1));
        assertThat(store.insert(job("a", "alice", 0), key)).isEmpty();
        assertThat(store.insert(job("b", "alice", 0), key)).hasValue(new JobStore.Earlier("a", true));
        assertThat(store.find("b")).isEmpty();
        assertThat(store.findIdempotent(new JobStore.Idempotency("alice", "k1", "h2", T0.minusSeconds(1))))
                .hasValue(new JobStore.Earlier("a", false));
        assertThat(store.findIdempotent(new JobStore.Idempotency("bob", "k1", "h1", T0.minusSeconds(1)))).isEmpty();

        JobStore.Idempotency later = new JobStore.Idempotency("alice", "k1", "h1", T0.plusSeconds(1));
        assertThat(store.insert(job("c", "alice", 1), later)).as("expired: a new job").isEmpty();
        assertThat(store.findIdempotent(later)).hasValue(new JobStore.Earlier("c", true));
    }
}
