// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medsupply.io.InvalidInputException;
import org.medsupply.service.ChangeRefusedException;
import org.medsupply.service.IdempotencyConflictException;
import org.medsupply.service.JobNotFoundException;
import org.medsupply.service.NoPlanYetException;
import org.medsupply.service.OverloadedException;
import org.medsupply.store.StoreException;

/**
 * Turns every exception into an RFC 9457 problem detail: ours, Jersey's (404 unknown path, 405, 406,
 * 415) and Jackson's. Details are written here, never copied from exception messages of libraries,
 * so no class name, stack trace or file path reaches a client; unexpected failures are logged with a
 * reference that the response names.
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final int STORE_RETRY_SECONDS = 5;

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof InvalidInputException invalid) {
            List<ProblemDetail.FieldError> errors = invalid.errors().stream()
                    .map(e -> new ProblemDetail.FieldError(e.pointer(), null, e.detail())).toList();
            return problem(new ProblemDetail(ProblemDetail.TYPE_PREFIX + "invalid-input", "Invalid input", 400,
                    errors.size() == 1 ? "1 error in the request body" : errors.size() + " errors in the request body",
                    errors)).build();
        }
        if (exception instanceof InvalidParameterException parameter) {
            return problem(new ProblemDetail(ProblemDetail.TYPE_PREFIX + "invalid-parameter", "Invalid parameter", 400,
                    "query parameter '" + parameter.parameter() + "': " + parameter.getMessage(),
                    List.of(new ProblemDetail.FieldError(null, parameter.parameter(), parameter.getMessage())))).build();
        }
        if (exception instanceof PayloadTooLargeException tooLarge) {
            return problem(ProblemDetail.of("payload-too-large", "Payload too large", 413,
                    "the request body is over the limit of " + tooLarge.limitBytes() + " bytes"))
                    .header("Connection", "close").build();
        }
        if (exception instanceof BadHeaderException header) {
            return problem(header.problem()).build();
        }
        if (exception instanceof JobNotFoundException) {
            return problem(ProblemDetail.of("job-not-found", "Job not found", 404,
                    "no job with this id: it never existed or its retention has passed")).build();
        }
        if (exception instanceof NoPlanYetException noPlan) {
            return problem(ProblemDetail.of("no-plan-yet", "No plan yet", 409, noPlan.getMessage())).build();
        }
        if (exception instanceof OverloadedException overloaded) {
            return problem(ProblemDetail.of("overloaded", "Service unavailable", 503,
                    overloaded.getMessage() + "; retry later"))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, overloaded.retryAfter().toSeconds())).build();
        }
        if (exception instanceof ChangeRefusedException refused) {
            return problem(switch (refused.reason()) {
                case JOB_ENDED -> ProblemDetail.of("job-ended", "Job ended", 409, refused.getMessage());
                case STALE_REVISION -> ProblemDetail.of("stale-revision", "Precondition failed", 412,
                        refused.getMessage());
            }).build();
        }
        if (exception instanceof IdempotencyConflictException) {
            return problem(ProblemDetail.of("idempotency-key-reused", "Idempotency key reused", 422,
                    "this Idempotency-Key was used within 24 hours for a different request; use a new key")).build();
        }
        if (exception instanceof StoreException) {
            String reference = UUID.randomUUID().toString();
            LOG.error("job store failed (reference {})", reference, exception);
            return problem(ProblemDetail.of("storage-unavailable", "Service unavailable", 503,
                    "the job store is unavailable (reference " + reference + "); nothing was changed, retry later"))
                    .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_SECONDS).build();
        }
        if (exception instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        if (exception instanceof JsonProcessingException) {
            return problem(ProblemDetail.of("invalid-input", "Invalid input", 400,
                    "the body is not valid JSON of the expected shape")).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure (reference {})", reference, exception);
        return problem(ProblemDetail.of("internal", "Internal error", 500,
                "an unexpected error occurred; reference " + reference)).build();
    }

    private static Response fromStatus(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder builder = switch (status) {
            case 401 -> problem(ProblemDetail.of("unauthorized", "Unauthorized", 401,
                    "send a valid API key as 'Authorization: Bearer KEY'"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case 403 -> problem(ProblemDetail.of("forbidden", "Forbidden", 403,
                    "this API key's role may not do this"));
            case 404 -> problem(ProblemDetail.of("not-found", "Not found", 404, "no resource at this path"));
            case 405 -> problem(ProblemDetail.of("method-not-allowed", "Method not allowed", 405,
                    "this path does not take this method; the Allow header lists those it takes"));
            case 406 -> problem(ProblemDetail.of("not-acceptable", "Not acceptable", 406,
                    "none of the media types in Accept can be produced here; see the API description"));
            case 415 -> problem(ProblemDetail.of("unsupported-media-type", "Unsupported media type", 415,
                    "send the body as application/json"));
            default -> {
                Response.StatusType type = original.getStatusInfo();
                yield problem(ProblemDetail.of(status >= 500 ? "internal" : "client-error", type.getReasonPhrase(),
                        status, type.getReasonPhrase()));
            }
        };
        if (exception instanceof NotAllowedException) {
            builder.allow(original.getAllowedMethods());
        }
        return builder.build();
    }

    private static Response.ResponseBuilder problem(ProblemDetail detail) {
        return Response.status(detail.status()).type(ProblemDetail.MEDIA_TYPE).entity(detail);
    }
}
