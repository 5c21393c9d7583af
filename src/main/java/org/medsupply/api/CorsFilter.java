// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * CORS for the configured origins only ({@code *} allows any); with none configured no CORS header
 * is ever sent, so browsers keep other sites' pages from calling the API. Preflight requests from an
 * allowed origin are answered here with 204.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ORIGIN = "Origin";
    private static final String METHODS = "GET, POST, DELETE, OPTIONS";

    private final List<String> allowedOrigins;

    CorsFilter(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && allowed(origin)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Allow-Headers", "Content-Type, Accept, Last-Event-ID")
                    .header("Access-Control-Max-Age", 600)
                    .header("Vary", ORIGIN)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (allowed(origin) && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Location, Retry-After");
            response.getHeaders().add("Vary", ORIGIN);
        }
    }

    private boolean allowed(String origin) {
        return origin != null && (allowedOrigins.contains(origin) || allowedOrigins.contains("*"));
    }
}
