// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;

/**
 * Runs solve jobs: admission control (at most {@code parallelSolvers} solving and {@code maxQueuedJobs}
 * waiting, beyond that {@link OverloadedException}), one solver thread per running job, cancellation,
 * failure isolation (anything thrown by a solve, {@link Error}s included, ends that job FAILED only),
 * bounded retention of finished jobs, listeners for live updates, and an orderly shutdown.
 * The job table is the only source of truth for a job's status.
 */
public final class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final String SOLVER_FAILED = "urn:medsupply:problem:solver-failed";

    /**
     * What a DELETE did.
     *
     * @param stopping true when a running solve was asked to stop (it ends CANCELLED shortly);
     *                 false when the job was queued (now CANCELLED) or already final
     */
    public record CancelOutcome(JobView job, boolean stopping) {
    }

    /** Liveness and readiness figures. */
    public record Health(String status, boolean acceptingJobs, int solving, int queued, int solverSlots,
            int queueCapacity, int retainedJobs, int eventStreams) {
    }

    /** A live subscription to a job's events; close it to stop hearing them. */
    public interface Subscription extends AutoCloseable {

        /** The job when the subscription started. */
        JobView initial();

        @Override
        void close();
    }

    private final ServiceConfig config;
    private final JobSolver solver;
    private final Clock clock;
    private final InputLimits limits;
    private final ScoreExplainer explainer = new ScoreExplainer();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger eventStreams = new AtomicInteger();
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService janitor;
    private volatile boolean shuttingDown;

    private final Counter submitted;
    private final Counter rejected;
    private final MeterRegistry registry;

    /** @param solver how a job is solved ({@link OptaPlannerJobSolver} in production) */
    public JobService(ServiceConfig config, JobSolver solver, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.solver = solver;
        this.clock = clock;
        this.registry = registry;
        this.limits = new InputLimits(config);
        this.executor = new ThreadPoolExecutor(config.parallelSolvers(), config.parallelSolvers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("medsupply-solver-"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("medsupply-janitor-"));
        long sweepMillis = Math.max(1_000, Math.min(60_000, config.retention().toMillis() / 4));
        janitor.scheduleWithFixedDelay(this::evict, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);

        this.submitted = registry.counter("medsupply.jobs.submitted");
        this.rejected = registry.counter("medsupply.jobs.rejected");
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("medsupply.jobs", this, service -> service.count(status))
                    .description("Jobs in the job table by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("medsupply.queue.depth", this, service -> service.count(JobStatus.QUEUED))
                .description("Jobs waiting for a solver").register(registry);
        Gauge.builder("medsupply.queue.capacity", config, c -> c.maxQueuedJobs()).register(registry);
        Gauge.builder("medsupply.solvers.busy", this, service -> service.count(JobStatus.SOLVING)).register(registry);
        Gauge.builder("medsupply.solvers.slots", config, c -> c.parallelSolvers()).register(registry);
    }

    public static JobService withOptaPlanner(ServiceConfig config, MeterRegistry registry) {
        return new JobService(config, new OptaPlannerJobSolver(), registry, Clock.systemUTC());
    }

    public ServiceConfig config() {
        return config;
    }

    /** Checks JSON text against the size limits; see {@link InputLimits#checkJson}. */
    public void checkJson(String json) throws InvalidInputException {
        limits.checkJson(json);
    }

    /** Checks a problem's size against the limits; see {@link InputLimits#checkProblem}. */
    public void checkProblemSize(ProblemFile problem) throws InvalidInputException {
        limits.checkProblem(problem);
    }

    /**
     * Queues a solve of a problem that {@code ProblemReader} accepted.
     *
     * @param timeLimit solve time, within {@link ServiceConfig#maxTimeLimit()}
     * @param seed      random seed, or {@code null}
     */
    public JobView submit(ProblemFile problem, Duration timeLimit, Long seed)
            throws InvalidInputException, OverloadedException {
        if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(config.maxTimeLimit()) > 0) {
            throw new IllegalArgumentException("time limit out of range: " + timeLimit);
        }
        limits.checkProblem(problem);
        admit();
        Job job;
        try {
            DispatchSolution model = ProblemMapper.toSolution(problem);
            job = new Job(UUID.randomUUID().toString(), sequence.incrementAndGet(), clock.instant(), timeLimit, seed,
                    problem, model);
            job.task = () -> run(job);
            jobs.put(job.id, job);
            try {
                executor.execute(job.task);
            } catch (RejectedExecutionException stopped) {
                jobs.remove(job.id);
                admitted.decrementAndGet();
                throw overloaded();
            }
        } catch (RuntimeException | Error e) {
            admitted.decrementAndGet();
            throw e;
        }
        submitted.increment();
        LOG.info("job {}: queued ({} hospitals, {} vehicles, limit {})", job.id, job.counts.hospitals(),
                job.counts.vehicles(), timeLimit);
        evict();
        return job.view();
    }

    /**
     * Refuses early, before a request body is even read, when no slot is free now; {@link #submit}
     * still makes the binding check.
     */
    public void checkCapacity() throws OverloadedException {
        if (shuttingDown || admitted.get() >= config.parallelSolvers() + config.maxQueuedJobs()) {
            rejected.increment();
            throw overloaded();
        }
    }

    private OverloadedException overloaded() {
        return shuttingDown ? new OverloadedException("the server is shutting down", config.retryAfter())
                : new OverloadedException("all " + config.parallelSolvers() + " solvers are busy and "
                        + config.maxQueuedJobs() + " jobs are waiting", expectedWait());
    }

    /**
     * How long until a submission may be admitted: until the first solving job ends by its time limit (queued
     * ones end after it), in whole seconds rounded up; a bound, as a solve that stops improving ends sooner.
     */
    private Duration expectedWait() {
        Instant now = clock.instant();
        long millis = jobs.values().stream().map(job -> job.solveTimeLeft(now)).filter(Objects::nonNull)
                .mapToLong(Duration::toMillis).min().orElse(config.retryAfter().toMillis());
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    private void admit() throws OverloadedException {
        int capacity = config.parallelSolvers() + config.maxQueuedJobs();
        while (true) {
            int current = admitted.get();
            if (shuttingDown || current >= capacity) {
                rejected.increment();
                throw overloaded();
            }
            if (admitted.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }

    private void run(Job job) {
        DispatchSolution problem = job.start(clock.instant());
        if (problem == null) {
            admitted.decrementAndGet();
            return;
        }
        long startNanos = System.nanoTime();
        JobStatus outcome = JobStatus.FAILED;
        try {
            LOG.info("job {}: solving", job.id);
            DispatchSolution best = solver.solve(new JobSolver.SolveRequest(job.id, problem, job.timeLimit, job.seed,
                    job.cancellation, solution -> job.offerBest(solution, PlanWriter.toPlan(solution))));
            if (best != null && !job.hasBest(best)) {
                job.offerBest(best, PlanWriter.toPlan(best));
            }
            outcome = job.cancellation.isRequested() ? JobStatus.CANCELLED : JobStatus.DONE;
            job.end(outcome, clock.instant(), null);
            LOG.info("job {}: {} with score {}", job.id, outcome, job.view().score());
        } catch (Throwable failure) {
            String reference = UUID.randomUUID().toString();
            LOG.error("job {}: solving failed (reference {})", job.id, reference, failure);
            job.end(JobStatus.FAILED, clock.instant(), new JobView.Failure(SOLVER_FAILED, "Solving failed", 500,
                    "The solver stopped with an internal error (reference " + reference + "). "
                            + "The best plan found before it, if any, is still available."));
        } finally {
            admitted.decrementAndGet();
            Timer.builder("medsupply.solve.duration").description("Wall-clock time of solves")
                    .tag("status", outcome.name()).register(registry)
                    .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            registry.counter("medsupply.jobs.ended", "status", outcome.name()).increment();
        }
    }

    public JobView get(String id) throws JobNotFoundException {
        return find(id).view();
    }

    /** Jobs, newest first. */
    public List<JobView> list(int limit, int offset) {
        return jobs.values().stream().sorted(Comparator.comparingLong((Job job) -> job.sequence).reversed())
                .skip(offset).limit(limit).map(Job::view).toList();
    }

    public int jobCount() {
        return jobs.size();
    }

    /** Stops a job: a queued one is cancelled at once, a solving one is asked to stop and keeps its best plan. */
    public CancelOutcome cancel(String id) throws JobNotFoundException {
        Job job = find(id);
        JobStatus status = job.status();
        if (status.isFinal()) {
            return new CancelOutcome(job.view(), false);
        }
        if (status == JobStatus.QUEUED && job.end(JobStatus.CANCELLED, clock.instant(), null)) {
            if (executor.remove(job.task)) {
                admitted.decrementAndGet();
            }
            registry.counter("medsupply.jobs.ended", "status", JobStatus.CANCELLED.name()).increment();
            LOG.info("job {}: cancelled while queued", job.id);
            return new CancelOutcome(job.view(), false);
        }
        job.cancellation.request();
        LOG.info("job {}: stop requested", job.id);
        JobView view = job.view();
        return new CancelOutcome(view, !view.status().isFinal());
    }

    /** The best plan so far. */
    public PlanFile bestPlan(String id) throws JobNotFoundException, NoPlanYetException {
        Job job = find(id);
        Job.Best best = job.best();
        if (best == null) {
            throw new NoPlanYetException(id, job.status());
        }
        return best.plan();
    }

    /** The problem the job solves, as submitted. */
    public ProblemFile problem(String id) throws JobNotFoundException {
        return find(id).problemFile;
    }

    /** Score per constraint and shortfalls per hospital of the best plan so far. */
    public Explanation explain(String id) throws JobNotFoundException, NoPlanYetException {
        Job job = find(id);
        if (job.best() == null) {
            throw new NoPlanYetException(id, job.status());
        }
        return job.explanation(best -> explainer.explain(job.id, job.problemFile, best.solution(), best.plan()));
    }

    /**
     * Starts listening to a job. For a final job nothing is registered and the initial view is all
     * there is.
     */
    public Subscription subscribe(String id, JobListener listener) throws JobNotFoundException, OverloadedException {
        Job job = find(id);
        if (eventStreams.incrementAndGet() > config.maxEventStreams()) {
            eventStreams.decrementAndGet();
            throw new OverloadedException("too many open event streams", config.retryAfter());
        }
        JobView initial = job.listen(listener);
        return new Subscription() {
            private final AtomicBoolean closed = new AtomicBoolean();

            @Override
            public JobView initial() {
                return initial;
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    job.unlisten(listener);
                    eventStreams.decrementAndGet();
                }
            }
        };
    }

    public Health health() {
        return new Health(shuttingDown ? "SHUTTING_DOWN" : "UP",
                !shuttingDown && admitted.get() < config.parallelSolvers() + config.maxQueuedJobs(),
                count(JobStatus.SOLVING), count(JobStatus.QUEUED), config.parallelSolvers(), config.maxQueuedJobs(),
                jobs.size(), eventStreams.get());
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    private int count(JobStatus status) {
        return (int) jobs.values().stream().filter(job -> job.status() == status).count();
    }

    /** The job with this id; UUIDs are case-insensitive (RFC 9562), ours are written in lower case. */
    private Job find(String id) throws JobNotFoundException {
        Job job = id == null ? null : jobs.get(id.toLowerCase(Locale.ROOT));
        if (job == null) {
            throw new JobNotFoundException(id);
        }
        return job;
    }

    /** Drops finished jobs past their retention, then the oldest finished ones beyond the count limit. */
    void evict() {
        Instant cutoff = clock.instant().minus(config.retention());
        jobs.values().removeIf(job -> {
            Instant ended = job.endedAt();
            return ended != null && ended.isBefore(cutoff);
        });
        int excess = jobs.size() - config.maxRetainedJobs();
        if (excess > 0) {
            jobs.values().stream().filter(job -> job.endedAt() != null)
                    .sorted(Comparator.comparing(Job::endedAt)).limit(excess).toList()
                    .forEach(job -> jobs.remove(job.id));
        }
    }

    /**
     * Stops taking jobs, cancels every queued and running one (running ones keep their best plan),
     * and waits up to the configured grace for solvers to finish.
     *
     * @return how many jobs this call stopped
     */
    public int shutdown() {
        shuttingDown = true;
        List<Job> open = new ArrayList<>(jobs.values());
        open.sort(Comparator.comparingLong((Job job) -> job.sequence));
        int stopped = 0;
        for (Job job : open) {
            if (!job.status().isFinal()) {
                try {
                    cancel(job.id);
                    stopped++;
                } catch (JobNotFoundException evicted) {
                    // evicted meanwhile: nothing left to stop
                }
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("solvers still running after {}; interrupting them", config.shutdownGrace());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        janitor.shutdownNow();
        return stopped;
    }

    @Override
    public void close() {
        shutdown();
    }
}
