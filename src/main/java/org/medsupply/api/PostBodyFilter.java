// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a POST must say about its body, checked once Jersey has matched it to a resource method, so a
 * POST to a path that takes none is a 405 whatever it sends. Without {@code Content-Type} it is refused
 * with 415 (JAX-RS would otherwise treat a missing type as matching any {@code @Consumes}); so is a
 * compressed body: bodies are small JSON, and inflating them would need a second size limit.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class PostBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException();
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.strip().toLowerCase(Locale.ROOT).equals("identity")) {
            throw new BadHeaderException(ProblemDetail.of("unsupported-media-type", "Unsupported media type", 415,
                    "compressed bodies (Content-Encoding) are not accepted; send the JSON uncompressed"));
        }
    }
}
