// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.net.URI;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.medsupply.io.Json;

/**
 * Sits in front of Jersey's Grizzly container and answers 400 for a request URI that is not a valid
 * URI (e.g. {@code /plans/%zz}): Jersey would fail building its request and Grizzly would report a
 * 500 server error for what is the client's mistake. It also hands {@code /ui} to the web page: with a
 * second handler registered, Grizzly would map (and fail decoding) such URIs before any handler ran.
 */
final class UriGuard extends HttpHandler {

    private final HttpHandler jersey;
    private final HttpHandler webPage;

    UriGuard(HttpHandler jersey, HttpHandler webPage) {
        this.jersey = jersey;
        this.webPage = webPage;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String query = request.getQueryString();
        try {
            URI.create(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException malformed) {
            response.setStatus(400);
            response.setContentType(ProblemDetail.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json(ProblemDetail.of("malformed-uri", "Bad request", 400,
                    "the request URI is malformed (check its percent-encoding)")));
            return;
        }
        String path = request.getRequestURI();
        if (path.equals(WebPage.CONTEXT) || path.startsWith(WebPage.CONTEXT + "/")) {
            webPage.service(request, response);
        } else {
            jersey.service(request, response);
        }
    }

    private static String json(ProblemDetail detail) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(detail);
    }

    @Override
    public void start() {
        jersey.start();
        webPage.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
        webPage.destroy();
    }
}
