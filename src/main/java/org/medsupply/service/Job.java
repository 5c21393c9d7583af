// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/**
 * One queued or solving job's live state on this server (final jobs live in the store only). Every
 * change happens under the job's lock and is told to its listeners after the lock is released, so a
 * slow listener never holds up a reader.
 *
 * <p>The problem may change while the job is queued or solving: each change gives it the next revision. A job
 * is solved in rounds, each on one revision of the problem; a change stops the round under way, and the next
 * round goes on from the best plan carried over to the changed problem. A best of an older revision than the
 * job's problem is no longer taken, so every best event names the revision its plan answers.
 */
final class Job {

    /**
     * A best solution (a planning clone nobody changes) and the plan written from it.
     *
     * @param resumable whether solving can resume from it: true for the solver's own bests, false for the
     *                  topped-up final plan, whose split deliveries a fresh mapping of the problem lacks
     */
    record Best(long version, DispatchSolution solution, PlanFile plan, boolean resumable, ProblemFile problem) {

        long problemRevision() {
            return plan.problemRevision();
        }
    }

    /**
     * One solve of the job at one revision of its problem.
     *
     * @param prepared what to solve when the job starts as it was queued (a fresh mapping, or with {@code warm} a
     *                 checkpoint's solution); {@code null} when the solver has to build it from {@code problem},
     *                 carrying the best plan over (a round after a change)
     * @param stop     requested when the job is stopped or its problem changes
     */
    record Round(ProblemFile problem, long problemRevision, DispatchSolution prepared, boolean warm,
            Cancellation stop) {
    }

    /** Why a change was not applied. */
    enum Refusal {
        /** The job ended, or is ending: changes go to a re-plan instead. */
        ENDED,
        /** The problem moved on from the revision the change was made against. */
        MOVED_ON
    }

    final String id;
    final String owner;
    final Instant submittedAt;
    final Duration timeLimit;
    final Long seed;
    final int restarts;
    /** The job this one re-plans, or {@code null}. */
    final String parent;
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
    private ProblemFile problemFile;
    private JobView.Counts counts;
    private long problemRevision;
    /** What the first round solves; {@code null} once started, or when a change while queued replaced it. */
    private DispatchSolution problem;
    /** Whether {@code problem} is a checkpoint's solution to go on from rather than a fresh mapping. */
    private boolean warm;
    /** The round under way; {@code null} while queued. */
    private Round round;
    /** Whether the job takes no more changes: it is ending, and its last plan answers the current revision. */
    private boolean closedToChanges;
    private JobStatus status = JobStatus.QUEUED;
    private String node;
    private Instant startedAt;
    private Instant endedAt;
    private JobView.Failure failure;
    private boolean cancelledByUser;
    private Best best;
    private Best resumable;
    private long checkpointedVersion = -1;
    /** Held while the best plan is carried over to a changed problem, which two threads may ask for. */
    private final Object carrying = new Object();
    /** The best plan carried over to the problem at {@code carriedRevision}; {@code null} before any change. */
    private DispatchSolution carried;
    private long carriedRevision = -1;
    private Explanation explanation;
    private long explainedVersion = -1;

    /**
     * @param problem   what to solve: the mapped problem, or with {@code warm} a checkpoint's solution
     * @param restored  for a job resumed from a checkpoint: the checkpoint's best, and when solving
     *                  first started; {@code null} for a new job
     */
    Job(String id, String owner, Instant submittedAt, Duration timeLimit, Long seed, String parent,
            ProblemFile problemFile, long problemRevision, JobView.Counts counts, int restarts,
            DispatchSolution problem, boolean warm, Restored restored) {
        this.id = id;
        this.owner = owner;
        this.submittedAt = submittedAt;
        this.timeLimit = timeLimit;
        this.seed = seed;
        this.parent = parent;
        this.problemFile = problemFile;
        this.problemRevision = problemRevision;
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

    static JobView.Counts counts(ProblemFile problem) {
        return new JobView.Counts(problem.supplies().size(), problem.warehouses().size(),
                problem.hospitals().size(), problem.vehicles().size(),
                problem.hospitals().stream().mapToInt(h -> h.demands().size()).sum());
    }

    synchronized JobView view() {
        return new JobView(id, status, best == null ? null : best.plan().score(),
                best == null ? null : best.plan().feasible(), text(submittedAt), text(startedAt), text(endedAt),
                timeLimit.toMillis() / 1000.0, seed, problemFile.name(), counts,
                cancellation.isRequested() && !status.isFinal(), failure, owner, node, restarts,
                best == null ? null : best.plan().kpis(), problemRevision, parent);
    }

    /** The problem as it stands, every change applied. */
    synchronized JobService.RevisedProblem problem() {
        return new JobService.RevisedProblem(problemFile, problemRevision);
    }

    /** Whether the job was started from a checkpoint's solution. */
    synchronized boolean isWarm() {
        return warm;
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

    /** The newest resumable best not yet checkpointed, or {@code null}; only a plan of the current problem. */
    synchronized Best toCheckpoint() {
        return resumable != null && resumable.version() > checkpointedVersion
                && resumable.problemRevision() == problemRevision ? resumable : null;
    }

    /** The best plan carried over to the problem at {@code revision}, made by {@code carry} unless made already. */
    DispatchSolution carriedOver(long revision, Supplier<DispatchSolution> carry) {
        synchronized (carrying) {
            if (carriedRevision != revision) {
                carried = carry.get();
                carriedRevision = revision;
            }
            return carried;
        }
    }

    /** The newest best the solver can go on from, of whichever revision; {@code null} before the first. */
    synchronized Best resumable() {
        return resumable;
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
     * Moves QUEUED to SOLVING on {@code onNode} and hands over the first round; {@code null} if the job was
     * cancelled first.
     */
    Round start(Instant now, String onNode) {
        Round first;
        synchronized (this) {
            if (status != JobStatus.QUEUED) {
                return null;
            }
            status = JobStatus.SOLVING;
            if (startedAt == null) {
                startedAt = now;
            }
            node = onNode;
            first = newRound(problem, warm);
            problem = null;
        }
        tell(JobEvent.Kind.STATUS);
        return first;
    }

    /**
     * The round after one that ended: on the changed problem if a change came meanwhile and the job was not
     * stopped; else {@code null}, and from then on the job takes no more changes, so its final plan answers
     * the problem as it stands.
     */
    synchronized Round nextRound() {
        if (round.problemRevision() == problemRevision || cancellation.isRequested() || lost) {
            closedToChanges = true;
            return null;
        }
        return newRound(null, false);
    }

    private Round newRound(DispatchSolution prepared, boolean warmStart) {
        Cancellation stop = new Cancellation();
        round = new Round(problemFile, problemRevision, prepared, warmStart, stop);
        cancellation.onRequest(stop::request);
        return round;
    }

    /**
     * Applies a change made against revision {@code from}: {@code store} first stores the changed problem (under
     * this job's lock, so changes are stored in the order they apply), then it becomes the job's problem at
     * revision {@code to}, the round under way stops to go on from its best plan, and listeners hear a
     * {@code change}.
     *
     * @param store false when the store refused it (the job ended there)
     * @return empty when applied, else why not (nothing was stored)
     */
    Optional<Refusal> change(long from, long to, ProblemFile changed, JobView.Counts changedCounts,
            BooleanSupplier store) {
        Cancellation stop;
        synchronized (this) {
            if (status.isFinal() || closedToChanges || cancellation.isRequested()) {
                return Optional.of(Refusal.ENDED);
            }
            if (from != problemRevision) {
                return Optional.of(Refusal.MOVED_ON);
            }
            if (!store.getAsBoolean()) {
                return Optional.of(Refusal.ENDED);
            }
            problemFile = changed;
            counts = changedCounts;
            problemRevision = to;
            problem = null; // a queued job starts from the changed problem
            warm = false;
            stop = round == null ? null : round.stop();
        }
        if (stop != null) {
            stop.request();
        }
        tell(JobEvent.Kind.CHANGE);
        return Optional.empty();
    }

    /**
     * Records a new best solution, unless it is the one already recorded or its plan answers an older revision
     * of the problem than the job's.
     */
    void offerBest(DispatchSolution solution, PlanFile plan, boolean canResume, ProblemFile answers) {
        JobView seen;
        synchronized (this) {
            if (best != null && best.solution() == solution || plan.problemRevision() != problemRevision) {
                return;
            }
            best = new Best(best == null ? 0 : best.version() + 1, solution, plan, canResume, answers);
            if (canResume) {
                resumable = best;
            }
            seen = view(); // taken with the best, so the event names the revision its plan answers
        }
        tell(new JobEvent(JobEvent.Kind.BEST, seen));
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
            closedToChanges = true;
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
        if (!listeners.isEmpty()) {
            tell(new JobEvent(kind, view()));
        }
    }

    private void tell(JobEvent event) {
        listeners.forEach(listener -> listener.onEvent(event));
    }
}
