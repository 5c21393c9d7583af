// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Guards requests before Jersey matches them to a resource. {@code Content-Type} and {@code Accept} are
 * parsed here first: Jersey reads them while matching and answers an unparsable one with an empty 400
 * that no exception mapper sees. Here it is a 415 or 406, as a media type the service does not take or
 * make would be. And the size limit holds: a declared
 * {@code Content-Length} over it is refused before reading, and every body (chunked ones included) is
 * counted while it is read, failing with {@link PayloadTooLargeException} at the first byte over.
 * What a matched POST must say about its body is {@link PostBodyFilter}'s business.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestBodyFilter implements ContainerRequestFilter {

    private final long maxBytes;

    RequestBodyFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        try {
            request.getMediaType();
        } catch (ProcessingException malformed) {
            throw new NotSupportedException();
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (ProcessingException malformed) {
            throw new NotAcceptableException();
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }
        request.setEntityStream(new Counting(request.getEntityStream(), maxBytes));
    }

    private static final class Counting extends FilterInputStream {

        private final long maxBytes;
        private long count;

        Counting(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws PayloadTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }
    }
}
