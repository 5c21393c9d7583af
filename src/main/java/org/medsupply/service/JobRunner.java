// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.DispatchSolutionCloner;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.store.Checkpoint;
import org.medsupply.store.JobRecord;
import org.medsupply.store.JobStore;
import org.medsupply.store.Outcome;

/**
 * Solves the jobs of this server: one solver thread per running job, failure isolation (anything thrown by a
 * solve, {@link Error}s included, ends that job FAILED only), throttled checkpoints of each best plan, storing
 * the end of each job, and resuming unfinished jobs from the store. On a shared store it also claims queued
 * jobs for free solvers, renews their leases and hands a job over when its claim is lost (see
 * {@link Durability}). Kept apart from {@link JobService} so that the façade only answers requests while this
 * class owns the threads and the jobs' live state.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final String SOLVER_FAILED = "urn:medsupply:problem:solver-failed";
    /**
     * The least a round after a change solves, even when the job's time is up: enough for the solver to repair
     * what the change broke in the plan carried over, so the final plan answers the changed problem.
     */
    private static final Duration LEAST_ROUND_AFTER_CHANGE = Duration.ofSeconds(2);

    private final ServiceConfig config;
    private final JobStore store;
    private final Durability durability;
    private final JobSolver solver;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Admission admission;
    private final JobEvents events;
    private final ScoreExplainer explainer;
    /** Whether jobs are claimed from a store shared with other servers. */
    private final boolean shared;
    /** Queued and solving jobs of this server. */
    private final Map<String, Job> active = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService janitor;

    JobRunner(ServiceConfig config, JobStore store, Durability durability, JobSolver solver, Clock clock,
            MeterRegistry registry, Admission admission, JobEvents events, ScoreExplainer explainer) {
        this.config = config;
        this.store = store;
        this.durability = durability;
        this.solver = solver;
        this.clock = clock;
        this.registry = registry;
        this.admission = admission;
        this.events = events;
        this.explainer = explainer;
        this.shared = store.isShared();
        this.executor = new ThreadPoolExecutor(config.parallelSolvers(), config.parallelSolvers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("medsupply-solver-"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("medsupply-janitor-"));
        repeat(this::checkpointAll, durability.checkpointInterval().toMillis());
    }

    /** Runs {@code task} every {@code millis} on the background thread, first after one period. */
    void repeat(Runnable task, long millis) {
        janitor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts taking jobs: polling a shared store, else queuing again the unfinished jobs of the store. */
    void start() {
        if (shared) {
            long pollMillis = durability.pollInterval().toMillis();
            janitor.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
        } else {
            resume();
        }
    }

    /** The job if this server has it queued or solving, else {@code null}. */
    Job active(String id) {
        return active.get(id);
    }

    /** Jobs of this server in a status (queued or solving). */
    int count(JobStatus status) {
        return (int) active.values().stream().filter(job -> job.status() == status).count();
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
                        job.isWarm() ? ", from its checkpoint" : "");
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
            ProblemFile problem = StoredJson.read(store.problemJson(id).orElseThrow(), ProblemFile.class);
            return restore(record, problem, store.checkpoint(id).orElse(null));
        } catch (RuntimeException unreadable) {
            String reference = UUID.randomUUID().toString();
            LOG.error("job {}: cannot be resumed (reference {})", id, reference, unreadable);
            store.finish(id, null, claim, new Outcome(JobStatus.FAILED.name(), clock.instant(), null, null,
                    StoredJson.write(new JobView.Failure(SOLVER_FAILED, "Cannot resume", 500,
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
            events.tellWatchers();
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
            Optional<JobStore.Lease> held;
            try {
                held = store.renew(job.id, job.claim, durability.lease());
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
                if (held.get().cancelRequested() && !job.cancellation.isRequested()) {
                    job.cancelByUser();
                    job.cancellation.request();
                    LOG.info("job {}: stop requested on another server", job.id);
                }
                if (held.get().problemRevision() > job.problem().revision()) {
                    takeChange(job);
                }
            }
        }
    }

    /** Takes over the problem that another server sharing the store changed for a job solved here. */
    private void takeChange(Job job) {
        JobRecord record = store.find(job.id).orElseThrow();
        ProblemFile changed = StoredJson.read(store.problemJson(job.id).orElseThrow(), ProblemFile.class);
        long revision = job.problem().revision();
        if (job.change(revision, record.problemRevision(), changed, Job.counts(changed), () -> true).isEmpty()) {
            LOG.info("job {}: problem changed on another server (revision {})", job.id, record.problemRevision());
            carryOverSoon(job);
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
            Optional<String> claimed = store.claim(durability.node(), token, now, durability.lease());
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
                        job.isWarm() ? ", from its checkpoint" : "");
            }
        }
    }

    /** Claims soon, on the background thread: a solver is free or a job was queued in the shared store. */
    void claimSoon() {
        try {
            janitor.execute(this::poll);
        } catch (RejectedExecutionException shuttingDown) {
            // claims stop with the server; the jobs stay queued for the others
        }
    }

    private Job restore(JobRecord record, ProblemFile problem, Checkpoint checkpoint) {
        DispatchSolution toSolve = null;
        Job.Best best = null;
        // a checkpoint of an earlier revision numbers its deliveries as that problem did: solved afresh
        if (checkpoint != null && checkpoint.assignmentJson() != null
                && checkpoint.problemRevision() == record.problemRevision()) {
            try {
                DispatchSolution planned = Assignment.read(problem, checkpoint.assignmentJson());
                explainer.score(planned);
                best = new Job.Best(0, planned, plan(planned, record.problemRevision()), true, problem);
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
        return new Job(record.id(), record.owner(), record.submittedAt(), record.timeLimit(), record.seed(),
                record.parent(), problem, record.problemRevision(), Job.counts(problem), record.restarts(), toSolve,
                warm, new Job.Restored(record.startedAt(), record.node(), best));
    }

    /** The plan of a solution of the job's problem at {@code revision}. */
    static PlanFile plan(DispatchSolution solution, long revision) {
        return PlanWriter.toPlan(solution).withProblemRevision(revision);
    }


    /** Queues a job of this server for a solver; while shutting down it stays queued in the store. */
    void enqueue(Job job) {
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


    private void run(Job job) {
        Job.Round first = job.start(clock.instant(), durability.node());
        if (first == null) {
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
            LOG.info("job {}: solving{}", job.id, first.warm() ? " from its checkpoint" : "");
            Solved solved = solveRounds(job, first);
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
            DispatchSolution best = solved.best();
            if (best != null && !job.hasBest(best)) {
                Job.Round last = solved.last();
                job.offerBest(best, plan(best, last.problemRevision()), false, last.problem());
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

    /** The final best of the last round, and that round. */
    private record Solved(DispatchSolution best, Job.Round last) {
    }

    /**
     * Solves the job round after round, until a round ends with no change to the problem having come meanwhile.
     * A round after a change goes on from the best plan so far carried over to the changed problem by ids (the
     * warm start a resumed job makes from its checkpoint), offered at once as the first plan of the new revision,
     * and solves for the job's time left, at least {@link #LEAST_ROUND_AFTER_CHANGE}.
     */
    private Solved solveRounds(Job job, Job.Round first) throws Exception {
        long startNanos = System.nanoTime();
        Job.Round round = first;
        Duration limit = job.timeLimit;
        while (true) {
            DispatchSolution toSolve = round.prepared();
            boolean warm = round.warm();
            if (toSolve == null) {
                warm = job.resumable() != null;
                toSolve = warm ? new DispatchSolutionCloner().cloneSolution(carriedOver(job,
                        new JobService.RevisedProblem(round.problem(), round.problemRevision())))
                        : ProblemMapper.toSolution(round.problem());
            }
            ProblemFile problem = round.problem();
            long revision = round.problemRevision();
            DispatchSolution best = solver.solve(new JobSolver.SolveRequest(job.id, toSolve, warm, limit, job.seed,
                    round.stop(), solution -> job.offerBest(solution, plan(solution, revision), true, problem)));
            Job.Round next = job.nextRound();
            if (next == null) {
                return new Solved(best, round);
            }
            round = next;
            Duration left = job.timeLimit.minusNanos(System.nanoTime() - startNanos);
            Duration least = LEAST_ROUND_AFTER_CHANGE.compareTo(job.timeLimit) < 0 ? LEAST_ROUND_AFTER_CHANGE
                    : job.timeLimit;
            limit = left.compareTo(least) > 0 ? left : least;
        }
    }

    /**
     * After a change to a job solving here: carries its best plan over to the changed problem at once, on the
     * background thread, so the change is answered while the round under way is still winding down (its
     * finishing steps take seconds on large problems); the next round then goes on from that plan.
     */
    void carryOverSoon(Job job) {
        try {
            janitor.execute(() -> {
                try {
                    if (job.status() == JobStatus.SOLVING && job.resumable() != null) {
                        carriedOver(job, job.problem());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("job {}: carrying the plan over to the changed problem failed; the solver does it",
                            job.id, e);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // the job stops with the server and resumes from its stored problem
        }
    }

    /**
     * The job's newest resumable best carried over to {@code problem} (see {@link Assignment#carryOver}), without
     * what a hard rule of it breaks, offered at once as the job's best: the first plan of that revision, before
     * the solver improves on it. Worked out once per revision, by the background thread or the solver's, whichever
     * asks first; the solution returned is the one offered, which nobody may change.
     */
    private DispatchSolution carriedOver(Job job, JobService.RevisedProblem problem) {
        return job.carriedOver(problem.revision(), () -> {
            DispatchSolution carried = Assignment.carryOver(job.resumable().solution(), problem.problem());
            explainer.scoreWithoutBrokenDeliveries(carried);
            job.offerBest(carried, plan(carried, problem.revision()), true, problem.problem());
            LOG.info("job {}: problem at revision {}; best plan carried over", job.id, problem.revision());
            return carried;
        });
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
                        StoredJson.write(best.plan()), StoredJson.write(best.plan().kpis()), null, now,
                        best.problemRevision());
                explanation = StoredJson.write(explanation(job));
            }
            job.letGo = true; // a claim that ends with the job is not renewed
            if (!store.finish(job.id, null, job.claim, new Outcome(status.name(), now, plan, explanation,
                    failure == null ? null : StoredJson.write(failure))) && job.claim != null) {
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
        events.handOver(job);
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
                    Boolean.TRUE.equals(best.plan().feasible()), StoredJson.write(best.plan()), StoredJson.write(best.plan().kpis()),
                    Assignment.write(best.solution()), clock.instant(), best.problemRevision()))) {
                // refused because the problem changed since (the next round's plans are checkpointed), or else
                // fenced: another server holds the job now
                if (job.claim != null && store.find(job.id).map(JobRecord::problemRevision)
                        .orElse(best.problemRevision()) <= best.problemRevision()) {
                    lose(job);
                }
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
    Duration expectedWait() {
        Instant now = clock.instant();
        long millis = active.values().stream().map(job -> job.solveTimeLeft(now)).filter(Objects::nonNull)
                .mapToLong(Duration::toMillis).min().orElse(config.retryAfter().toMillis());
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }


    /**
     * Cancels a job of this server that has not started solving: ends it CANCELLED in the store and frees its
     * place; false when it already started (or ended), which then has to be asked to stop.
     */
    boolean cancelQueued(Job job) {
        if (job.status() != JobStatus.QUEUED || !store.finish(job.id, JobStatus.QUEUED.name(), null,
                new Outcome(JobStatus.CANCELLED.name(), clock.instant(), null, null, null))) {
            return false;
        }
        job.end(JobStatus.CANCELLED, clock.instant(), null);
        active.remove(job.id);
        if (executor.remove(job.task)) {
            admission.release();
        }
        return true;
    }

    /** The explanation of a job's best plan so far, worked out once per best. */
    Explanation explanation(Job job) {
        return job.explanation(best -> explainer.explain(job.id, best.problem(), best.solution(), best.plan()));
    }

    /**
     * Stops every solve (each stores its best plan as a checkpoint) and drops the queue, whose jobs stay
     * queued in the store; waits up to the configured grace for solvers to finish, then gives back the
     * claims of jobs whose solver never started.
     *
     * @return how many queued or running jobs were left to resume
     */
    int stop() {
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
}
