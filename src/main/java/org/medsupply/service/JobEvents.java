// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.medsupply.store.JobRecord;
import org.medsupply.store.JobStore;

/**
 * Who hears about jobs: the open event streams (counted against {@link ServiceConfig#maxEventStreams()}),
 * listeners of jobs solved here (fanned out by {@link Job}), and listeners of jobs solved on another server
 * sharing the store, told at each poll what the store shows. Kept apart from solving so that a job's events
 * survive its hand-over between servers.
 */
final class JobEvents {

    private final ServiceConfig config;
    private final JobStore store;
    /** How a stored job looks to a listener. */
    private final Function<JobRecord, JobView> view;
    private final AtomicInteger eventStreams = new AtomicInteger();
    /** Event-stream listeners to jobs this server does not solve, told what the store shows at each poll. */
    private final Map<JobListener, StoreWatch> watches = new ConcurrentHashMap<>();

    JobEvents(ServiceConfig config, JobStore store, Function<JobRecord, JobView> view) {
        this.config = config;
        this.store = store;
        this.view = view;
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

    /**
     * Starts listening to a job: to {@code job} if this server solves it (nullable), else, on a shared store,
     * through the store while the job has not ended. For a final job nothing is registered.
     */
    JobService.Subscription subscribe(String id, JobView current, Job job, boolean shared, JobListener listener)
            throws OverloadedException {
        if (eventStreams.incrementAndGet() > config.maxEventStreams()) {
            eventStreams.decrementAndGet();
            throw new OverloadedException("too many open event streams", config.retryAfter());
        }
        JobView initial = job == null ? current : job.listen(listener);
        if (job == null && shared && !current.status().isFinal()) {
            watches.put(listener, new StoreWatch(id, listener, current));
        }
        return new JobService.Subscription() {
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

    /** Open event streams. */
    int openStreams() {
        return eventStreams.get();
    }

    /**
     * After this server lost a job's claim: its event streams go on following the job through the store,
     * where the server that took it over writes.
     */
    void handOver(Job job) {
        JobView last = job.view();
        for (JobListener listener : job.takeListeners()) {
            watches.put(listener, new StoreWatch(job.id, listener, last));
        }
    }

    /**
     * Tells each watcher what changed in the store since it was last told: a change of the problem, a new best,
     * a new status.
     */
    void tellWatchers() {
        for (StoreWatch watch : watches.values()) {
            JobView now = store.find(watch.id).map(view).orElse(null);
            if (now == null) { // deleted by retention
                watches.remove(watch.listener);
                continue;
            }
            JobView before = watch.told;
            watch.told = now;
            if (now.problemRevision() != before.problemRevision()) {
                watch.listener.onEvent(new JobEvent(JobEvent.Kind.CHANGE, now));
            }
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
}
