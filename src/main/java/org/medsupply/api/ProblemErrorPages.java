// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.medsupply.io.Json;

/**
 * Errors Grizzly answers itself (before Jersey sees the request, e.g. while shutting down) as problem
 * details instead of its HTML pages; only the status and its reason phrase are used.
 */
final class ProblemErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(ProblemDetail.MEDIA_TYPE);
        request.getResponse().setCharacterEncoding("UTF-8");
        String title = reasonPhrase == null || reasonPhrase.isBlank() ? "Error" : reasonPhrase;
        try {
            return Json.MAPPER.writeValueAsString(ProblemDetail.of(status >= 500 ? "server-error" : "client-error",
                    title, status, title));
        } catch (JsonProcessingException e) {
            return "{\"title\":\"Error\",\"status\":" + status + "}";
        }
    }
}
