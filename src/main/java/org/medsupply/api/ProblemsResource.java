// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.medsupply.io.InvalidInputException;
import org.medsupply.service.JobService;

/** {@code /api/v1/problems}: checking a problem without solving it. */
@Singleton
@Path("/api/v1/problems")
public final class ProblemsResource {

    /** @param errors every problem found; absent when valid */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(boolean valid, List<ProblemDetail.FieldError> errors) {
    }

    private final JobService jobs;

    @Inject
    public ProblemsResource(JobService jobs) {
        this.jobs = jobs;
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Validation validate(InputStream body) throws Exception {
        try {
            PlansResource.readProblem(jobs, RequestBodies.readUtf8(body));
            return new Validation(true, null);
        } catch (InvalidInputException e) {
            return new Validation(false, e.errors().stream()
                    .map(ProblemDetail.FieldError::of).toList());
        }
    }
}
