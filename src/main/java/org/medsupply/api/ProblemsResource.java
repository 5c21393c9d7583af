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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.sheet.Spreadsheets;
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

    private final HttpConfig http;

    @Inject
    public ProblemsResource(JobService jobs, HttpConfig http) {
        this.jobs = jobs;
        this.http = http;
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Validation validate(InputStream body) throws Exception {
        String json = RequestBodies.readUtf8(body);
        return validation(() -> PlansResource.readProblem(jobs, json));
    }

    /** The same for a problem sent as a workbook or a zip of CSV tables; errors name their cells. */
    @POST
    @Path("validate")
    @Consumes({Spreadsheets.XLSX_MEDIA_TYPE, Spreadsheets.ZIP_MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    public Validation validateTables(@Context HttpHeaders headers, InputStream body) throws Exception {
        byte[] tables = RequestBodies.readBytes(body, "send a workbook or a zip of CSV tables");
        return validation(() -> PlansResource.readTables(jobs, http, headers.getMediaType(), tables));
    }

    /** Reads a problem in some form; only what reading throws for bad input is caught. */
    private interface ProblemRead {
        ProblemFile read() throws Exception;
    }

    private static Validation validation(ProblemRead read) throws Exception {
        try {
            read.read();
            return new Validation(true, null);
        } catch (InvalidInputException e) {
            return new Validation(false, e.errors().stream().map(ProblemDetail.FieldError::of).toList());
        }
    }
}
