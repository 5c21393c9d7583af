// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admission control: at most {@code parallelSolvers + maxQueuedJobs} jobs queued or solving on this
 * server; beyond that, and once closed for shutdown, {@link OverloadedException} with a Retry-After.
 */
final class Admission {

    private final ServiceConfig config;
    /** How long until a slot frees, as the jobs being solved tell it (see {@link JobService}). */
    private final Supplier<Duration> expectedWait;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counter rejected;
    private volatile boolean closed;

    Admission(ServiceConfig config, MeterRegistry registry, Supplier<Duration> expectedWait) {
        this.config = config;
        this.expectedWait = expectedWait;
        this.rejected = registry.counter("medsupply.jobs.rejected");
    }

    private int capacity() {
        return config.parallelSolvers() + config.maxQueuedJobs();
    }

    /** Whether a job would be admitted now. */
    boolean hasRoom() {
        return !closed && admitted.get() < capacity();
    }

    /** Refuses when no slot is free now, without taking one. */
    void check() throws OverloadedException {
        if (!hasRoom()) {
            rejected.increment();
            throw overloaded();
        }
    }

    /** Takes a slot, to {@link #release()} when the job ends or is not stored after all. */
    void admit() throws OverloadedException {
        while (true) {
            int current = admitted.get();
            if (closed || current >= capacity()) {
                rejected.increment();
                throw overloaded();
            }
            if (admitted.compareAndSet(current, current + 1)) {
                return;
            }
        }
    }

    /** Takes a slot for a job already accepted (found in the store at start), even beyond capacity. */
    void readmit() {
        admitted.incrementAndGet();
    }

    void release() {
        admitted.decrementAndGet();
    }

    /** Refuses everything from now on. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    private OverloadedException overloaded() {
        return closed ? new OverloadedException("the server is shutting down", config.retryAfter())
                : new OverloadedException("all " + config.parallelSolvers() + " solvers are busy and "
                        + config.maxQueuedJobs() + " jobs are waiting", expectedWait.get());
    }
}
