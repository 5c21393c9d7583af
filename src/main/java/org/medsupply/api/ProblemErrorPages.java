// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.concurrent.RejectedExecutionException;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.medsupply.io.Json;

/**
 * Errors Grizzly answers itself (before Jersey sees the request, e.g. while shutting down) as problem
 * details instead of its HTML pages; only the status and its reason phrase are used. A request turned
 * away because the HTTP worker queue is full, which Grizzly reports as a 500, becomes the 503 with
 * {@code Retry-After} that it is (Grizzly sets the status before asking for the page, so it can be
 * corrected here).
 */
final class ProblemErrorPages implements ErrorPageGenerator {

    private final long retryAfterSeconds;

    ProblemErrorPages(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        Response response = request.getResponse();
        response.setContentType(ProblemDetail.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try {
            if (exception instanceof RejectedExecutionException) {
                response.setStatus(503);
                response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
                return Json.MAPPER.writeValueAsString(ProblemDetail.of("overloaded", "Service unavailable", 503,
                        "too many requests are waiting for a worker; retry later"));
            }
            String title = reasonPhrase == null || reasonPhrase.isBlank() ? "Error" : reasonPhrase;
            return Json.MAPPER.writeValueAsString(ProblemDetail.of(status >= 500 ? "server-error" : "client-error",
                    title, status, title));
        } catch (JsonProcessingException e) {
            return "{\"title\":\"Error\",\"status\":" + status + "}";
        }
    }
}
