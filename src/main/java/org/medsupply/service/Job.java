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
 * One job's mutable state. Every change happens under the job's lock and is told to its listeners
 * after the lock is released, so a slow listener never holds up a reader.
 */
final class Job {

    /** A best solution (a planning clone nobody changes) and the plan written from it. */
    record Best(long version, DispatchSolution solution, PlanFile plan) {
    }

    final String id;
    final long sequence;
    final Instant submittedAt;
    final Duration timeLimit;
    final Long seed;
    final ProblemFile problemFile;
    final JobView.Counts counts;
    final Cancellation cancellation = new Cancellation();
    /** The task queued on the solver executor, to take back if the job is cancelled while queued. */
    Runnable task;

    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private DispatchSolution problem;
    private JobStatus status = JobStatus.QUEUED;
    private Instant startedAt;
    private Instant endedAt;
    private JobView.Failure failure;
    private Best best;
    private Explanation explanation;
    private long explainedVersion = -1;

    Job(String id, long sequence, Instant submittedAt, Duration timeLimit, Long seed, ProblemFile problemFile,
            DispatchSolution problem) {
        this.id = id;
        this.sequence = sequence;
        this.submittedAt = submittedAt;
        this.timeLimit = timeLimit;
        this.seed = seed;
        this.problemFile = problemFile;
        this.problem = problem;
        this.counts = new JobView.Counts(problem.getSupplies().size(), problem.getWarehouses().size(),
                problem.getHospitals().size(), problem.getVehicles().size(), problem.getLines().size());
    }

    synchronized JobView view() {
        return new JobView(id, status, best == null ? null : best.plan().score(),
                best == null ? null : best.plan().feasible(), text(submittedAt), text(startedAt), text(endedAt),
                timeLimit.toMillis() / 1000.0, seed, problemFile.name(), counts,
                cancellation.isRequested() && !status.isFinal(), failure,
                best == null ? null : best.plan().kpis());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    synchronized JobStatus status() {
        return status;
    }

    synchronized Instant endedAt() {
        return endedAt;
    }

    synchronized Best best() {
        return best;
    }

    /** Moves QUEUED to SOLVING and hands over the problem; {@code null} if the job was cancelled first. */
    DispatchSolution start(Instant now) {
        DispatchSolution toSolve;
        synchronized (this) {
            if (status != JobStatus.QUEUED) {
                return null;
            }
            status = JobStatus.SOLVING;
            startedAt = now;
            toSolve = problem;
            problem = null;
        }
        tell(JobEvent.Kind.STATUS);
        return toSolve;
    }

    /** Records a new best solution, unless it is the one already recorded. */
    void offerBest(DispatchSolution solution, PlanFile plan) {
        synchronized (this) {
            if (best != null && best.solution() == solution) {
                return;
            }
            best = new Best(best == null ? 0 : best.version() + 1, solution, plan);
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
