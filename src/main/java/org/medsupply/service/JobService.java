// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemPatch;
import org.medsupply.io.ReplanProblem;
import org.medsupply.store.Checkpoint;
import org.medsupply.store.JobRecord;
import org.medsupply.store.JobStore;
import org.medsupply.store.NewJob;
import org.medsupply.store.Outcome;
import org.medsupply.store.QueueFullException;
import org.medsupply.store.StoreException;

/**
 * The service the API calls: solve jobs kept in a {@link JobStore}, submitted through admission control (at
 * most {@code parallelSolvers} solving and {@code maxQueuedJobs} waiting, beyond that
 * {@link OverloadedException}), read, cancelled, explained and listened to, with retention and an orderly
 * shutdown. A job is acknowledged only once stored; the store is the source of truth for every job, while
 * queued and solving jobs of this server also have live state in memory. The parts live beside it:
 * {@link Admission} decides whether a job may wait, {@link JobRunner} solves jobs (and on a store that several
 * servers share, {@link JobStore#isShared()}, claims them), {@link JobEvents} tells listeners.
 */
public final class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
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

    /** A job's problem at one of its revisions (0 as submitted, one more per change applied). */
    public record RevisedProblem(ProblemFile problem, long revision) {
    }

    /**
     * Liveness and readiness figures. {@code solving}, {@code queued} and {@code solverSlots} are this server's;
     * {@code queuedInStore} and {@code retainedJobs} count the store, which servers sharing it share (so does
     * {@code queueCapacity} then).
     *
     * @param node          this server's name, as in the jobs' {@code node}
     * @param queuedInStore jobs queued in the store, waiting for a solver on any server
     */
    public record Health(String status, boolean acceptingJobs, int solving, int queued, int solverSlots,
            int queueCapacity, int retainedJobs, int eventStreams, String node, int queuedInStore) {
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
    private final Clock clock;
    private final InputLimits limits;
    private final ScoreExplainer explainer = new ScoreExplainer();
    private final Admission admission;
    private final JobEvents events;
    private final JobRunner runner;
    /** Whether jobs are claimed from a store shared with other servers. */
    private final boolean shared;
    private final String node;

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
        this.clock = clock;
        this.registry = registry;
        this.limits = new InputLimits(config);
        this.admission = new Admission(config, registry, this::expectedWait);
        this.events = new JobEvents(config, store, this::view);
        this.runner = new JobRunner(config, store, durability, solver, clock, registry, admission, events, explainer);
        this.shared = store.isShared();
        this.node = durability.node();
        long sweepMillis = Math.max(1_000, Math.min(60_000, config.retention().toMillis() / 4));
        runner.repeat(this::evictQuietly, sweepMillis);

        this.submitted = registry.counter("medsupply.jobs.submitted");
        registerGauges(registry);
        runner.start();
    }

    /**
     * The gauges, each saying whose figure it is: this server's (solvers, the jobs it holds) or the store's,
     * which every server sharing it reports alike (so a cluster's figure is one server's, not their sum).
     */
    private void registerGauges(MeterRegistry registry) {
        Gauge.builder("medsupply.node.info", () -> 1).description("This server: its node name, and whether its "
                + "store is shared with other servers").tag("node", node).tag("store", shared ? "shared" : "local")
                .register(registry);
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("medsupply.jobs", this, service -> service.storedCount(status))
                    .description("Jobs in the store by status, of every server sharing it")
                    .tag("status", status.name()).register(registry);
        }
        Gauge.builder("medsupply.cluster.queue.depth", this, service -> service.storedCount(JobStatus.QUEUED))
                .description("Jobs queued in the store, waiting for a solver on any server sharing it")
                .register(registry);
        Gauge.builder("medsupply.queue.depth", runner, r -> r.count(JobStatus.QUEUED))
                .description("Jobs this server holds waiting for one of its solvers").register(registry);
        Gauge.builder("medsupply.queue.capacity", config, c -> c.maxQueuedJobs())
                .description("Most queued jobs before submissions get 503; with a shared store, counted in the store")
                .register(registry);
        Gauge.builder("medsupply.solvers.busy", runner, r -> r.count(JobStatus.SOLVING))
                .description("This server's solvers at work").register(registry);
        Gauge.builder("medsupply.solvers.slots", config, c -> c.parallelSolvers())
                .description("This server's solvers").register(registry);
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
        return submit(caller, problem, timeLimit, seed, idempotency, null);
    }

    /** Like the public {@code submit}, for a job re-planning {@code parent} ({@code null} for none). */
    private Submitted submit(Caller caller, ProblemFile problem, Duration timeLimit, Long seed,
            IdempotencyKey idempotency, String parent) throws InvalidInputException, OverloadedException,
            JobNotFoundException, IdempotencyConflictException {
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
            JobView.Counts counts = Job.counts(problem);
            job = new Job(UUID.randomUUID().toString(), caller.owner(), clock.instant(), timeLimit, seed, parent,
                    problem, 0, counts, 0, model, false, null);
            NewJob row = new NewJob(job.id, job.owner, job.submittedAt, timeLimit, seed, problem.name(),
                    StoredJson.write(counts), StoredJson.write(problem), parent);
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
            runner.claimSoon();
        } else {
            runner.enqueue(job);
        }
        submitted.increment();
        LOG.info("job {}: queued ({} hospitals, {} vehicles, limit {})", job.id, problem.hospitals().size(),
                problem.vehicles().size(), timeLimit);
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

    /**
     * Refuses early, before a request body is even read, when no slot is free now; {@link #submit}
     * still makes the binding check.
     */
    public void checkCapacity() throws OverloadedException {
        admission.check();
    }

    /** What admission tells a refused client to wait; the runner knows when a solver frees up. */
    private Duration expectedWait() {
        return runner.expectedWait();
    }

    /** Job ids are UUIDs, which compare case-insensitively (RFC 9562); ours are written in lower case. */
    private static String canonical(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    /** The job, if the caller may see it. */
    public JobView get(Caller caller, String anyCaseId) throws JobNotFoundException {
        String id = canonical(anyCaseId);
        Job job = runner.active(id);
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
        Job live = runner.active(record.id());
        if (live != null) {
            return live.view();
        }
        JobStatus status = JobStatus.valueOf(record.status());
        return new JobView(record.id(), status, record.score(), record.feasible(), Job.text(record.submittedAt()),
                Job.text(record.startedAt()), Job.text(record.endedAt()), record.timeLimit().toMillis() / 1000.0,
                record.seed(), record.problemName(), StoredJson.read(record.countsJson(), JobView.Counts.class),
                record.cancelRequested() && !status.isFinal(),
                record.errorJson() == null ? null : StoredJson.read(record.errorJson(), JobView.Failure.class),
                record.owner(), record.node(), record.restarts(),
                record.kpisJson() == null ? null : StoredJson.read(record.kpisJson(), PlanFile.KpisDto.class),
                record.problemRevision(), record.parent());
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
        Job job = runner.active(id);
        if (job == null) {
            return cancelInStore(record);
        }
        job.cancelByUser();
        if (runner.cancelQueued(job)) {
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
        Job job = runner.active(id);
        if (job != null && caller.sees(job.owner)) {
            Job.Best best = job.best();
            if (best == null) {
                throw new NoPlanYetException(id, job.status());
            }
            return best.plan();
        }
        return storedPlan(visible(caller, id));
    }

    private PlanFile storedPlan(JobRecord record) throws NoPlanYetException {
        Checkpoint stored = store.checkpoint(record.id())
                .orElseThrow(() -> new NoPlanYetException(record.id(), JobStatus.valueOf(record.status())));
        return StoredJson.read(stored.planJson(), PlanFile.class);
    }

    /** A plan with the problem it answers. */
    public record PlannedProblem(ProblemFile problem, PlanFile plan) {
    }

    /**
     * The best plan so far with the problem it answers, which the job's problem may have moved on from since a
     * change (until the first plan of the changed problem).
     */
    public PlannedProblem bestPlanWithProblem(Caller caller, String anyCaseId)
            throws JobNotFoundException, NoPlanYetException {
        String id = canonical(anyCaseId);
        Job job = runner.active(id);
        if (job != null && caller.sees(job.owner)) {
            Job.Best best = job.best();
            if (best == null) {
                throw new NoPlanYetException(id, job.status());
            }
            return new PlannedProblem(best.problem(), best.plan());
        }
        JobRecord record = visible(caller, id);
        return new PlannedProblem(storedProblem(record).problem(), storedPlan(record));
    }

    /** The problem the job solves as it stands, with its revision. */
    public RevisedProblem revisedProblem(Caller caller, String anyCaseId) throws JobNotFoundException {
        String id = canonical(anyCaseId);
        Job job = runner.active(id);
        if (job != null && caller.sees(job.owner)) {
            return job.problem();
        }
        return storedProblem(visible(caller, id));
    }

    private RevisedProblem storedProblem(JobRecord record) throws JobNotFoundException {
        String json = store.problemJson(record.id()).orElseThrow(() -> new JobNotFoundException(record.id()));
        return new RevisedProblem(StoredJson.read(json, ProblemFile.class), record.problemRevision());
    }

    /**
     * Changes the problem of a queued or solving job with an RFC 6902 JSON Patch, validated whole against the
     * problem as it stands and applied whole or not at all; stored before it returns. A queued job will solve
     * the changed problem; a solving one goes on from its best plan carried over to it.
     *
     * @param ifMatch revisions the client made the patch against (it applies only to one of them), or {@code null}
     *                to apply it to the problem as it stands
     * @return the job with its new {@code problemRevision}
     * @throws InvalidInputException   naming the operation that failed, or the rules the patched problem breaks
     * @throws ChangeRefusedException  when the job is final, or the revision not one of {@code ifMatch}
     */
    public JobView change(Caller caller, String anyCaseId, Set<Long> ifMatch, JsonNode patch)
            throws JobNotFoundException, InvalidInputException, ChangeRefusedException {
        String id = canonical(anyCaseId);
        Job job = runner.active(id);
        if (job == null || !caller.sees(job.owner)) {
            return changeInStore(visible(caller, id), ifMatch, patch);
        }
        while (true) {
            RevisedProblem current = job.problem();
            requireRevision(ifMatch, current.revision());
            ProblemFile changed = patched(current.problem(), patch);
            JobView.Counts counts = Job.counts(changed);
            Optional<Job.Refusal> refusal = job.change(current.revision(), current.revision() + 1, changed, counts,
                    () -> store.changeProblem(id, current.revision(), changed.name(), StoredJson.write(counts),
                            StoredJson.write(changed)));
            if (refusal.isEmpty()) {
                LOG.info("job {}: problem changed (revision {})", id, current.revision() + 1);
                runner.carryOverSoon(job);
                return job.view();
            }
            if (refusal.get() == Job.Refusal.ENDED) {
                throw ended();
            }
            // MOVED_ON: another change came first; this one is checked again against the problem it made
        }
    }

    /**
     * Changes the problem of a job this server does not run: one that is final (refused), or on a shared store
     * queued or solved by another server, which takes the change at its next poll.
     */
    private JobView changeInStore(JobRecord record, Set<Long> ifMatch, JsonNode patch)
            throws JobNotFoundException, InvalidInputException, ChangeRefusedException {
        String id = record.id();
        while (true) {
            if (JobStatus.valueOf(record.status()).isFinal()) {
                throw ended();
            }
            requireRevision(ifMatch, record.problemRevision());
            ProblemFile changed = patched(storedProblem(record).problem(), patch);
            if (store.changeProblem(id, record.problemRevision(), changed.name(),
                    StoredJson.write(Job.counts(changed)), StoredJson.write(changed))) {
                LOG.info("job {}: problem changed in the store (revision {})", id, record.problemRevision() + 1);
                return view(store.find(id).orElseThrow(() -> new JobNotFoundException(id)));
            }
            record = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
        }
    }

    private ProblemFile patched(ProblemFile problem, JsonNode patch) throws InvalidInputException {
        ProblemFile changed = ProblemPatch.apply(problem, patch);
        limits.checkProblem(changed);
        return changed;
    }

    private static void requireRevision(Set<Long> ifMatch, long revision) throws ChangeRefusedException {
        if (ifMatch != null && !ifMatch.contains(revision)) {
            throw new ChangeRefusedException(ChangeRefusedException.Reason.STALE_REVISION,
                    "the problem is at revision " + revision + " now; read it again and make the change against it");
        }
    }

    private static ChangeRefusedException ended() {
        return new ChangeRefusedException(ChangeRefusedException.Reason.JOB_ENDED,
                "the job has ended and its problem no longer changes; re-plan it instead");
    }

    /**
     * Queues a new job re-planning this job's best plan at {@code at} (FORMAT.md, Re-planning): its problem is
     * built from the problem that plan answers, the plan, {@code at} and the optional {@code patch}; its
     * {@code parent} is this job.
     *
     * @throws NoPlanYetException    when this job has no plan to re-plan yet
     * @throws InvalidInputException when {@code at} is not a date-time, the patch fails or the built problem
     *                               breaks a rule
     */
    public Submitted replan(Caller caller, String anyCaseId, String at, JsonNode patch, Duration timeLimit, Long seed)
            throws JobNotFoundException, NoPlanYetException, InvalidInputException, OverloadedException,
            IdempotencyConflictException {
        PlannedProblem planned = bestPlanWithProblem(caller, anyCaseId);
        ProblemFile replanning = ReplanProblem.build(planned.problem(), planned.plan(), at, patch);
        return submit(caller, replanning, timeLimit, seed, null, canonical(anyCaseId));
    }

    /** Score per constraint and shortfalls per hospital of the best plan so far. */
    public Explanation explain(Caller caller, String anyCaseId) throws JobNotFoundException, NoPlanYetException {
        String id = canonical(anyCaseId);
        Job job = runner.active(id);
        if (job != null && caller.sees(job.owner)) {
            if (job.best() == null) {
                throw new NoPlanYetException(id, job.status());
            }
            return runner.explanation(job);
        }
        JobRecord record = visible(caller, id);
        Optional<String> stored = store.explanationJson(id);
        if (stored.isPresent()) {
            return StoredJson.read(stored.get(), Explanation.class);
        }
        // a job solving on another server: explain its checkpoint
        Checkpoint checkpoint = store.checkpoint(id).filter(c -> c.assignmentJson() != null)
                .orElseThrow(() -> new NoPlanYetException(id, JobStatus.valueOf(record.status())));
        ProblemFile problem = StoredJson.read(store.problemJson(id).orElseThrow(() -> new JobNotFoundException(id)),
                ProblemFile.class);
        return explainer.explain(id, problem, Assignment.read(problem, checkpoint.assignmentJson()),
                StoredJson.read(checkpoint.planJson(), PlanFile.class));
    }

    /**
     * Starts listening to a job. For a final job nothing is registered and the initial view is all
     * there is.
     */
    public Subscription subscribe(Caller caller, String anyCaseId, JobListener listener)
            throws JobNotFoundException, OverloadedException {
        String id = canonical(anyCaseId);
        JobView current = get(caller, id);
        return events.subscribe(id, current, runner.active(id), shared, listener);
    }

    public Health health() {
        return new Health(admission.isClosed() ? "SHUTTING_DOWN" : "UP",
                admission.hasRoom(),
                runner.count(JobStatus.SOLVING), runner.count(JobStatus.QUEUED), config.parallelSolvers(),
                config.maxQueuedJobs(), storedCount(null), events.openStreams(), node,
                storedCount(JobStatus.QUEUED));
    }

    public boolean isShuttingDown() {
        return admission.isClosed();
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
        return runner.stop();
    }

    /** Shuts down if not done yet, then closes the store. */
    @Override
    public void close() {
        shutdown();
        store.close();
    }
}
