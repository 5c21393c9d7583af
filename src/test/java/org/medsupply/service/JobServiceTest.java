// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.store.Checkpoint;
import org.medsupply.store.JobStore;
import org.medsupply.store.NewJob;
import org.medsupply.store.SqlJobStore;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Admission, queued cancellation, retention, throttled checkpoints and recovery, on a real SQLite
 * store, with a solver the test holds and a clock it moves.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobServiceTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-02-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TempDir
    Path data;

    private final CountDownLatch release = new CountDownLatch(1);
    private final TestClock clock = new TestClock();

    /** Solves by returning the problem unchanged once the test releases it. */
    private JobService service(int solvers, int queued, int retained) throws IOException {
        return service(solvers, queued, retained, request -> {
            release.await();
            return request.problem();
        }, SqlJobStore.sqlite(data));
    }

    private JobService service(int solvers, int queued, int retained, JobSolver solver, JobStore store) {
        ServiceConfig config = ServiceConfig.builder().parallelSolvers(solvers).maxQueuedJobs(queued)
                .maxRetainedJobs(retained).retention(Duration.ofHours(1)).build();
        return new JobService(config, store, new Durability("node-a", Duration.ofMillis(100)), solver,
                new SimpleMeterRegistry(), clock);
    }

    static ProblemFile problem() throws IOException {
        return Json.MAPPER.readValue(Path.of("problems/tiny/round-trip.json").toFile(), ProblemFile.class);
    }

    static JobView submit(JobService jobs) throws Exception {
        return jobs.submit(Caller.ANYONE, problem(), SECOND, null, null).job();
    }

    static JobView awaitStatus(JobService jobs, String id, JobStatus status) throws Exception {
        while (jobs.get(Caller.ANYONE, id).status() != status) {
            Thread.sleep(10);
        }
        return jobs.get(Caller.ANYONE, id);
    }

    @Test
    void refusesBeyondSolversPlusQueueAndCancelsQueuedJobsAtOnce() throws Exception {
        try (JobService jobs = service(1, 1, 10)) {
            JobView solving = submit(jobs);
            awaitStatus(jobs, solving.id(), JobStatus.SOLVING);
            assertThat(jobs.get(Caller.ANYONE, solving.id()).node()).isEqualTo("node-a");
            JobView queued = submit(jobs);
            assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);

            assertThatThrownBy(() -> submit(jobs))
                    .isInstanceOf(OverloadedException.class)
                    .satisfies(e -> assertThat(((OverloadedException) e).retryAfter()).isPositive());

            JobService.CancelOutcome cancelled = jobs.cancel(Caller.ANYONE, queued.id());
            assertThat(cancelled.stopping()).isFalse();
            assertThat(cancelled.job().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(cancelled.job().startedAt()).isNull();
            assertThatThrownBy(() -> jobs.bestPlan(Caller.ANYONE, queued.id())).isInstanceOf(NoPlanYetException.class);

            JobView next = submit(jobs);
            release.countDown();
            awaitStatus(jobs, solving.id(), JobStatus.DONE);
            awaitStatus(jobs, next.id(), JobStatus.DONE);
            assertThat(jobs.get(Caller.ANYONE, queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void retryAfterIsTheTimeLeftToTheFirstJobToEnd() throws Exception {
        try (JobService jobs = service(1, 1, 10)) {
            Instant started = clock.instant();
            JobView solving = jobs.submit(Caller.ANYONE, problem(), Duration.ofSeconds(60), null, null).job();
            awaitStatus(jobs, solving.id(), JobStatus.SOLVING);
            jobs.submit(Caller.ANYONE, problem(), Duration.ofSeconds(30), null, null);

            clock.now.set(started.plusMillis(20_500));
            assertThatThrownBy(jobs::checkCapacity).isInstanceOfSatisfying(OverloadedException.class,
                    e -> assertThat(e.retryAfter()).as("60 s solve, 20.5 s in").isEqualTo(Duration.ofSeconds(40)));
            clock.now.set(started.minusSeconds(5));
            assertThatThrownBy(jobs::checkCapacity).isInstanceOfSatisfying(OverloadedException.class,
                    e -> assertThat(e.retryAfter()).as("clock read before the start")
                            .isEqualTo(Duration.ofSeconds(60)));
            release.countDown();
        }
    }

    @Test
    void keepsAtMostTheRetainedCountAndDropsFinishedJobsPastTheirRetention() throws Exception {
        release.countDown();
        try (JobService jobs = service(1, 2, 3)) {
            JobView first = submit(jobs);
            awaitStatus(jobs, first.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plusSeconds(1));
            JobView second = submit(jobs);
            awaitStatus(jobs, second.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plusSeconds(1));
            JobView third = submit(jobs);
            awaitStatus(jobs, third.id(), JobStatus.DONE);
            JobView fourth = submit(jobs);

            assertThat(jobs.jobCount(Caller.ANYONE)).isEqualTo(3);
            assertThatThrownBy(() -> jobs.get(Caller.ANYONE, first.id())).isInstanceOf(JobNotFoundException.class);
            assertThat(jobs.list(Caller.ANYONE, 10, 0)).extracting(JobView::id)
                    .containsExactly(fourth.id(), third.id(), second.id());

            awaitStatus(jobs, fourth.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plus(Duration.ofHours(2)));
            jobs.evict();
            assertThat(jobs.jobCount(Caller.ANYONE)).isZero();
        }
    }

    @Test
    void ownersSeeOnlyTheirJobsAndAdminsSeeAll() throws Exception {
        release.countDown();
        Caller alice = new Caller("alice", false);
        Caller bob = new Caller("bob", false);
        try (JobService jobs = service(1, 2, 10)) {
            JobView mine = jobs.submit(alice, problem(), SECOND, null, null).job();
            assertThat(mine.owner()).isEqualTo("alice");
            awaitStatus(jobs, mine.id(), JobStatus.DONE);

            assertThatThrownBy(() -> jobs.get(bob, mine.id())).isInstanceOf(JobNotFoundException.class);
            assertThatThrownBy(() -> jobs.cancel(bob, mine.id())).isInstanceOf(JobNotFoundException.class);
            assertThatThrownBy(() -> jobs.bestPlan(bob, mine.id())).isInstanceOf(JobNotFoundException.class);
            assertThat(jobs.list(bob, 10, 0)).isEmpty();
            assertThat(jobs.jobCount(bob)).isZero();
            assertThat(jobs.list(alice, 10, 0)).extracting(JobView::id).containsExactly(mine.id());
            assertThat(jobs.get(new Caller("root", true), mine.id()).owner()).isEqualTo("alice");
        }
    }

    @Test
    void anIdempotencyKeyNamesTheFirstJobForADayAndRefusesADifferentRequest() throws Exception {
        release.countDown();
        Caller alice = new Caller("alice", false);
        try (JobService jobs = service(1, 2, 10)) {
            JobService.IdempotencyKey key = new JobService.IdempotencyKey("order-7", "hash-1");
            JobService.Submitted first = jobs.submit(alice, problem(), SECOND, null, key);
            JobService.Submitted again = jobs.submit(alice, problem(), SECOND, null, key);
            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.job().id()).isEqualTo(first.job().id());
            assertThat(jobs.jobCount(alice)).isEqualTo(1);

            assertThatThrownBy(() -> jobs.submit(alice, problem(), SECOND, null,
                    new JobService.IdempotencyKey("order-7", "hash-2"))).isInstanceOf(IdempotencyConflictException.class);
            JobService.Submitted otherOwner = jobs.submit(new Caller("bob", false), problem(), SECOND, null, key);
            assertThat(otherOwner.created()).as("keys are per owner").isTrue();

            awaitStatus(jobs, first.job().id(), JobStatus.DONE);
            clock.now.set(clock.instant().plus(Duration.ofHours(25)));
            JobService.Submitted dayLater = jobs.submit(alice, problem(), SECOND, null, key);
            assertThat(dayLater.created()).isTrue();
            assertThat(dayLater.job().id()).isNotEqualTo(first.job().id());
        }
    }

    @Test
    void checkpointsAreThrottledAndHoldTheNewestBest() throws Exception {
        AtomicInteger saved = new AtomicInteger();
        JobStore store = counting(SqlJobStore.sqlite(data), saved);
        CountDownLatch offered = new CountDownLatch(1);
        AtomicReference<DispatchSolution> last = new AtomicReference<>();
        AtomicReference<Duration> burst = new AtomicReference<>();
        JobSolver chatty = request -> {
            DispatchSolution planned = greedy(request.problem());
            long start = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                DispatchSolution best = new DispatchSolutionCloner().cloneSolution(planned);
                last.set(best);
                request.onNewBest().accept(best);
            }
            burst.set(Duration.ofNanos(System.nanoTime() - start));
            offered.countDown();
            release.await();
            return last.get();
        };
        try (JobService jobs = service(1, 1, 10, chatty, store)) {
            JobView job = submit(jobs);
            offered.await();
            Thread.sleep(400);
            // one checkpoint per 100 ms interval at most (plus one at each end of the burst), not one per best
            assertThat(saved.get()).as("checkpoints of 2,000 bests in %s", burst.get())
                    .isBetween(1, (int) (burst.get().toMillis() / 100) + 2).isLessThan(100);
            assertThat(store.checkpoint(job.id()).orElseThrow().assignmentJson())
                    .isEqualTo(Assignment.write(last.get()));
            release.countDown();
            awaitStatus(jobs, job.id(), JobStatus.DONE);
            assertThat(store.explanationJson(job.id())).as("final jobs keep their explanation").isPresent();
        }
    }

    @Test
    void aJobInterruptedWhileSolvingResumesFromItsCheckpoint() throws Exception {
        ProblemFile problem = problem();
        DispatchSolution planned = greedy(ProblemMapper.toSolution(problem));
        String assignment = Assignment.write(planned);
        try (JobStore store = SqlJobStore.sqlite(data)) { // a server that died while solving
            store.insert(new NewJob("job-1", "alice", clock.instant(), SECOND, 5L, problem.name(),
                    Json.MAPPER.writeValueAsString(Job.counts(problem)), Json.MAPPER.writeValueAsString(problem), null), null);
            store.start("job-1", "node-z", clock.instant());
            store.saveCheckpoint("job-1", null, new Checkpoint("0hard/0soft", true, "{}", null, assignment, clock.instant(), 0));
        }
        AtomicReference<JobSolver.SolveRequest> received = new AtomicReference<>();
        JobSolver recording = request -> {
            received.set(request);
            return request.problem();
        };
        try (JobService jobs = service(1, 1, 10, recording, SqlJobStore.sqlite(data))) {
            JobView done = awaitStatus(jobs, "job-1", JobStatus.DONE);
            assertThat(done.restarts()).isEqualTo(1);
            assertThat(done.node()).isEqualTo("node-a");
            assertThat(done.owner()).isEqualTo("alice");
            assertThat(received.get().warmStart()).isTrue();
            assertThat(received.get().seed()).isEqualTo(5L);
            assertThat(Assignment.write(received.get().problem())).isEqualTo(assignment);
        }
    }

    @Test
    void aFinishedJobReadBackFromTheStoreKeepsItsPlansFigures() throws Exception {
        release.countDown();
        String id;
        PlanFile.KpisDto figures;
        try (JobService jobs = service(1, 1, 10, request -> greedy(request.problem()), SqlJobStore.sqlite(data))) {
            id = awaitStatus(jobs, submit(jobs).id(), JobStatus.DONE).id();
            figures = jobs.bestPlan(Caller.ANYONE, id).kpis();
        }
        try (JobService restarted = service(1, 1, 10, request -> request.problem(), SqlJobStore.sqlite(data))) {
            assertThat(figures.fillRate()).isNotEmpty();
            assertThat(restarted.get(Caller.ANYONE, id).kpis()).as("what the page's job list shows").isEqualTo(figures);
        }
    }

    @Test
    void aStoredJobThatCannotBeReadBackEndsFailedAndTheServiceStillStarts() throws Exception {
        release.countDown();
        try (JobStore store = SqlJobStore.sqlite(data)) {
            store.insert(new NewJob("broken", null, clock.instant(), SECOND, null, "x", "{}", "not json", null), null);
        }
        try (JobService jobs = service(1, 1, 10, request -> request.problem(), SqlJobStore.sqlite(data))) {
            JobView broken = jobs.get(Caller.ANYONE, "broken");
            assertThat(broken.status()).isEqualTo(JobStatus.FAILED);
            assertThat(broken.error().title()).isEqualTo("Cannot resume");
            assertThat(awaitStatus(jobs, submit(jobs).id(), JobStatus.DONE).status()).isEqualTo(JobStatus.DONE);
        }
    }

    @Test
    void rejectsTimeLimitsBeyondTheMaximum() throws Exception {
        release.countDown();
        try (JobService jobs = service(1, 1, 10)) {
            assertThatThrownBy(() -> jobs.submit(Caller.ANYONE, problem(), Duration.ofMinutes(11), null, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void problemSizeLimitsNameEveryExcessWithItsPointer() throws Exception {
        ServiceConfig config = ServiceConfig.builder().maxHospitals(1).maxTrips(0).build();
        InputLimits limits = new InputLimits(config);
        assertThatThrownBy(() -> limits.checkProblem(problem()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::pointer)
                        .containsExactlyInAnyOrder("/hospitals", "/vehicles"));
    }

    private static DispatchSolution greedy(DispatchSolution problem) {
        return SolverFactory.<DispatchSolution>create(SolverConfigs.greedyOnly()).buildSolver().solve(problem);
    }

    /** The store, counting the checkpoints saved in it. */
    private static JobStore counting(JobStore store, AtomicInteger saved) {
        return (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("saveCheckpoint")) {
                        saved.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
