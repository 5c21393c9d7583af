// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.store.Checkpoint;
import org.medsupply.store.JobRecord;
import org.medsupply.store.JobStore;
import org.medsupply.store.NewJob;
import org.medsupply.store.Outcome;
import org.medsupply.store.QueueFullException;
import org.medsupply.store.StoreException;

/**
 * Runs solve jobs kept in a {@link JobStore}: admission control (at most {@code parallelSolvers} solving
 * and {@code maxQueuedJobs} waiting, beyond that {@link OverloadedException}), one solver thread per
 * running job, cancellation, failure isolation (anything thrown by a solve, {@link Error}s included, ends
 * that job FAILED only), throttled checkpoints of each best plan, retention, listeners for live updates,
 * and an orderly shutdown. A job is acknowledged only once stored; queued and interrupted jobs found in
 * the store at start-up run again, interrupted ones from their checkpoint. The store is the source of
 * truth for every job; queued and solving jobs of this server also have live state in memory.
 *
 * <p>On a store that several servers share ({@link JobStore#isShared()}), a server does not run the jobs
 * it accepts: free solvers on any server claim the oldest queued ones and hold them by a lease, renewed at
 * every poll (see {@link Durability}). A server that stops renewing loses its jobs to another, which resumes
 * them from their checkpoint; the claim token fences the first one's writes off. The queue limit counts the
 * jobs queued in the store, and jobs solved elsewhere are cancelled and followed through the store.
 */
public final class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final String SOLVER_FAILED = "urn:medsupply:problem:solver-failed";
    /** How long an {@code Idempotency-Key} names the job it first created. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * What a DELETE did.
     *
     * @param stopping true when a running solve was asked to stop (it ends CANCELLED shortly);
     *                 false when the job was queued (now CANCELLED) or already final
     */
    public record CancelOutcome(JobView job, boolean stopping) {
    }

    /**
     * What a submission did.
     *
     * @param created false when an {@code Idempotency-Key} named an earlier job, which {@code job} is
     */
    public record Submitted(JobView job, boolean created) {
    }

    /**
     * An {@code Idempotency-Key} with the hash of its request.
     *
     * @param requestHash any text that is equal exactly for equal requests (body and parameters)
     */
    public record IdempotencyKey(String key, String requestHash) {
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
    private final JobStore store;
    private final Durability durability;
    private final JobSolver solver;
    private final Clock clock;
    private final InputLimits limits;
    private final ScoreExplainer explainer = new ScoreExplainer();
    /** Queued and solving jobs of this server. */
    private final Map<String, Job> active = new ConcurrentHashMap<>();
    private final Admission admission;
    private final AtomicInteger eventStreams = new AtomicInteger();
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService janitor;
    /** Whether jobs are claimed from a store shared with other servers. */
    private final boolean shared;
    /** Event-stream listeners to jobs this server does not solve, told what the store shows at each poll. */
    private final Map<JobListener, StoreWatch> watches = new ConcurrentHashMap<>();

    private final Counter submitted;
    private final MeterRegistry registry;

    /**
     * Starts the service on a store, queuing again the jobs it holds that have not ended.
     *
     * @param store  owned from now on: {@link #close()} closes it
     * @param solver how a job is solved ({@link OptaPlannerJobSolver} in production)
     */
    public JobService(ServiceConfig config, JobStore store, Durability durability, JobSolver solver,
            MeterRegistry registry, Clock clock) {
        this.config = config;
        this.store = store;
        this.durability = durability;
        this.solver = solver;
        this.clock = clock;
        this.registry = registry;
        this.limits = new InputLimits(config);
        this.admission = new Admission(config, registry, this::expectedWait);
        this.executor = new ThreadPoolExecutor(config.parallelSolvers(), config.parallelSolvers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("medsupply-solver-"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("medsupply-janitor-"));
        this.shared = store.isShared();
        long sweepMillis = Math.max(1_000, Math.min(60_000, config.retention().toMillis() / 4));
        janitor.scheduleWithFixedDelay(this::evictQuietly, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        long checkpointMillis = durability.checkpointInterval().toMillis();
        janitor.scheduleWithFixedDelay(this::checkpointAll, checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);

        this.submitted = registry.counter("medsupply.jobs.submitted");
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("medsupply.jobs", this, service -> service.storedCount(status))
                    .description("Stored jobs by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("medsupply.queue.depth", this, service -> service.count(JobStatus.QUEUED))
                .description("Jobs waiting for a solver").register(registry);
        Gauge.builder("medsupply.queue.capacity", config, c -> c.maxQueuedJobs()).register(registry);
        Gauge.builder("medsupply.solvers.busy", this, service -> service.count(JobStatus.SOLVING)).register(registry);
        Gauge.builder("medsupply.solvers.slots", config, c -> c.parallelSolvers()).register(registry);
        if (shared) {
            long pollMillis = durability.pollInterval().toMillis();
            janitor.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
        } else {
            resume();
        }
    }

    public static JobService withOptaPlanner(ServiceConfig config, JobStore store, Durability durability,
            MeterRegistry registry) {
        return new JobService(config, store, durability, new OptaPlannerJobSolver(), registry, Clock.systemUTC());
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
     * Queues again what the store holds unfinished: queued jobs, and interrupted ones from their
     * checkpoint. A job that cannot be read back ends FAILED rather than keeping the server from starting.
     */
    private void resume() {
        List<String> queued = store.recover(clock.instant());
        for (String id : queued) {
            Job job = load(id, null);
            if (job != null) {
                admission.readmit();
                enqueue(job);
                LOG.info("job {}: queued again after a restart ({} restarts{})", id, job.restarts,
                        job.warm ? ", from its checkpoint" : "");
            }
        }
    }

    /**
     * Reads a stored job back to solve it, from its checkpoint if it has one; a job that cannot be read
     * ends FAILED (if {@code claim}, nullable, still holds it) and gives {@code null}.
     */
    private Job load(String id, String claim) {
        try {
            JobRecord record = store.find(id).orElseThrow();
            ProblemFile problem = readJson(store.problemJson(id).orElseThrow(), ProblemFile.class);
            return restore(record, problem, store.checkpoint(id).orElse(null));
        } catch (RuntimeException unreadable) {
            String reference = UUID.randomUUID().toString();
            LOG.error("job {}: cannot be resumed (reference {})", id, reference, unreadable);
            store.finish(id, null, claim, new Outcome(JobStatus.FAILED.name(), clock.instant(), null, null,
                    writeJson(new JobView.Failure(SOLVER_FAILED, "Cannot resume", 500,
                            "The stored job could not be read back after a restart (reference " + reference
                                    + ")."))));
            return null;
        }
    }

    /** One round on a shared store: renew this server's claims, claim jobs for free solvers, tell watchers. */
    private void poll() {
        try {
            renewClaims();
            claimJobs();
            tellWatchers();
        } catch (RuntimeException e) {
            LOG.warn("polling the shared store failed; retried at the next poll", e);
        }
    }

    /**
     * Extends the lease of every job this server solves, and stops those asked to stop on any server. A job
     * whose claim was lost, or whose lease would run out before two more renewals, is stopped: another
     * server may take it over once the lease has run out, and by then this one has stopped solving it.
     */
    private void renewClaims() {
        for (Job job : active.values()) {
            if (job.claim == null || job.letGo) {
                continue;
            }
            Instant now = clock.instant();
            Optional<Boolean> held;
            try {
                held = store.renew(job.id, job.claim, now.plus(durability.lease()));
            } catch (RuntimeException e) {
                if (now.plus(durability.pollInterval().multipliedBy(2)).isBefore(job.leaseUntil)) {
                    LOG.warn("job {}: lease not renewed, retried at the next poll", job.id, e);
                    continue;
                }
                held = Optional.empty();
            }
            if (held.isEmpty()) {
                lose(job);
            } else {
                job.leaseUntil = now.plus(durability.lease());
                if (held.get() && !job.cancellation.isRequested()) {
                    job.cancelByUser();
                    job.cancellation.request();
                    LOG.info("job {}: stop requested on another server", job.id);
                }
            }
        }
    }

    private void lose(Job job) {
        LOG.warn("job {}: lease lost; stops solving here, another server resumes it", job.id);
        job.letGo = true;
        job.lost = true;
        job.cancellation.request();
    }

    /** Claims the oldest queued jobs while this server has a free solver. */
    private synchronized void claimJobs() {
        while (!admission.isClosed() && active.size() < config.parallelSolvers()) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(durability.lease());
            Optional<String> claimed = store.claim(durability.node(), token, now, leaseUntil);
            if (claimed.isEmpty()) {
                return;
            }
            Job job = load(claimed.get(), token);
            if (job != null) {
                job.claim = token;
                job.leaseUntil = leaseUntil;
                admission.readmit();
                enqueue(job);
                LOG.info("job {}: claimed ({} restarts{})", job.id, job.restarts,
                        job.warm ? ", from its checkpoint" : "");
            }
        }
    }

    private void claimSoon() {
        try {
            janitor.execute(this::poll);
        } catch (RejectedExecutionException shuttingDown) {
            // claims stop with the server; the jobs stay queued for the others
        }
    }

    /** A listener to a job solved elsewhere, with what it was last told. */
    private static final class StoreWatch {
        final String id;
        final JobListener listener;
        JobView told;

        StoreWatch(String id, JobListener listener, JobView told) {
            this.id = id;
            this.listener = listener;
            this.told = told;
        }
    }

    /** Tells each watcher what changed in the store since it was last told: a new best, a new status. */
    private void tellWatchers() {
        for (StoreWatch watch : watches.values()) {
            JobView now = store.find(watch.id).map(this::view).orElse(null);
            if (now == null) { // deleted by retention
                watches.remove(watch.listener);
                continue;
            }
            JobView before = watch.told;
            watch.told = now;
            if (!Objects.equals(now.score(), before.score())) {
                watch.listener.onEvent(new JobEvent(JobEvent.Kind.BEST, now));
            }
            if (now.status() != before.status() || now.restarts() != before.restarts()
                    || !Objects.equals(now.node(), before.node())) {
                watch.listener.onEvent(new JobEvent(JobEvent.Kind.STATUS, now));
            }
            if (now.status().isFinal()) {
                watches.remove(watch.listener);
            }
        }
    }

    private Job restore(JobRecord record, ProblemFile problem, Checkpoint checkpoint) {
        DispatchSolution toSolve = null;
        Job.Best best = null;
        if (checkpoint != null && checkpoint.assignmentJson() != null) {
            try {
                DispatchSolution planned = Assignment.read(problem, checkpoint.assignmentJson());
                explainer.score(planned);
                best = new Job.Best(0, planned, PlanWriter.toPlan(planned), true);
                toSolve = new DispatchSolutionCloner().cloneSolution(planned);
            } catch (IllegalArgumentException unusable) {
                LOG.warn("job {}: checkpoint does not fit its problem ({}); solving from scratch", record.id(),
                        unusable.getMessage());
            }
        }
        boolean warm = toSolve != null;
        if (!warm) {
            toSolve = ProblemMapper.toSolution(problem);
        }
        return new Job(record.id(), record.owner(), record.submittedAt(), record.timeLimit(),
                record.seed(), problem, readJson(record.countsJson(), JobView.Counts.class), record.restarts(), toSolve,
                warm, new Job.Restored(record.startedAt(), record.node(), best));
    }

    /**
     * Queues a solve of a problem that {@code ProblemReader} accepted, and returns once it is stored.
     *
     * @param timeLimit   solve time, within {@link ServiceConfig#maxTimeLimit()}
     * @param seed        random seed, or {@code null}
     * @param idempotency {@code null} without an {@code Idempotency-Key}
     * @throws IdempotencyConflictException when the key named an earlier, different request
     * @throws OverloadedException          when full or shutting down
     * @throws StoreException               when the store cannot take the job (nothing was acknowledged)
     */
    public Submitted submit(Caller caller, ProblemFile problem, Duration timeLimit, Long seed,
            IdempotencyKey idempotency) throws InvalidInputException, OverloadedException, JobNotFoundException,
            IdempotencyConflictException {
        if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(config.maxTimeLimit()) > 0) {
            throw new IllegalArgumentException("time limit out of range: " + timeLimit);
        }
        limits.checkProblem(problem);
        JobStore.Idempotency key = idempotency == null ? null : new JobStore.Idempotency(
                caller.owner() == null ? "" : caller.owner(), idempotency.key(), idempotency.requestHash(),
                clock.instant().minus(IDEMPOTENCY_WINDOW));
        Optional<JobStore.Earlier> earlier = key == null ? Optional.empty() : store.findIdempotent(key);
        if (earlier.isPresent()) {
            return repeated(caller, earlier.get());
        }
        // on a shared store the binding limit is the store's queue, counted as the job is inserted
        if (shared) {
            admission.check();
        } else {
            admission.admit();
        }
        Job job;
        try {
            DispatchSolution model = ProblemMapper.toSolution(problem);
            job = new Job(UUID.randomUUID().toString(), caller.owner(), clock.instant(), timeLimit, seed, problem,
                    Job.counts(model), 0, model, false, null);
            NewJob row = new NewJob(job.id, job.owner, job.submittedAt, timeLimit, seed, problem.name(),
                    writeJson(job.counts), writeJson(problem));
            earlier = store.insert(row, key, shared ? config.maxQueuedJobs() : Integer.MAX_VALUE);
        } catch (QueueFullException full) {
            throw new OverloadedException(config.maxQueuedJobs() + " jobs are waiting for a solver on the servers "
                    + "sharing the store", config.retryAfter());
        } catch (RuntimeException | Error e) {
            releaseLocal();
            throw e;
        }
        if (earlier.isPresent()) { // the same key won a race with this request
            releaseLocal();
            return repeated(caller, earlier.get());
        }
        if (shared) {
            claimSoon();
        } else {
            enqueue(job);
        }
        submitted.increment();
        LOG.info("job {}: queued ({} hospitals, {} vehicles, limit {})", job.id, job.counts.hospitals(),
                job.counts.vehicles(), timeLimit);
        evictQuietly();
        return new Submitted(job.view(), true);
    }

    /** Gives back the slot a submission took on a store this server has alone. */
    private void releaseLocal() {
        if (!shared) {
            admission.release();
        }
    }

    private Submitted repeated(Caller caller, JobStore.Earlier earlier)
            throws JobNotFoundException, IdempotencyConflictException {
        if (!earlier.sameRequest()) {
            throw new IdempotencyConflictException();
        }
        return new Submitted(get(caller, earlier.jobId()), false);
    }

    private void enqueue(Job job) {
        job.task = () -> run(job);
        active.put(job.id, job);
        try {
            executor.execute(job.task);
        } catch (RejectedExecutionException stopped) {
            // only while shutting down: the job stays queued in the store and runs after the restart
            active.remove(job.id);
            admission.release();
            releaseClaim(job);
        }
    }

    /**
     * Refuses early, before a request body is even read, when no slot is free now; {@link #submit}
     * still makes the binding check.
     */
    public void checkCapacity() throws OverloadedException {
        admission.check();
    }

    private void run(Job job) {
        DispatchSolution problem = job.start(clock.instant(), durability.node());
        if (problem == null) {
            admission.release();
            return;
        }
        long startNanos = System.nanoTime();
        JobStatus outcome = null; // stays null unless the job ends here
        try {
            // a claimed job is SOLVING in the store already
            if (job.claim == null && !store.start(job.id, durability.node(), clock.instant())) {
                LOG.info("job {}: no longer queued in the store; not solving it", job.id);
                return;
            }
            LOG.info("job {}: solving{}", job.id, job.warm ? " from its checkpoint" : "");
            DispatchSolution best = solver.solve(new JobSolver.SolveRequest(job.id, problem, job.warm, job.timeLimit,
                    job.seed, job.cancellation, solution -> job.offerBest(solution, PlanWriter.toPlan(solution), true)));
            if (job.lost) {
                handOver(job);
                return;
            }
            if (admission.isClosed() && !job.isCancelledByUser()) {
                checkpoint(job);
                releaseClaim(job);
                LOG.info("job {}: interrupted by shutdown; resumes from its checkpoint at the next start", job.id);
                return;
            }
            if (best != null && !job.hasBest(best)) {
                job.offerBest(best, PlanWriter.toPlan(best), false);
            }
            JobStatus ending = job.cancellation.isRequested() ? JobStatus.CANCELLED : JobStatus.DONE;
            if (finish(job, ending, null)) {
                outcome = ending;
                LOG.info("job {}: {} with score {}", job.id, outcome, job.view().score());
            }
        } catch (Throwable failure) {
            String reference = UUID.randomUUID().toString();
            LOG.error("job {}: solving failed (reference {})", job.id, reference, failure);
            outcome = finish(job, JobStatus.FAILED, new JobView.Failure(SOLVER_FAILED, "Solving failed", 500,
                    "The solver stopped with an internal error (reference " + reference + "). "
                            + "The best plan found before it, if any, is still available.")) ? JobStatus.FAILED : null;
        } finally {
            active.remove(job.id);
            admission.release();
            if (shared) {
                claimSoon(); // a solver is free
            }
            if (outcome != null) {
                Timer.builder("medsupply.solve.duration").description("Wall-clock time of solves")
                        .tag("status", outcome.name()).register(registry)
                        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
                registry.counter("medsupply.jobs.ended", "status", outcome.name()).increment();
            }
        }
    }

    /**
     * Stores the final status with the best plan and its explanation, then tells listeners. If the
     * store fails the job stays unfinished there and runs again after a restart.
     *
     * @return false when the store refused it: another server holds the job's claim now
     */
    private boolean finish(Job job, JobStatus status, JobView.Failure failure) {
        Instant now = clock.instant();
        Job.Best best = job.best();
        try {
            Checkpoint plan = null;
            String explanation = null;
            if (best != null) {
                plan = new Checkpoint(best.plan().score(), Boolean.TRUE.equals(best.plan().feasible()),
                        writeJson(best.plan()), writeJson(best.plan().kpis()), null, now);
                explanation = writeJson(explanation(job));
            }
            job.letGo = true; // a claim that ends with the job is not renewed
            if (!store.finish(job.id, null, job.claim, new Outcome(status.name(), now, plan, explanation,
                    failure == null ? null : writeJson(failure))) && job.claim != null) {
                handOver(job);
                return false;
            }
        } catch (RuntimeException e) {
            LOG.error("job {}: the final status could not be stored; it runs again after a restart", job.id, e);
        }
        job.end(status, now, failure);
        return true;
    }

    /**
     * After this server lost a job's claim: its event streams go on following the job through the store,
     * where the server that took it over writes.
     */
    private void handOver(Job job) {
        LOG.info("job {}: handed over to the server that holds its claim now", job.id);
        JobView last = job.view();
        for (JobListener listener : job.takeListeners()) {
            watches.put(listener, new StoreWatch(job.id, listener, last));
        }
    }

    /** Gives a claimed job back to the queue for any server, e.g. when this one stops. */
    private void releaseClaim(Job job) {
        if (job.claim == null) {
            return;
        }
        job.letGo = true;
        try {
            store.release(job.id, job.claim);
        } catch (RuntimeException e) {
            LOG.warn("job {}: not given back; another server takes it once its lease runs out", job.id, e);
        }
    }

    /** Stores the newest resumable best of every solving job that changed since its last checkpoint. */
    private void checkpointAll() {
        for (Job job : active.values()) {
            if (job.status() == JobStatus.SOLVING) {
                checkpoint(job);
            }
        }
    }

    private void checkpoint(Job job) {
        Job.Best best = job.toCheckpoint();
        if (best == null) {
            return;
        }
        try {
            if (!store.saveCheckpoint(job.id, job.claim, new Checkpoint(best.plan().score(),
                    Boolean.TRUE.equals(best.plan().feasible()), writeJson(best.plan()), writeJson(best.plan().kpis()),
                    Assignment.write(best.solution()), clock.instant())) && job.claim != null) {
                lose(job); // fenced: another server holds the job now
                return;
            }
            job.checkpointed(best);
        } catch (RuntimeException e) {
            LOG.warn("job {}: checkpoint failed, retried at the next one", job.id, e);
        }
    }

    /**
     * How long until a submission may be admitted: until the first solving job ends by its time limit (queued
     * ones end after it), in whole seconds rounded up; a bound, as a solve that stops improving ends sooner.
     */
    private Duration expectedWait() {
        Instant now = clock.instant();
        long millis = active.values().stream().map(job -> job.solveTimeLeft(now)).filter(Objects::nonNull)
                .mapToLong(Duration::toMillis).min().orElse(config.retryAfter().toMillis());
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    /** Job ids are UUIDs, which compare case-insensitively (RFC 9562); ours are written in lower case. */
    private static String canonical(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    /** The job, if the caller may see it. */
    public JobView get(Caller caller, String anyCaseId) throws JobNotFoundException {
        String id = canonical(anyCaseId);
        Job job = active.get(id);
        if (job != null && caller.sees(job.owner)) {
            return job.view();
        }
        JobRecord record = visible(caller, id);
        return view(record);
    }

    private JobRecord visible(Caller caller, String id) throws JobNotFoundException {
        JobRecord record = id == null ? null : store.find(id).orElse(null);
        if (record == null || !caller.sees(record.owner())) {
            throw new JobNotFoundException(id);
        }
        return record;
    }

    private JobView view(JobRecord record) {
        Job live = active.get(record.id());
        if (live != null) {
            return live.view();
        }
        JobStatus status = JobStatus.valueOf(record.status());
        return new JobView(record.id(), status, record.score(), record.feasible(), Job.text(record.submittedAt()),
                Job.text(record.startedAt()), Job.text(record.endedAt()), record.timeLimit().toMillis() / 1000.0,
                record.seed(), record.problemName(), readJson(record.countsJson(), JobView.Counts.class),
                record.cancelRequested() && !status.isFinal(),
                record.errorJson() == null ? null : readJson(record.errorJson(), JobView.Failure.class),
                record.owner(), record.node(), record.restarts(),
                record.kpisJson() == null ? null : readJson(record.kpisJson(), PlanFile.KpisDto.class));
    }

    /** Jobs the caller may see, newest first. */
    public List<JobView> list(Caller caller, int limit, int offset) {
        String owner = caller.seesAll() ? null : caller.owner();
        return store.list(owner, limit, offset).stream().map(this::view).toList();
    }

    /** How many jobs the caller may see. */
    public int jobCount(Caller caller) {
        return store.count(caller.seesAll() ? null : caller.owner());
    }

    /** Stops a job: a queued one is cancelled at once, a solving one is asked to stop and keeps its best plan. */
    public CancelOutcome cancel(Caller caller, String anyCaseId) throws JobNotFoundException {
        String id = canonical(anyCaseId);
        JobRecord record = visible(caller, id);
        Job job = active.get(id);
        if (job == null) {
            return cancelInStore(record);
        }
        job.cancelByUser();
        if (job.status() == JobStatus.QUEUED
                && store.finish(id, JobStatus.QUEUED.name(), null,
                        new Outcome(JobStatus.CANCELLED.name(), clock.instant(), null, null, null))) {
            job.end(JobStatus.CANCELLED, clock.instant(), null);
            active.remove(id);
            if (executor.remove(job.task)) {
                admission.release();
            }
            registry.counter("medsupply.jobs.ended", "status", JobStatus.CANCELLED.name()).increment();
            LOG.info("job {}: cancelled while queued", id);
            return new CancelOutcome(job.view(), false);
        }
        store.requestCancel(id);
        job.cancellation.request();
        LOG.info("job {}: stop requested", id);
        JobView view = job.view();
        return new CancelOutcome(view, !view.status().isFinal());
    }

    /**
     * Stops a job this server does not run (on a shared store, queued or solved by another server, which
     * hears the stop at its next poll); a final job is left as it is.
     */
    private CancelOutcome cancelInStore(JobRecord record) {
        String id = record.id();
        if (JobStatus.QUEUED.name().equals(record.status()) && store.finish(id, JobStatus.QUEUED.name(), null,
                new Outcome(JobStatus.CANCELLED.name(), clock.instant(), null, null, null))) {
            registry.counter("medsupply.jobs.ended", "status", JobStatus.CANCELLED.name()).increment();
            LOG.info("job {}: cancelled while queued", id);
            return new CancelOutcome(view(store.find(id).orElse(record)), false);
        }
        if (store.requestCancel(id)) {
            LOG.info("job {}: stop requested for the server solving it", id);
            return new CancelOutcome(view(store.find(id).orElse(record)), true);
        }
        return new CancelOutcome(view(store.find(id).orElse(record)), false);
    }

    /** The best plan so far. */
    public PlanFile bestPlan(Caller caller, String anyCaseId) throws JobNotFoundException, NoPlanYetException {
        String id = canonical(anyCaseId);
        Job job = active.get(id);
        if (job != null && caller.sees(job.owner)) {
            Job.Best best = job.best();
            if (best == null) {
                throw new NoPlanYetException(id, job.status());
            }
            return best.plan();
        }
        JobRecord record = visible(caller, id);
        Checkpoint stored = store.checkpoint(id)
                .orElseThrow(() -> new NoPlanYetException(id, JobStatus.valueOf(record.status())));
        return readJson(stored.planJson(), PlanFile.class);
    }

    /** The problem the job solves, as submitted. */
    public ProblemFile problem(Caller caller, String anyCaseId) throws JobNotFoundException {
        String id = canonical(anyCaseId);
        Job job = active.get(id);
        if (job != null && caller.sees(job.owner)) {
            return job.problemFile;
        }
        visible(caller, id);
        return readJson(store.problemJson(id).orElseThrow(() -> new JobNotFoundException(id)),
                ProblemFile.class);
    }

    /** Score per constraint and shortfalls per hospital of the best plan so far. */
    public Explanation explain(Caller caller, String anyCaseId) throws JobNotFoundException, NoPlanYetException {
        String id = canonical(anyCaseId);
        Job job = active.get(id);
        if (job != null && caller.sees(job.owner)) {
            if (job.best() == null) {
                throw new NoPlanYetException(id, job.status());
            }
            return explanation(job);
        }
        JobRecord record = visible(caller, id);
        Optional<String> stored = store.explanationJson(id);
        if (stored.isPresent()) {
            return readJson(stored.get(), Explanation.class);
        }
        // a job solving on another server: explain its checkpoint
        Checkpoint checkpoint = store.checkpoint(id).filter(c -> c.assignmentJson() != null)
                .orElseThrow(() -> new NoPlanYetException(id, JobStatus.valueOf(record.status())));
        ProblemFile problem = readJson(store.problemJson(id).orElseThrow(() -> new JobNotFoundException(id)),
                ProblemFile.class);
        return explainer.explain(id, problem, Assignment.read(problem, checkpoint.assignmentJson()),
                readJson(checkpoint.planJson(), PlanFile.class));
    }

    private Explanation explanation(Job job) {
        return job.explanation(best -> explainer.explain(job.id, job.problemFile, best.solution(), best.plan()));
    }

    /**
     * Starts listening to a job. For a final job nothing is registered and the initial view is all
     * there is.
     */
    public Subscription subscribe(Caller caller, String anyCaseId, JobListener listener)
            throws JobNotFoundException, OverloadedException {
        String id = canonical(anyCaseId);
        JobView current = get(caller, id);
        if (eventStreams.incrementAndGet() > config.maxEventStreams()) {
            eventStreams.decrementAndGet();
            throw new OverloadedException("too many open event streams", config.retryAfter());
        }
        Job job = active.get(id);
        JobView initial = job == null ? current : job.listen(listener);
        if (job == null && shared && !current.status().isFinal()) {
            watches.put(listener, new StoreWatch(id, listener, current));
        }
        return new Subscription() {
            private final AtomicBoolean closed = new AtomicBoolean();

            @Override
            public JobView initial() {
                return initial;
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    if (job != null) {
                        job.unlisten(listener);
                    }
                    watches.remove(listener);
                    eventStreams.decrementAndGet();
                }
            }
        };
    }

    public Health health() {
        return new Health(admission.isClosed() ? "SHUTTING_DOWN" : "UP",
                admission.hasRoom(),
                count(JobStatus.SOLVING), count(JobStatus.QUEUED), config.parallelSolvers(), config.maxQueuedJobs(),
                storedCount(null), eventStreams.get());
    }

    public boolean isShuttingDown() {
        return admission.isClosed();
    }

    /** Jobs of this server in a status (queued or solving). */
    private int count(JobStatus status) {
        return (int) active.values().stream().filter(job -> job.status() == status).count();
    }

    /** Stored jobs in a status, or all with {@code null}; -1 when the store cannot answer. */
    private int storedCount(JobStatus status) {
        try {
            return status == null ? store.count(null) : store.countByStatus().getOrDefault(status.name(), 0);
        } catch (StoreException e) {
            return -1;
        }
    }

    /** Drops finished jobs past their retention, then the earliest-ended ones beyond the count limit. */
    void evict() {
        Instant now = clock.instant();
        store.evict(now.minus(config.retention()), config.maxRetainedJobs(), now.minus(IDEMPOTENCY_WINDOW));
    }

    private void evictQuietly() {
        try {
            evict();
        } catch (RuntimeException e) {
            LOG.warn("evicting old jobs failed; retried at the next sweep", e);
        }
    }

    /**
     * Stops taking jobs, stops every solve and stores its best plan as a checkpoint, leaving queued and
     * interrupted jobs in the store to run again at the next start (on a shared store, given back to the queue
     * for any server at once); waits up to the configured grace for
     * solvers to finish. The store stays open for reads until {@link #close()}.
     *
     * @return how many queued or running jobs were left to resume
     */
    public int shutdown() {
        if (admission.isClosed()) {
            return 0;
        }
        admission.close();
        List<Job> open = new ArrayList<>(active.values());
        executor.getQueue().clear(); // their jobs stay QUEUED in the store
        open.forEach(job -> job.cancellation.request());
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("solvers still running after {}", config.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        janitor.shutdownNow();
        for (Job job : open) {
            if (job.status() == JobStatus.QUEUED) { // claimed, but its solver never started
                releaseClaim(job);
            }
        }
        return open.size();
    }

    /** Shuts down if not done yet, then closes the store. */
    @Override
    public void close() {
        shutdown();
        store.close();
    }

    private static String writeJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads back a document this service stored. Unknown properties are skipped: stored documents are our
     * own output, which also carries derived values (a fill rate beside its counts) and, after an upgrade,
     * may carry fields this version does not know.
     */
    private static <T> T readJson(String json, Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
