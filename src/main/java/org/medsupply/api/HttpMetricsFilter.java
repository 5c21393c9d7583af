// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every request by method, route template (never the raw path, so job ids do not multiply the
 * series) and status, until its response headers are written.
 */
@PreMatching
@Priority(1)
final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = HttpMetricsFilter.class.getName() + ".start";

    /**
     * Histogram buckets at the latencies an SLO would name, from a fast read to a slow validation of a large
     * problem; a percentile histogram would publish about 60 buckets per method, route and status.
     */
    static final Duration[] SLO_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(10)};

    /** Other methods are counted together, so invented verbs cannot multiply the series. */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");

    private final MeterRegistry registry;

    HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long startNanos)) {
            return;
        }
        Timer.builder("http.server.requests").description("HTTP request latency until the response headers")
                .tag("method", KNOWN_METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER").tag("route", route((ExtendedUriInfo) request.getUriInfo()))
                .tag("status", String.valueOf(response.getStatus()))
                .serviceLevelObjectives(SLO_BUCKETS)
                .register(registry).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static String route(ExtendedUriInfo uriInfo) {
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        if (templates.isEmpty() || uriInfo.getMatchedResourceMethod() == null) {
            return "unmatched";
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.startsWith("/")) {
                route.append('/');
            }
            route.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return route.toString();
    }
}
