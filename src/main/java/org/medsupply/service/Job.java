// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/**
 * One queued or solving job's live state on this server (final jobs live in the store only). Every
 * change happens under the job's lock and is told to its listeners after the lock is released, so a
 * slow listener never holds up a reader.
 */
final class Job {

    /**
     * A best solution (a planning clone nobody changes) and the plan written from it.
     *
     * @param resumable whether solving can resume from it: true for the solver's own bests, false for the
     *                  topped-up final plan, whose split deliveries a fresh mapping of the problem lacks
     */
    record Best(long version, DispatchSolution solution, PlanFile plan, boolean resumable) {
    }

    final String id;
    final String owner;
    final Instant submittedAt;
    final Duration timeLimit;
    final Long seed;
    final ProblemFile problemFile;
    final JobView.Counts counts;
    final int restarts;
    /** Whether {@code problem} is a checkpoint's solution to go on from rather than a fresh mapping. */
    final boolean warm;
    final Cancellation cancellation = new Cancellation();
    /** The task queued on the solver executor, to take back if the job is cancelled while queued. */
    Runnable task;
    /** On a shared store, the token of this server's claim on the job; {@code null} otherwise. */
    volatile String claim;
    /**
     * Until when the claim holds without a renewal, on this server's clock: taken before the claim or renewal
     * that the database times by its own clock, so it errs early whatever the skew between the two.
     */
    volatile Instant leaseUntil;
    /** Whether the claim was lost to another server: this server must stop solving and writing the job. */
    volatile boolean lost;
    /** Whether this server stopped renewing the claim: the job was lost, given back, or is being finished. */
    volatile boolean letGo;

    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private DispatchSolution problem;
    private JobStatus status = JobStatus.QUEUED;
    private String node;
    private Instant startedAt;
    private Instant endedAt;
    private JobView.Failure failure;
    private boolean cancelledByUser;
    private Best best;
    private Best resumable;
    private long checkpointedVersion = -1;
    private Explanation explanation;
    private long explainedVersion = -1;

    /**
     * @param problem   what to solve: the mapped problem, or with {@code warm} a checkpoint's solution
     * @param restored  for a job resumed from a checkpoint: the checkpoint's best, and when solving
     *                  first started; {@code null} for a new job
     */
    Job(String id, String owner, Instant submittedAt, Duration timeLimit, Long seed,
            ProblemFile problemFile, JobView.Counts counts, int restarts, DispatchSolution problem, boolean warm,
            Restored restored) {
        this.id = id;
        this.owner = owner;
        this.submittedAt = submittedAt;
        this.timeLimit = timeLimit;
        this.seed = seed;
        this.problemFile = problemFile;
        this.counts = counts;
        this.restarts = restarts;
        this.problem = problem;
        this.warm = warm;
        if (restored != null) {
            this.startedAt = restored.startedAt();
            this.node = restored.node();
            if (restored.best() != null) {
                this.best = restored.best();
                this.resumable = restored.best();
                this.checkpointedVersion = restored.best().version();
            }
        }
    }

    /** What a resumed job brings from the store. All fields nullable. */
    record Restored(Instant startedAt, String node, Best best) {
    }

    static JobView.Counts counts(DispatchSolution problem) {
        return new JobView.Counts(problem.getSupplies().size(), problem.getWarehouses().size(),
                problem.getHospitals().size(), problem.getVehicles().size(), problem.getLines().size());
    }

    synchronized JobView view() {
        return new JobView(id, status, best == null ? null : best.plan().score(),
                best == null ? null : best.plan().feasible(), text(submittedAt), text(startedAt), text(endedAt),
                timeLimit.toMillis() / 1000.0, seed, problemFile.name(), counts,
                cancellation.isRequested() && !status.isFinal(), failure, owner, node, restarts,
                best == null ? null : best.plan().kpis());
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    synchronized JobStatus status() {
        return status;
    }

    /**
     * Solve time left by the job's limit while it is solving, else null; never more than the limit, though
     * {@code now} may have been read just before the job started.
     */
    synchronized Duration solveTimeLeft(Instant now) {
        if (status != JobStatus.SOLVING || startedAt == null) {
            return null;
        }
        Duration left = Duration.between(now.isAfter(startedAt) ? now : startedAt, startedAt.plus(timeLimit));
        return left.isNegative() ? Duration.ZERO : left;
    }

    synchronized Best best() {
        return best;
    }

    /** The newest resumable best not yet checkpointed, or {@code null}. */
    synchronized Best toCheckpoint() {
        return resumable != null && resumable.version() > checkpointedVersion ? resumable : null;
    }

    synchronized void checkpointed(Best stored) {
        checkpointedVersion = Math.max(checkpointedVersion, stored.version());
    }

    /** Marks the stop as the client's (a DELETE), not the server's shutdown. */
    synchronized void cancelByUser() {
        cancelledByUser = true;
    }

    synchronized boolean isCancelledByUser() {
        return cancelledByUser;
    }

    /**
     * Moves QUEUED to SOLVING on {@code onNode} and hands over the problem; {@code null} if the job was
     * cancelled first.
     */
    DispatchSolution start(Instant now, String onNode) {
        DispatchSolution toSolve;
        synchronized (this) {
            if (status != JobStatus.QUEUED) {
                return null;
            }
            status = JobStatus.SOLVING;
            if (startedAt == null) {
                startedAt = now;
            }
            node = onNode;
            toSolve = problem;
            problem = null;
        }
        tell(JobEvent.Kind.STATUS);
        return toSolve;
    }

    /** Records a new best solution, unless it is the one already recorded. */
    void offerBest(DispatchSolution solution, PlanFile plan, boolean canResume) {
        synchronized (this) {
            if (best != null && best.solution() == solution) {
                return;
            }
            best = new Best(best == null ? 0 : best.version() + 1, solution, plan, canResume);
            if (canResume) {
                resumable = best;
            }
        }
        tell(JobEvent.Kind.BEST);
    }

    synchronized boolean hasBest(DispatchSolution solution) {
        return best != null && best.solution() == solution;
    }

    /** Ends the job; ignored if it already ended. Returns whether this call ended it. */
    boolean end(JobStatus finalStatus, Instant now, JobView.Failure why) {
        synchronized (this) {
            if (status.isFinal()) {
                return false;
            }
            status = finalStatus;
            endedAt = now;
            failure = why;
            problem = null;
        }
        tell(JobEvent.Kind.STATUS);
        listeners.clear();
        return true;
    }

    /** Adds a listener unless the job is final; returns the view the listener starts from. */
    synchronized JobView listen(JobListener listener) {
        if (!status.isFinal()) {
            listeners.add(listener);
        }
        return view();
    }

    void unlisten(JobListener listener) {
        listeners.remove(listener);
    }

    /** Takes every listener away, to be told about the job by someone else from now on. */
    List<JobListener> takeListeners() {
        List<JobListener> taken = List.copyOf(listeners);
        listeners.removeAll(taken);
        return taken;
    }

    /** The explanation of the current best, computed at most once per best solution. */
    synchronized Explanation explanation(Function<Best, Explanation> explain) {
        if (explainedVersion != best.version()) {
            explanation = explain.apply(best);
            explainedVersion = best.version();
        }
        return explanation;
    }

    private void tell(JobEvent.Kind kind) {
        if (listeners.isEmpty()) {
            return;
        }
        JobEvent event = new JobEvent(kind, view());
        listeners.forEach(listener -> listener.onEvent(event));
    }
}
