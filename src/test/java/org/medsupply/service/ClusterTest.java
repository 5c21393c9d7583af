// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medsupply.service.JobServiceTest.awaitStatus;
import static org.medsupply.service.JobServiceTest.submit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.solver.SolverConfigs;
import org.medsupply.store.JobStore;
import org.medsupply.store.StoreException;
import org.medsupply.store.TestPostgres;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Two servers (two job services, each with its own store) on one real PostgreSQL database: a job is solved
 * by one server at a time, a server that stops renewing its lease loses its job to the other, which resumes
 * it from its checkpoint, stops and event streams reach across servers, and the queue limit counts the
 * jobs queued on both. Timeouts only guard against hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterTest {

    private String database;
    private final AtomicBoolean release = new AtomicBoolean();
    /** Which server's solver runs each job right now. */
    private final Map<String, String> solvingOn = new ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> warmStarts = new ConcurrentHashMap<>();
    private final List<JobService> services = new CopyOnWriteArrayList<>();

    @BeforeEach
    void newDatabase() {
        database = TestPostgres.newDatabase();
    }

    @AfterEach
    void closeServices() {
        release.set(true);
        services.forEach(JobService::close);
    }

    /**
     * Plans greedily (or goes on from the checkpoint), offers that plan as the best, then holds the job until
     * it is stopped or the test releases it; records any job solved on two servers at once.
     */
    private JobSolver solver(String node) {
        return request -> {
            warmStarts.put(request.jobId(), request.warmStart());
            String other = solvingOn.putIfAbsent(request.jobId(), node);
            if (other != null) {
                overlaps.add(request.jobId() + " on " + other + " and " + node);
            }
            try {
                DispatchSolution planned = request.warmStart() ? request.problem()
                        : SolverFactory.<DispatchSolution>create(SolverConfigs.greedyOnly()).buildSolver()
                                .solve(request.problem());
                request.onNewBest().accept(planned);
                CountDownLatch stopped = new CountDownLatch(1);
                request.cancellation().onRequest(stopped::countDown);
                while (!release.get() && !stopped.await(10, TimeUnit.MILLISECONDS)) {
                    // held by the test
                }
                return planned;
            } finally {
                solvingOn.remove(request.jobId(), node);
            }
        };
    }

    private JobService server(String node, JobStore store, int queued) {
        // short leases so that a takeover happens within the test; polls well inside them
        return server(node, store, queued, Duration.ofSeconds(2));
    }

    private JobService server(String node, JobStore store, int queued, Duration lease) {
        return server(node, store, queued, lease, Clock.systemUTC());
    }

    private JobService server(String node, JobStore store, int queued, Duration lease, Clock clock) {
        ServiceConfig config = ServiceConfig.builder().parallelSolvers(1).maxQueuedJobs(queued).build();
        Durability durability = new Durability(node, Duration.ofMillis(100), lease, Duration.ofMillis(100));
        JobService service = new JobService(config, store, durability, solver(node), new SimpleMeterRegistry(),
                clock);
        services.add(service);
        return service;
    }

    private JobService server(String node) {
        return server(node, TestPostgres.open(database), 4);
    }

    /** A job solving on one of two servers, once the other sees its first checkpoint. */
    private record Solving(String id, JobView view, JobService solver, JobService other) {
    }

    private Solving solvingOnOneOfTwo() throws Exception {
        JobService a = server("node-a");
        JobService b = server("node-b");
        String id = submit(b).id();
        JobView solving = awaitStatus(a, id, JobStatus.SOLVING);
        JobService solver = solving.node().equals("node-a") ? a : b;
        JobService other = solver == a ? b : a;
        while (other.get(Caller.ANYONE, id).score() == null) { // the first checkpoint
            Thread.sleep(20);
        }
        return new Solving(id, solving, solver, other);
    }

    @Test
    void aStopAndAnEventStreamOnTheOtherServerReachTheJob() throws Exception {
        Solving job = solvingOnOneOfTwo();
        String id = job.id();
        JobView solving = job.view();
        JobService solver = job.solver();
        JobService other = job.other();

        assertThat(other.explain(Caller.ANYONE, id).score()).as("explained from the checkpoint")
                .isEqualTo(other.get(Caller.ANYONE, id).score());

        List<JobEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        JobService.Subscription stream = other.subscribe(Caller.ANYONE, id, event -> {
            events.add(event);
            if (event.job().status().isFinal()) {
                ended.countDown();
            }
        });
        assertThat(stream.initial().status()).isEqualTo(JobStatus.SOLVING);

        JobService.CancelOutcome cancel = other.cancel(Caller.ANYONE, id);
        assertThat(cancel.stopping()).isTrue();
        assertThat(awaitStatus(solver, id, JobStatus.CANCELLED).score()).as("keeps its best plan").isNotNull();
        assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(events).last().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(JobEvent.Kind.STATUS);
            assertThat(event.job().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(event.job().node()).isEqualTo(solving.node());
        });
        stream.close();
        assertThat(other.bestPlan(Caller.ANYONE, id).score()).isNotNull();
        assertThat(overlaps).isEmpty();
    }

    @Test
    void aChangeOnTheOtherServerReachesTheJobWhereItSolves() throws Exception {
        Solving job = solvingOnOneOfTwo();
        List<JobEvent> heard = new CopyOnWriteArrayList<>();
        JobService.Subscription stream = job.solver().subscribe(Caller.ANYONE, job.id(), heard::add);

        JobView changed = job.other().change(Caller.ANYONE, job.id(), Set.of(0L), Json.MAPPER.readTree(
                "[{\"op\": \"replace\", \"path\": \"/hospitals/0/demands/0/quantity\", \"value\": 1}]"));

        assertThat(changed.problemRevision()).isEqualTo(1);
        while (job.solver().bestPlan(Caller.ANYONE, job.id()).problemRevision() != 1) { // taken at the next renewal
            Thread.sleep(20);
        }
        ProblemFile problem = job.solver().revisedProblem(Caller.ANYONE, job.id()).problem();
        assertThat(problem.hospitals().get(0).demands().get(0).quantity()).isEqualTo(1);
        while (!Boolean.TRUE.equals(warmStarts.get(job.id()))) { // goes on from its best plan
            Thread.sleep(20);
        }
        assertThat(heard).anyMatch(event -> event.kind() == JobEvent.Kind.CHANGE);
        stream.close();
        assertThatThrownBy(() -> job.other().change(Caller.ANYONE, job.id(), Set.of(0L), Json.MAPPER.readTree("[]")))
                .isInstanceOf(ChangeRefusedException.class).hasMessageContaining("revision 1");
        assertThat(overlaps).isEmpty();
    }

    @Test
    void aServerThatStopsRenewingLosesItsJobToTheOtherWhichResumesItFromItsCheckpoint() throws Exception {
        AtomicBoolean cutOff = new AtomicBoolean();
        JobStore storeA = TestPostgres.open(database);
        JobService a = server("node-a", cuttable(storeA, cutOff), 4);
        String id = submit(a).id();
        awaitStatus(a, id, JobStatus.SOLVING);
        while (storeA.checkpoint(id).isEmpty()) {
            Thread.sleep(20);
        }
        JobService b = server("node-b");
        assertThat(b.get(Caller.ANYONE, id).node()).isEqualTo("node-a");

        cutOff.set(true); // node-a loses the database: it can no longer renew its lease
        while (!"node-b".equals(b.get(Caller.ANYONE, id).node())) {
            Thread.sleep(20);
        }
        JobView taken = awaitStatus(b, id, JobStatus.SOLVING);
        assertThat(taken.restarts()).isEqualTo(1);
        while (!"node-b".equals(solvingOn.get(id))) { // node-b's solver starts
            Thread.sleep(20);
        }
        assertThat(warmStarts.get(id)).as("resumed from the checkpoint").isTrue();

        release.set(true);
        JobView done = awaitStatus(b, id, JobStatus.DONE);
        assertThat(done.node()).isEqualTo("node-b");
        assertThat(done.restarts()).isEqualTo(1);
        assertThat(overlaps).as("never solved on both servers at once").isEmpty();
    }

    @Test
    void aServerWhoseClockRunsMinutesAheadCannotTakeAJobWhoseLeaseHolds() throws Exception {
        Duration lease = Duration.ofSeconds(2);
        JobService a = server("node-a", TestPostgres.open(database), 4, lease);
        String id = submit(a).id();
        awaitStatus(a, id, JobStatus.SOLVING);
        Clock tenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        JobService ahead = server("node-ahead", TestPostgres.open(database), 4, lease, tenMinutesAhead);

        // by node-ahead's clock node-a's lease ran out minutes ago; it polls for claims every 100 ms meanwhile
        Thread.sleep(lease.multipliedBy(2).toMillis());
        JobView still = ahead.get(Caller.ANYONE, id);
        assertThat(still.node()).isEqualTo("node-a");
        assertThat(still.restarts()).isZero();
        assertThat(solvingOn.get(id)).isEqualTo("node-a");

        release.set(true);
        JobView done = awaitStatus(ahead, id, JobStatus.DONE);
        assertThat(done.node()).isEqualTo("node-a");
        assertThat(done.restarts()).isZero();
        assertThat(overlaps).isEmpty();
    }

    @Test
    void aServerThatShutsDownGivesItsJobBackForTheOtherToResume() throws Exception {
        Duration longLease = Duration.ofHours(1); // only a given-back job can move
        JobService a = server("node-a", TestPostgres.open(database), 4, longLease);
        String id = submit(a).id();
        awaitStatus(a, id, JobStatus.SOLVING);
        while (a.get(Caller.ANYONE, id).score() == null) {
            Thread.sleep(20);
        }
        JobService b = server("node-b", TestPostgres.open(database), 4, longLease);
        assertThat(a.shutdown()).isEqualTo(1);

        JobView taken = awaitStatus(b, id, JobStatus.SOLVING);
        assertThat(taken.node()).isEqualTo("node-b");
        assertThat(taken.restarts()).isEqualTo(1);
        while (!"node-b".equals(solvingOn.get(id))) {
            Thread.sleep(20);
        }
        assertThat(warmStarts.get(id)).as("resumed from the checkpoint").isTrue();
        release.set(true);
        assertThat(awaitStatus(b, id, JobStatus.DONE).restarts()).isEqualTo(1);
    }

    /** The store, which fails (but closes) once {@code cutOff} is set. */
    private static JobStore cuttable(JobStore store, AtomicBoolean cutOff) {
        return (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class},
                (proxy, method, arguments) -> {
                    if (cutOff.get() && !method.getName().equals("close")) {
                        throw new StoreException(method.getName(), new IOException("cut off"));
                    }
                    try {
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theQueueLimitCountsTheJobsQueuedOnBothServers() throws Exception {
        JobService a = server("node-a", TestPostgres.open(database), 2);
        JobService b = server("node-b", TestPostgres.open(database), 2);
        String first = submit(a).id();
        String second = submit(b).id();
        awaitStatus(a, first, JobStatus.SOLVING);
        awaitStatus(a, second, JobStatus.SOLVING); // one on each server: both solvers busy
        JobView queuedOnA = submit(a);
        JobView queuedOnB = submit(b);
        assertThat(a.get(Caller.ANYONE, queuedOnB.id()).status()).isEqualTo(JobStatus.QUEUED);

        assertThatThrownBy(() -> submit(a)).isInstanceOf(OverloadedException.class);
        assertThatThrownBy(() -> submit(b)).isInstanceOf(OverloadedException.class);
        assertThat(a.jobCount(Caller.ANYONE)).isEqualTo(4);

        assertThat(b.cancel(Caller.ANYONE, queuedOnA.id()).job().status()).as("a queued job ends at once")
                .isEqualTo(JobStatus.CANCELLED);
        assertThat(submit(a).status()).as("room again").isEqualTo(JobStatus.QUEUED);
        release.set(true);
        for (String id : List.of(first, second, queuedOnB.id())) {
            awaitStatus(b, id, JobStatus.DONE);
        }
        assertThat(overlaps).isEmpty();
    }
}
