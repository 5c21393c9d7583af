// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.io.Json;
import org.medsupply.testing.HttpCalls;

/** {@code serve} in its own JVM on a free port, and a JSON client for it. */
final class ChildServer implements AutoCloseable {

    final Process process;
    final BufferedReader out;
    final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChildServer(Process process, BufferedReader out, URI base) {
        this.process = process;
        this.out = out;
        this.base = base;
    }

    /** Starts {@code serve --port 0} with more options and waits until it listens. */
    static ChildServer start(String... options) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ServeLauncher.class.getName(), "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher address = Pattern.compile("listening on (http://\\S+/) ").matcher(first == null ? "" : first);
        if (!address.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not start: " + first);
        }
        return new ChildServer(process, out, URI.create(address.group(1)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpCalls.send(client, request);
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode getJson(String path) throws IOException {
        return Json.MAPPER.readTree(send(HttpRequest.newBuilder(base.resolve(path))).body());
    }

    /** Submits a problem and returns the job's id. */
    String submit(String problemJson, String query) throws IOException {
        HttpResponse<String> response = post("api/v1/plans" + query, problemJson);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).get("id").asText();
    }

    /** Polls a job until it is final (tests bound the wait with @Timeout). */
    JsonNode awaitFinal(String id) throws IOException, InterruptedException {
        while (true) {
            JsonNode job = getJson("api/v1/plans/" + id);
            if (List.of("DONE", "FAILED", "CANCELLED").contains(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
