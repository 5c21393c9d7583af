// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medsupply.check.PlanChecker;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanCsv;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanGeoJson;
import org.medsupply.io.PlanWorkbook;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.sheet.Spreadsheets;
import org.medsupply.service.Caller;
import org.medsupply.service.Explanation;
import org.medsupply.service.JobService;
import org.medsupply.service.JobView;
import org.medsupply.service.ServiceConfig;

/** {@code /api/v1/plans}: solve jobs, their plans, explanations and live events, and plan checking. */
@Singleton
@Path("/api/v1/plans")
public final class PlansResource {

    static final String CSV = "text/csv";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String GEO_JSON = "application/geo+json";
    private static final int MAX_PAGE = 500;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY_SHAPE = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** A page of jobs, newest first. */
    public record JobPage(int total, int offset, int limit, List<JobView> jobs) {
    }

    /** The outcome of {@code POST /plans/check}; {@code summary} is the checker's own figures. */
    public record CheckResult(boolean valid, List<?> violations, Object summary) {
    }

    private final JobService jobs;
    private final ServiceConfig config;
    private final EventStreams eventStreams;
    private final HttpConfig http;

    @Inject
    public PlansResource(JobService jobs, EventStreams eventStreams, HttpConfig http) {
        this.jobs = jobs;
        this.config = jobs.config();
        this.eventStreams = eventStreams;
        this.http = http;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("submit")
    public Response submit(@QueryParam("timeLimit") String timeLimit, @QueryParam("seed") String seed,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Context SecurityContext security,
            InputStream body) throws Exception {
        Submission submission = submission(timeLimit, seed, idempotencyKey);
        String json = RequestBodies.readUtf8(body);
        return submit(submission, readProblem(jobs, json), json, security);
    }

    /** The same for a problem sent as a workbook or a zip of CSV tables (FORMAT.md, "Spreadsheets"). */
    @POST
    @Consumes({Spreadsheets.XLSX_MEDIA_TYPE, Spreadsheets.ZIP_MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("submit")
    public Response submitTables(@QueryParam("timeLimit") String timeLimit, @QueryParam("seed") String seed,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Context SecurityContext security,
            @Context HttpHeaders headers, InputStream body) throws Exception {
        Submission submission = submission(timeLimit, seed, idempotencyKey);
        byte[] tables = RequestBodies.readBytes(body, "send a workbook or a zip of CSV tables");
        return submit(submission, readTables(jobs, http, headers.getMediaType(), tables),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tables)), security);
    }

    /** What a submission asks besides its problem, checked before the body is read. */
    private record Submission(Duration limit, Long seed, String idempotencyKey) {
    }

    private Submission submission(String timeLimit, String seed, String idempotencyKey) throws Exception {
        Duration limit = QueryParams.duration("timeLimit", timeLimit, config.defaultTimeLimit(), config.maxTimeLimit());
        Long randomSeed = QueryParams.optionalLong("seed", seed);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_SHAPE.matcher(idempotencyKey).matches()) {
            throw new InvalidParameterException(IDEMPOTENCY_KEY, "1 to 255 visible ASCII characters");
        }
        if (idempotencyKey == null) { // a retry with a key must find its job even when the queue is full
            jobs.checkCapacity();
        }
        return new Submission(limit, randomSeed, idempotencyKey);
    }

    /** @param body the request body, or a digest of it, telling a replay from a different request */
    private Response submit(Submission submission, ProblemFile problem, String body, SecurityContext security)
            throws Exception {
        JobService.IdempotencyKey idempotency = submission.idempotencyKey() == null ? null
                : new JobService.IdempotencyKey(submission.idempotencyKey(), HexFormat.of().formatHex(
                        ApiKeys.sha256(submission.limit() + "\n" + submission.seed() + "\n" + body)));
        JobService.Submitted submitted = jobs.submit(Callers.of(security), problem, submission.limit(),
                submission.seed(), idempotency);
        JobView job = submitted.job();
        Response.ResponseBuilder response = Response.accepted(job).location(URI.create("/api/v1/plans/" + job.id()));
        if (!submitted.created()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JobPage list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context SecurityContext security) throws InvalidParameterException {
        int pageSize = QueryParams.intInRange("limit", limit, 50, 1, MAX_PAGE);
        int skip = QueryParams.intInRange("offset", offset, 0, 0, Integer.MAX_VALUE);
        Caller caller = Callers.of(security);
        return new JobPage(jobs.jobCount(caller), skip, pageSize, jobs.list(caller, pageSize, skip));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView get(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        return jobs.get(Callers.of(security), id);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("submit")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        JobService.CancelOutcome outcome = jobs.cancel(Callers.of(security), id);
        return Response.status(outcome.stopping() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(outcome.job()).build();
    }

    @GET
    @Path("{id}/plan")
    @Produces(MediaType.APPLICATION_JSON + ";qs=1")
    public PlanFile plan(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        return jobs.bestPlan(Callers.of(security), id);
    }

    @GET
    @Path("{id}/plan")
    @Produces(CSV + ";qs=0.5")
    public Response planCsv(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        JobService.PlannedProblem planned = jobs.bestPlanWithProblem(Callers.of(security), id);
        String csv = PlanCsv.write(planned.problem(), planned.plan());
        return Response.ok(csv, CSV + "; charset=utf-8; header=present").build();
    }

    @GET
    @Path("{id}/plan")
    @Produces(GEO_JSON + ";qs=0.5")
    public Response planGeoJson(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        JobService.PlannedProblem planned = jobs.bestPlanWithProblem(Callers.of(security), id);
        return Response.ok(PlanGeoJson.write(planned.problem(), planned.plan()), GEO_JSON).build();
    }

    @GET
    @Path("{id}/problem")
    @Produces(MediaType.APPLICATION_JSON)
    public Response problem(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        JobService.RevisedProblem problem = jobs.revisedProblem(Callers.of(security), id);
        return Response.ok(problem.problem()).header(HttpHeaders.ETAG, IfMatch.tag(problem.revision())).build();
    }

    @POST
    @Path("{id}/changes")
    @Consumes(JSON_PATCH)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("submit")
    public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security, InputStream body) throws Exception {
        String json = RequestBodies.readUtf8(body);
        jobs.checkJson(json);
        JobView job = jobs.change(Callers.of(security), id, IfMatch.revisions(ifMatch), Json.MAPPER.readTree(json));
        return Response.accepted(job).location(URI.create("/api/v1/plans/" + job.id()))
                .header(HttpHeaders.ETAG, IfMatch.tag(job.problemRevision())).build();
    }

    @POST
    @Path("{id}/replan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("submit")
    public Response replan(@PathParam("id") String id, @QueryParam("timeLimit") String timeLimit,
            @QueryParam("seed") String seed, @Context SecurityContext security, InputStream body) throws Exception {
        Duration limit = QueryParams.duration("timeLimit", timeLimit, config.defaultTimeLimit(), config.maxTimeLimit());
        Long randomSeed = QueryParams.optionalLong("seed", seed);
        jobs.checkCapacity();
        String json = RequestBodies.readUtf8(body);
        jobs.checkJson(json);
        ObjectNode request = object(Json.MAPPER.readTree(json), "at and patch");
        List<InputError> errors = new ArrayList<>(unknownFields(request, "at", "patch"));
        JsonNode at = request.get("at");
        if (at == null || !at.isTextual()) {
            errors.add(new InputError("/at", "required: the date-time to re-plan at, with an offset"));
        }
        JsonNode patch = request.get("patch");
        if (patch != null && !patch.isArray()) {
            errors.add(new InputError("/patch", "a JSON Patch must be an array of operations"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        JobView job = jobs.replan(Callers.of(security), id, at.textValue(), patch, limit, randomSeed).job();
        return Response.accepted(job).location(URI.create("/api/v1/plans/" + job.id())).build();
    }

    @GET
    @Path("{id}/plan")
    @Produces(ProblemWorkbook.MEDIA_TYPE + ";qs=0.5")
    public Response planWorkbook(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        JobService.PlannedProblem planned = jobs.bestPlanWithProblem(Callers.of(security), id);
        ByteArrayOutputStream workbook = new ByteArrayOutputStream(); // whole before the status line: no half file
        PlanWorkbook.write(planned.problem(), planned.plan(), workbook);
        return Response.ok(workbook.toByteArray(), ProblemWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + ".xlsx\"").build();
    }

    @GET
    @Path("{id}/explanation")
    @Produces(MediaType.APPLICATION_JSON)
    public Explanation explanation(@PathParam("id") String id, @Context SecurityContext security) throws Exception {
        return jobs.explain(Callers.of(security), id);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse,
            @Context SecurityContext security) throws Exception {
        eventStreams.open(Callers.of(security), id, sink, sse);
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CheckResult check(InputStream body) throws Exception {
        String json = RequestBodies.readUtf8(body);
        jobs.checkJson(json);
        ObjectNode envelope = object(Json.MAPPER.readTree(json), "problem and plan");
        List<InputError> errors = unknownFields(envelope, "problem", "plan");
        ProblemFile problem = null;
        PlanFile plan = null;
        try {
            problem = readProblem(jobs, required(envelope, "problem"));
        } catch (InvalidInputException e) {
            errors.addAll(prefixed("/problem", e));
        }
        try {
            plan = PlanChecker.readPlan(required(envelope, "plan"));
        } catch (InvalidInputException e) {
            errors.addAll(prefixed("/plan", e));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var report = PlanChecker.check(problem, plan);
        return new CheckResult(report.valid(), report.violations(), report.summary());
    }

    /** Reads a problem the way every endpoint does: JSON limits, then the reader, then the size limits. */
    static ProblemFile readProblem(JobService jobs, String json) throws InvalidInputException {
        jobs.checkJson(json);
        ProblemFile problem = ProblemReader.read(json);
        jobs.checkProblemSize(problem);
        return problem;
    }

    /** The body as an object, or an error saying it should be one with {@code fields}. */
    private static ObjectNode object(JsonNode root, String fields) throws InvalidInputException {
        if (!(root instanceof ObjectNode envelope)) {
            throw new InvalidInputException(List.of(new InputError("", "expected an object with " + fields)));
        }
        return envelope;
    }

    /** An error for every field of {@code envelope} not {@code known}. */
    private static List<InputError> unknownFields(ObjectNode envelope, String... known) {
        List<InputError> errors = new ArrayList<>();
        for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(known).contains(name)) {
                errors.add(new InputError("/" + name, "unknown field '" + name + "'"));
            }
        }
        return errors;
    }

    /**
     * Reads a problem sent as a workbook or a zip of CSV tables: the tables' own rules (a zip inflates to at
     * most the body limit), the rules of every problem, then the same size limits as JSON, its text included.
     */
    static ProblemFile readTables(JobService jobs, HttpConfig http, MediaType type, byte[] body) throws Exception {
        ProblemReader.Limits limits = new ProblemReader.Limits(http.maxBodyBytes(),
                ProblemReader.Limits.DEFAULT.maxListLength(), ProblemReader.Limits.DEFAULT.maxTripsPerVehicle(),
                ProblemReader.Limits.DEFAULT.maxErrors());
        ProblemFile problem = type.isCompatible(MediaType.valueOf(Spreadsheets.ZIP_MEDIA_TYPE))
                ? Spreadsheets.readCsvZip(new ByteArrayInputStream(body), limits)
                : Spreadsheets.readWorkbook(new ByteArrayInputStream(body), limits);
        jobs.checkJson(Json.MAPPER.writeValueAsString(problem));
        jobs.checkProblemSize(problem);
        return problem;
    }

    private static String required(ObjectNode envelope, String field) throws InvalidInputException {
        JsonNode node = envelope.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInputException(List.of(new InputError("", "required")));
        }
        return node.toString();
    }

    private static List<InputError> prefixed(String prefix, InvalidInputException e) {
        return e.errors().stream().map(error -> new InputError(prefix + error.pointer(), error.detail())).toList();
    }
}
