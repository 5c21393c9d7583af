// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.medsupply.service.JobService;

/** What operators and integrators read: health, metrics and the OpenAPI description. */
@Singleton
@Path("/")
public final class OperationsResource {

    static final String OPENAPI_RESOURCE = "/org/medsupply/api/openapi.json";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final JobService jobs;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    @Inject
    public OperationsResource(JobService jobs, PrometheusMeterRegistry registry) {
        this.jobs = jobs;
        this.registry = registry;
        try (InputStream in = OperationsResource.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description is missing from the build");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI description cannot be read", e);
        }
    }

    /** The coordinators' page. */
    @GET
    public Response page() {
        return Response.seeOther(URI.create(WebPage.CONTEXT + "/")).build();
    }

    /** Liveness and readiness: 200 while the service takes work, 503 once it is shutting down. */
    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        JobService.Health health = jobs.health();
        return Response.status(jobs.isShuttingDown() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .entity(health).build();
    }

    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public Response metrics() {
        return Response.ok(registry.scrape(), PROMETHEUS_TEXT).build();
    }

    @GET
    @Path("api/v1/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        return Response.ok(openApi, MediaType.APPLICATION_JSON).build();
    }
}
