// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.medsupply.io.Json;

/**
 * Grizzly's HTTP codec, answering the requests it rejects itself with a problem detail instead of an
 * empty body: a header section over the listener's limits (431 here, where Grizzly says 400), an
 * unparsable {@code Content-Length}, an unknown HTTP version (505), a broken chunked body, and a
 * request line that does not start with a method or a header line without a colon (which Grizzly would
 * wait on until the connection times out). These never reach a handler, so neither Jersey nor the error
 * page generator sees them; the codec's only hook is {@link #customizeErrorResponse}, hence this
 * subclass, put in place of the stock codec when the listener builds its filter chain.
 */
final class ProblemCodecFilter extends HttpServerFilter {

    /** The request the stock codec is parsing on a connection, under the name it stores it by. */
    private static final Attribute<HttpRequestPacket> PARSING =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HTTP_SERVER_REQUEST_ATTR_NAME);
    /** The characters of a method name besides letters and digits (RFC 9110 token). */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final int maxHeaderFields;

    /** Makes the listener use this codec in place of the stock one (before the server starts). */
    static void install(NetworkListener listener) {
        listener.registerAddOn((configured, chain) -> {
            int codec = chain.indexOfType(HttpServerFilter.class);
            chain.set(codec, new ProblemCodecFilter(configured, (HttpServerFilter) chain.get(codec)));
        });
    }

    /** Configured as {@code HttpServer.configureListener} configures the stock codec, which is replaced. */
    @SuppressWarnings("deprecation") // the constructor HttpServer itself uses; Grizzly has no builder yet
    private ProblemCodecFilter(NetworkListener listener, HttpServerFilter stock) {
        super(listener.isChunkingEnabled(), maxHeaderBytes(listener), stock.getDefaultResponseContentType(),
                listener.getKeepAlive(), null, listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        for (ContentEncoding encoding : stock.getContentEncodings()) {
            addContentEncoding(encoding);
        }
        setAllowPayloadForUndefinedHttpMethods(stock.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(stock.getMaxPayloadRemainderToSkip());
        setPreserveHeaderCase(stock.isPreserveHeaderCase());
        setRemoveHandledContentEncodingHeaders(stock.isRemoveHandledContentEncodingHeaders());
        getMonitoringConfig().addProbes(stock.getMonitoringConfig().getProbes());
        maxHeaderFields = listener.getMaxRequestHeaders();
    }

    private static int maxHeaderBytes(NetworkListener listener) {
        return listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                : listener.getMaxHttpHeaderSize();
    }

    /**
     * A broken body of a request not yet handed to Jersey has been answered (400, connection closing,
     * logged once at FINE by the codec); handing it on would only have Grizzly's server filter throw
     * while reading it, logged as a WARNING with a stack trace each time. A request Jersey is already
     * reading gets its broken body as usual, so the read fails there.
     */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        HttpRequestPacket parsing = PARSING.get(ctx.getConnection());
        boolean handedOn = parsing != null && ((HttpPacketParsing) parsing).isHeaderParsed();
        NextAction next = super.handleRead(ctx);
        if (!handedOn && ctx.getMessage() instanceof HttpContent content && HttpContent.isBroken(content)) {
            return ctx.getStopAction();
        }
        return next;
    }

    /**
     * Fails the request (400) at the first byte of its method name that cannot be one: Grizzly reads a
     * method up to the first space, so garbage without one (a TLS hello, a bare line) would leave it
     * waiting for more until the idle timeout. Bytes before {@code offset} were checked on earlier reads.
     */
    @Override
    protected boolean decodeHttpPacket(FilterChainContext ctx, HttpPacketParsing request, Buffer input) {
        HeaderParsingState state = request.getHeaderParsingState();
        if (state.state == 0 && state.subState == 0) {
            for (int i = state.offset; i < input.limit() && input.get(i) != ' '; i++) {
                if (!isTokenChar(input.get(i))) {
                    // answered in HTTP/1.1 with headers: Grizzly takes a request without a version for HTTP/0.9
                    ((HttpRequestPacket) request).setProtocol(Protocol.HTTP_1_1);
                    throw new IllegalStateException("the request line does not start with a method name");
                }
            }
        }
        return super.decodeHttpPacket(ctx, request, input);
    }

    /**
     * Fails the request (400) at the first byte of a header name that cannot be one: Grizzly reads a name up
     * to its colon, so a header line without one would leave it waiting for more until the idle timeout.
     */
    @Override
    protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state,
            Buffer input) {
        for (int i = state.offset; i < Math.min(input.limit(), state.packetLimit) && input.get(i) != ':'; i++) {
            requireHeaderNameChar(input.get(i));
        }
        return super.parseHeaderName(header, headers, state, input);
    }

    /** The same for a heap buffer, which Grizzly parses as an array (offsets from {@code arrayOffset}). */
    @Override
    protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state,
            byte[] input, int end) {
        int limit = Math.min(end, state.arrayOffset + state.packetLimit);
        for (int i = state.arrayOffset + state.offset; i < limit && input[i] != ':'; i++) {
            requireHeaderNameChar(input[i]);
        }
        return super.parseHeaderName(header, headers, state, input, end);
    }

    private static void requireHeaderNameChar(byte b) {
        if (!isTokenChar(b)) {
            throw new IllegalStateException("a header line without a colon after its name");
        }
    }

    private static boolean isTokenChar(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || TOKEN_SYMBOLS.indexOf(b) >= 0;
    }

    /** Turns Grizzly's 400 for an oversized header section into 431; the response is then written as usual. */
    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error)
            throws IOException {
        if (headersTooLarge(error)) {
            ((HttpRequestPacket) header).getResponse().setStatus(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        super.onHttpHeaderError(header, ctx, error);
    }

    /**
     * Too many fields has its own exception type; too many bytes (request line or headers) is a plain
     * IllegalStateException told apart only by its message, "HTTP packet ... is too large".
     */
    private static boolean headersTooLarge(Throwable error) {
        return error instanceof MimeHeaders.MaxHeaderCountExceededException
                || error instanceof IllegalStateException && error.getMessage() != null
                        && error.getMessage().endsWith(" is too large");
    }

    /** The body of every response the codec sends on its own; the connection is closed after it. */
    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        int status = response.getStatus();
        ProblemDetail problem = switch (status) {
            case 431 -> ProblemDetail.of("headers-too-large", "Request header fields too large", status,
                    "the request line and headers are over " + maxHeadersSize + " bytes or " + maxHeaderFields
                            + " header fields");
            case 505 -> ProblemDetail.of("http-version-not-supported", "HTTP version not supported", status,
                    "the request line names an HTTP version this server does not speak; use HTTP/1.1");
            default -> ProblemDetail.of("malformed-request", "Bad request", status,
                    "the request is not valid HTTP/1.1 (request line, headers, Content-Length or chunked body)");
        };
        byte[] body = json(problem);
        response.setContentType(ProblemDetail.MEDIA_TYPE);
        response.setContentLength(body.length);
        return HttpContent.builder(response).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true).build();
    }

    private static byte[] json(ProblemDetail problem) {
        try {
            return Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
