// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectWriter;

import org.medsupply.service.Caller;
import org.medsupply.service.DaemonThreads;
import org.medsupply.service.JobService;

/**
 * The open {@code /events} streams: two sender threads write them, and a keep-alive comment every
 * 15 s finds clients that left (the job service caps how many streams may be open).
 */
final class EventStreams implements AutoCloseable {

    private static final long KEEP_ALIVE_SECONDS = 15;

    private final JobService jobs;
    private final ObjectWriter writer;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, DaemonThreads.named("medsupply-sse-"));
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("medsupply-sse-keepalive-"));
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    EventStreams(JobService jobs, ObjectWriter writer) {
        this.jobs = jobs;
        this.writer = writer;
        keepAlive.scheduleWithFixedDelay(this::ping, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    void open(Caller caller, String jobId, SseEventSink sink, Sse sse) throws Exception {
        open.add(EventStream.open(jobs, caller, jobId, sink, sse, senders, writer));
    }

    private void ping() {
        open.removeIf(EventStream::isClosed);
        open.forEach(stream -> senders.execute(stream::keepAlive));
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        open.forEach(EventStream::close);
        senders.shutdown();
    }
}
