// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request, whoever detects it (our code, Jersey, Jackson or Grizzly), is answered
 * with an RFC 9457 problem detail that leaks no internals.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorContractTest {

    private static final String PLANS = "/api/v1/plans";
    /** The first bytes of a TLS ClientHello, as a client that took the port for HTTPS sends them. */
    private static final String TLS_CLIENT_HELLO_START =
            "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003";
    /** Bounds a raw read that would otherwise wait for the server's idle timeout (a hang, not a slow answer). */
    private static final int HANG_GUARD_MILLIS = 10_000;
    private static TestServer server;

    /**
     * @param where the pointer or parameter the errors must name, or {@code null} when none is expected
     * @param says  words the problem detail must contain, or {@code null}
     */
    record Case(String name, int status, Function<TestServer, HttpResponse<String>> request, String where,
            String says) {

        Case(String name, int status, Function<TestServer, HttpResponse<String>> request, String where) {
            this(name, status, request, where, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Case> badRequests() {
        String unknownJob = PLANS + "/" + UUID.randomUUID();
        return Stream.of(
                new Case("malformed JSON", 400, s -> s.post(PLANS, "{\"name\": "), null),
                new Case("trailing garbage", 400, s -> s.post(PLANS, "{} x"), null),
                new Case("empty body", 400, s -> s.post(PLANS, ""), ""),
                new Case("null document", 400, s -> s.post(PLANS, "null"), ""),
                new Case("array instead of object", 400, s -> s.post(PLANS, "[]"), ""),
                new Case("invalid UTF-8", 400, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', '}'}))), ""),
                new Case("duplicate field", 400, s -> s.post(PLANS, "{\"name\": \"a\", \"name\": \"b\"}"), "/name",
                        "duplicate key 'name'"),
                new Case("NaN for a number", 400, s -> s.post(PLANS, problem().replaceFirst("\"quantity\": *\\d+",
                        "\"quantity\": NaN")), "/hospitals/0/demands/0/quantity", "NaN is not a JSON number"),
                new Case("nesting too deep", 400, s -> s.post(PLANS, "[".repeat(40) + "]".repeat(40)), null),
                new Case("string too long", 400, s -> s.post(PLANS, "{\"name\": \"" + "a".repeat(20_000) + "\"}"),
                        "/name"),
                new Case("wrong type: array expected", 400, s -> s.post(PLANS, edit(p -> p.put("supplies", "masks"))),
                        "/supplies"),
                new Case("wrong type: number expected", 400, s -> s.post(PLANS,
                        edit(p -> ((ObjectNode) p.at("/hospitals/0/demands/0")).put("quantity", "many"))),
                        "/hospitals/0/demands/0/quantity"),
                new Case("unknown top-level field", 400, s -> s.post(PLANS, edit(p -> p.put("colour", "red"))),
                        "/colour"),
                new Case("unknown nested field", 400, s -> s.post(PLANS,
                        edit(p -> ((ObjectNode) p.at("/vehicles/0")).put("wings", 2))), "/vehicles/0/wings"),
                new Case("dangling warehouse id", 400, s -> s.post(PLANS,
                        edit(p -> ((ObjectNode) p.at("/vehicles/0")).put("warehouse", "wh-9"))), "/vehicles/0/warehouse"),
                new Case("dangling supply id", 400, s -> s.post(PLANS,
                        edit(p -> ((ObjectNode) p.at("/hospitals/0/demands/0")).put("supply", "gloves"))),
                        "/hospitals/0/demands/0/supply"),
                new Case("too many hospitals", 400, s -> s.post(PLANS, edit(ErrorContractTest::fiftyOneHospitals)),
                        "/hospitals"),
                new Case("body over the limit", 413, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(spaces(300 * 1024)))), null),
                new Case("chunked body over the limit", 413, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(spaces(300 * 1024))))), null),
                new Case("wrong media type", 415, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))), null),
                new Case("Content-Type not a media type", 415, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "garbage").POST(HttpRequest.BodyPublishers.ofString("{}"))), null),
                new Case("Content-Type only separators", 415, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", ";;;").POST(HttpRequest.BodyPublishers.ofString("{}"))), null),
                new Case("Accept not a media type", 406, s -> s.get("/health", ";;;"), null),
                new Case("gzip body", 415, s -> s.send(HttpRequest.newBuilder(s.uri("/api/v1/problems/validate"))
                        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(problem())))), null, "Content-Encoding"),
                new Case("no media type", 415, s -> s.send(HttpRequest.newBuilder(s.uri("/api/v1/problems/validate"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))), null),
                new Case("unknown API path", 404, s -> s.get("/api/v1/nothing"), null),
                new Case("unknown root path", 404, s -> s.get("/index.html"), null),
                new Case("WADL is off", 404, s -> s.get("/application.wadl"), null),
                new Case("wrong verb", 405, s -> s.send(HttpRequest.newBuilder(s.uri(PLANS))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))), null),
                new Case("TRACE", 405, s -> s.send(HttpRequest.newBuilder(s.uri("/health"))
                        .method("TRACE", HttpRequest.BodyPublishers.noBody())), null),
                new Case("DELETE on health", 405, s -> s.delete("/health"), null),
                new Case("bodiless POST on health", 405, s -> s.send(HttpRequest.newBuilder(s.uri("/health"))
                        .POST(HttpRequest.BodyPublishers.noBody())), null),
                new Case("unacceptable Accept", 406, s -> s.get(unknownJob + "/plan", "application/xml"), null),
                new Case("timeLimit not a duration", 400, s -> s.post(PLANS + "?timeLimit=soon", problem()),
                        "timeLimit"),
                new Case("timeLimit over the maximum", 400, s -> s.post(PLANS + "?timeLimit=PT11M", problem()),
                        "timeLimit"),
                new Case("timeLimit negative", 400, s -> s.post(PLANS + "?timeLimit=PT-1S", problem()), "timeLimit"),
                new Case("seed not a number", 400, s -> s.post(PLANS + "?seed=lucky", problem()), "seed"),
                new Case("limit out of range", 400, s -> s.get(PLANS + "?limit=0"), "limit"),
                new Case("unknown job", 404, s -> s.get(unknownJob), null),
                new Case("unknown job's plan", 404, s -> s.get(unknownJob + "/plan"), null),
                new Case("unknown job's explanation", 404, s -> s.get(unknownJob + "/explanation"), null),
                new Case("unknown job's events", 404, s -> s.get(unknownJob + "/events", "text/event-stream"), null),
                new Case("cancel unknown job", 404, s -> s.delete(unknownJob), null),
                new Case("check without a plan", 400, s -> s.post(PLANS + "/check",
                        "{\"problem\": " + problem() + "}"), "/plan"),
                new Case("check with an unknown field", 400, s -> s.post(PLANS + "/check",
                        "{\"problem\": " + problem() + ", \"plan\": {}, \"note\": 1}"), "/note"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblemDetailThatLeaksNothing(Case badRequest) {
        HttpResponse<String> response = badRequest.request().apply(server);

        assertThat(response.statusCode()).isEqualTo(badRequest.status());
        assertThat(TestServer.contentType(response)).startsWith(TestServer.PROBLEM_JSON);
        JsonNode problem = problemDetail(response.body(), badRequest.status());
        if (badRequest.where() != null) {
            assertThat(problem.get("errors")).isNotEmpty();
            JsonNode first = problem.get("errors").get(0);
            String named = first.has("pointer") ? first.get("pointer").asText() : first.get("parameter").asText();
            assertThat(named).isEqualTo(badRequest.where());
            assertThat(first.get("detail").asText()).isNotBlank();
        }
        if (badRequest.says() != null) {
            assertThat(response.body()).contains(badRequest.says());
        }
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsIgnored() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/problems/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("\uFEFF" + problem(), StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).get("valid").asBoolean()).isTrue();
    }

    /**
     * A request written as is on a raw socket: malformed ones the JDK client refuses to send, and those
     * Grizzly's HTTP codec rejects before any handler sees them.
     */
    record Raw(String name, String request, int status, String kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Raw> rawRequests() {
        String manyHeaders = IntStream.range(0, 60).mapToObj(i -> "\r\nX-Field-" + i + ": 1")
                .collect(Collectors.joining());
        return Stream.of(
                new Raw("malformed URI path", head("GET /api/v1/plans/%zz HTTP/1.1"), 400, "malformed-uri"),
                new Raw("unknown method", head("BREW /health HTTP/1.1"), 405, "method-not-allowed"),
                new Raw("malformed URI query", head("GET /api/v1/plans?seed=%ZZ HTTP/1.1"), 400, "malformed-uri"),
                new Raw("headers over 8 KiB", head("GET /health HTTP/1.1\r\nX-Padding: " + "a".repeat(9 * 1024)), 431,
                        "headers-too-large"),
                new Raw("more than 50 headers", head("GET /health HTTP/1.1" + manyHeaders), 431, "headers-too-large"),
                new Raw("non-numeric Content-Length", head("POST /api/v1/problems/validate HTTP/1.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: abc") + "{}", 400, "malformed-request"),
                new Raw("unknown HTTP version", head("GET /health HTTP/9.9"), 505, "http-version-not-supported"),
                new Raw("garbage request line", head("hello"), 400, "malformed-request"),
                new Raw("method without a target", head("GET"), 400, "malformed-request"),
                new Raw("header line without a colon", head("GET /health HTTP/1.1\r\nnot a header"), 400,
                        "malformed-request"),
                new Raw("TLS hello on the plain port", TLS_CLIENT_HELLO_START, 400, "malformed-request"),
                new Raw("broken chunked body", head("POST /api/v1/problems/validate HTTP/1.1\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n",
                        400, "malformed-request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawRequests")
    void rawRequestsAreProblemDetailsToo(Raw raw) throws IOException {
        try (Socket socket = new Socket(server.running.uri().getHost(), server.running.uri().getPort())) {
            socket.setSoTimeout(HANG_GUARD_MILLIS);
            socket.getOutputStream().write(raw.request().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(response).startsWith("HTTP/1.1 " + raw.status() + " ")
                    .containsIgnoringCase("Content-Type: " + TestServer.PROBLEM_JSON)
                    .containsIgnoringCase("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length)
                    .containsIgnoringCase("Connection: close");
            JsonNode problem = problemDetail(body, raw.status());
            assertThat(problem.get("type").asText()).isEqualTo("urn:medsupply:problem:" + raw.kind());
        }
        assertThat(server.get("/health").statusCode()).as("a normal request afterwards").isEqualTo(200);
    }

    /**
     * Grizzly answers a broken chunked body itself; the request must not go on to the server filter, which
     * would throw reading it and have Grizzly log a WARNING with a stack trace each time. The codec's own
     * record of the error, at FINE, is the one kept.
     */
    @Test
    void aBrokenChunkedBodyIsLoggedOnceAtFine() throws IOException {
        Logger grizzly = Logger.getLogger("org.glassfish.grizzly");
        Level level = grizzly.getLevel();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        grizzly.setLevel(Level.FINE);
        grizzly.addHandler(capture);
        int requests = 3;
        try {
            Raw broken = rawRequests().filter(raw -> raw.name().equals("broken chunked body")).findFirst()
                    .orElseThrow();
            for (int i = 0; i < requests; i++) {
                rawRequestsAreProblemDetailsToo(broken);
            }
        } finally {
            grizzly.removeHandler(capture);
            grizzly.setLevel(level);
        }

        assertThat(records).noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
        assertThat(records).filteredOn(record -> record.getMessage().equals("Error parsing HTTP payload"))
                .hasSize(requests).allMatch(record -> record.getLevel() == Level.FINE);
    }

    /** A complete problem detail with the status, naming no class, stack frame or server path. */
    private static JsonNode problemDetail(String body, int status) {
        JsonNode problem = TestServer.json(body);
        assertThat(problem.get("type").asText()).startsWith("urn:medsupply:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(body).doesNotContain("Exception", "org.", "com.", ".java", "\tat ")
                .doesNotContainPattern("/(home|tmp|work|usr|root)/");
        return problem;
    }

    /** The request line and headers as given, then Host, Connection: close and the blank line. */
    private static String head(String lineAndHeaders) {
        return lineAndHeaders + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String problem() {
        return TestServer.tinyProblem("round-trip");
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode problem = (ObjectNode) TestServer.json(problem());
        change.accept(problem);
        return problem.toString();
    }

    private static void fiftyOneHospitals(ObjectNode problem) {
        ArrayNode hospitals = (ArrayNode) problem.get("hospitals");
        JsonNode template = hospitals.get(0);
        for (int i = hospitals.size(); i < 51; i++) {
            hospitals.add(((ObjectNode) template.deepCopy()).put("id", "h" + (i + 1)));
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] spaces(int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '[';
        bytes[count - 1] = ']';
        return bytes;
    }
}
