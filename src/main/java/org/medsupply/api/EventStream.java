// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.medsupply.service.Caller;
import org.medsupply.service.JobEvent;
import org.medsupply.service.JobListener;
import org.medsupply.service.JobService;
import org.medsupply.service.JobView;

/**
 * One client's {@code /events} stream. Events are queued by the thread that changed the job and
 * written by a sender thread, so a slow client never slows a solver; a newer {@code best} event
 * replaces one still waiting (clients want the latest plan, not every step). The stream closes after
 * the event of a final status, or when the client goes away.
 */
final class EventStream implements JobListener {

    private final SseEventSink sink;
    private final Sse sse;
    private final Executor sender;
    private final ObjectWriter writer;
    private final ArrayDeque<JobEvent> pending = new ArrayDeque<>();
    private JobService.Subscription subscription;
    private boolean draining;
    private boolean closed;
    private long nextId = 1;

    private EventStream(SseEventSink sink, Sse sse, Executor sender, ObjectWriter writer) {
        this.sink = sink;
        this.sse = sse;
        this.sender = sender;
        this.writer = writer;
    }

    /** Subscribes to a job and starts streaming, beginning with its current status. */
    static EventStream open(JobService jobs, Caller caller, String id, SseEventSink sink, Sse sse, Executor sender,
            ObjectWriter writer) throws Exception {
        EventStream stream = new EventStream(sink, sse, sender, writer);
        JobService.Subscription subscription = jobs.subscribe(caller, id, stream);
        synchronized (stream) {
            stream.subscription = subscription;
            stream.pending.addFirst(new JobEvent(JobEvent.Kind.STATUS, subscription.initial()));
        }
        stream.schedule();
        return stream;
    }

    @Override
    public void onEvent(JobEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (event.kind() == JobEvent.Kind.BEST && !pending.isEmpty()
                    && pending.peekLast().kind() == JobEvent.Kind.BEST) {
                pending.pollLast();
            }
            pending.addLast(event);
        }
        schedule();
    }

    /** Sends an SSE comment; a failure means the client is gone. */
    void keepAlive() {
        synchronized (this) {
            if (closed || draining) {
                return;
            }
        }
        send(sse.newEventBuilder().comment("keep-alive").build());
    }

    boolean isClosed() {
        synchronized (this) {
            return closed;
        }
    }

    private void schedule() {
        synchronized (this) {
            if (draining || closed || subscription == null) {
                return;
            }
            draining = true;
        }
        sender.execute(this::drain);
    }

    private void drain() {
        while (true) {
            JobEvent event;
            synchronized (this) {
                event = pending.pollFirst();
                if (event == null || closed) {
                    draining = false;
                    return;
                }
            }
            send(toSse(event));
            if (event.kind() == JobEvent.Kind.STATUS && event.job().status().isFinal()) {
                close();
            }
        }
    }

    private OutboundSseEvent toSse(JobEvent event) {
        String name = switch (event.kind()) {
            case STATUS -> "status";
            case BEST -> "best";
            case CHANGE -> "change";
        };
        return sse.newEventBuilder().name(name).id(String.valueOf(nextId++)).data(String.class, json(event.job()))
                .build();
    }

    private String json(JobView job) {
        try {
            return writer.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job view is always writable", e);
        }
    }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            close();
            return;
        }
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (RuntimeException clientGone) {
            close();
        }
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        if (subscription != null) {
            subscription.close();
        }
        try {
            sink.close();
        } catch (IOException alreadyGone) {
            // the client closed the connection first: nothing left to close
        }
    }
}
