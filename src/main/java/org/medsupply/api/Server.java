// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.ext.ContextResolver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.sse.SseFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.io.Json;
import org.medsupply.service.Durability;
import org.medsupply.service.JobService;
import org.medsupply.service.ServiceConfig;
import org.medsupply.store.JobStore;

/**
 * The HTTP service: Jersey on Grizzly, wired explicitly (no auto-discovery, so Jersey's own Jackson
 * exception mappers, which answer in plain text with parser messages, are never registered) and with
 * every Grizzly limit set on the unstarted server.
 */
public final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** Unread request bytes Grizzly skips to reuse a connection; beyond it the connection is closed. */
    private static final long MAX_REMAINDER_TO_SKIP = 1024 * 1024;
    /**
     * The resource classes, registered as classes with their dependencies bound (registering
     * instances works too, but makes Jersey warn that they are not providers: eclipse-ee4j/jersey#3700).
     */
    static final Set<Class<?>> RESOURCES = Set.of(PlansResource.class, ProblemsResource.class,
            OperationsResource.class, SessionResource.class);

    /** A started server. */
    public static final class Running implements AutoCloseable {

        private final HttpServer http;
        private final JobService jobs;
        private final EventStreams eventStreams;
        private final URI uri;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Running(HttpServer http, JobService jobs, EventStreams eventStreams, URI uri) {
            this.http = http;
            this.jobs = jobs;
            this.eventStreams = eventStreams;
            this.uri = uri;
        }

        /** The bound address, e.g. {@code http://127.0.0.1:8080/} (with the real port when 0 was asked). */
        public URI uri() {
            return uri;
        }

        public JobService jobs() {
            return jobs;
        }

        /**
         * Stops in order: refuse new jobs (health turns 503), stop running solves with their best plan
         * stored (queued and interrupted jobs resume at the next start), close event streams, then close
         * the listener after a grace period. Safe to call more than once.
         *
         * @return how many queued or running jobs were left to resume
         */
        public int stop() {
            if (!stopped.compareAndSet(false, true)) {
                return 0;
            }
            int interrupted = jobs.shutdown();
            eventStreams.close();
            long graceMillis = jobs.config().shutdownGrace().toMillis();
            try {
                http.shutdown(graceMillis, TimeUnit.MILLISECONDS).get(graceMillis + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("HTTP listener did not stop within {} ms; closing it now", graceMillis);
            } finally {
                http.shutdownNow();
                jobs.close();
            }
            return interrupted;
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** Gives Jersey's Jackson provider the project's mapper (compact output). */
    private record MapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    private Server() {
    }

    /**
     * Starts the service with OptaPlanner solving, its jobs in {@code store} (queued and interrupted
     * jobs found there run again).
     *
     * @param keys {@code null} to accept every request
     */
    public static Running start(ServiceConfig config, HttpConfig http, WebConfig web, JobStore store,
            Durability durability, ApiKeys keys) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        return start(JobService.withOptaPlanner(config, store, durability, registry), http, web, registry, keys);
    }

    /**
     * Starts the HTTP server of {@code config} around a given job service, publishing metrics of
     * {@code registry}.
     *
     * @param keys {@code null} to accept every request
     */
    public static Running start(JobService jobs, HttpConfig config, WebConfig web, PrometheusMeterRegistry registry,
            ApiKeys keys) {
        Sessions sessions = new Sessions(Clock.systemUTC());
        ObjectMapper mapper = Json.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
        EventStreams eventStreams = new EventStreams(jobs, mapper.writer());
        ResourceConfig resources = new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new MapperResolver(mapper))
                .register(SseFeature.class)
                .register(new ErrorMapper())
                .register(new HttpMetricsFilter(registry))
                .register(new CorsFilter(web.allowedOrigins()))
                .register(new RequestBodyFilter(config.maxBodyBytes()))
                .register(new PostBodyFilter())
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(jobs).to(JobService.class);
                        bind(eventStreams).to(EventStreams.class);
                        bind(registry).to(PrometheusMeterRegistry.class);
                        bind(sessions).to(Sessions.class);
                    }
                })
                .registerClasses(RESOURCES);
        if (keys != null) {
            resources.register(new AuthFilter(keys, sessions)).register(RolesAllowedDynamicFeature.class);
        }
        URI base = URI.create("http://" + hostForUri(config.host()) + ":" + config.port() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, resources, false);
        configure(http, config, jobs.config().retryAfter(), web, keys != null);
        try {
            http.start();
        } catch (IOException e) {
            jobs.close();
            eventStreams.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        int port = http.getListener("grizzly").getPort();
        URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + port + "/");
        LOG.info("listening on {}", uri);
        return new Running(http, jobs, eventStreams, uri);
    }

    private static void configure(HttpServer http, HttpConfig config, Duration retryAfter, WebConfig web,
            boolean apiKeys) {
        ServerConfiguration server = http.getServerConfiguration();
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(server.getHttpHandlersWithMapping());
        WebPage webPage = new WebPage(web, apiKeys);
        handlers.forEach((jersey, registrations) -> {
            server.removeHttpHandler(jersey);
            server.addHttpHandler(new UriGuard(jersey, webPage), registrations);
        });
        server.setDefaultErrorPageGenerator(new ProblemErrorPages(Math.max(1, retryAfter.toSeconds())));
        server.setMaxPayloadRemainderToSkip(MAX_REMAINDER_TO_SKIP);
        server.setHttpServerName("medsupply");
        server.setHttpServerVersion("");
        NetworkListener listener = http.getListener("grizzly");
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, config.idleTimeout().toSeconds()));
        listener.getKeepAlive().setMaxRequestsCount(256);
        listener.setMaxHttpHeaderSize(8192);
        listener.setMaxRequestHeaders(50);
        listener.setMaxPendingBytes((int) Math.min(Integer.MAX_VALUE, 8 * HttpConfig.MIB));
        ProblemCodecFilter.install(listener);
        TCPNIOTransport transport = listener.getTransport();
        transport.setReadTimeout(config.ioTimeout().toMillis(), TimeUnit.MILLISECONDS);
        transport.setWriteTimeout(config.ioTimeout().toMillis(), TimeUnit.MILLISECONDS);
        transport.setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("medsupply-http")
                .setCorePoolSize(config.workerThreads())
                .setMaxPoolSize(config.workerThreads())
                .setQueueLimit(config.workerQueue())
                .setDaemon(true));
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
