// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A full HTTP worker queue turns requests away with 503 and Retry-After, not Grizzly's 500. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerQueueTest {

    @Test
    void requestsBeyondTheWorkerQueueGet503() throws IOException {
        try (TestServer server = TestServer.start(TestServer.config().build(),
                TestServer.http().workerThreads(1).workerQueue(1).ioTimeout(Duration.ofSeconds(2)).build())) {
            List<Socket> sockets = new ArrayList<>();
            try {
                // each request promises a body it never sends, so it holds its worker until the I/O timeout
                for (int i = 0; i < 3; i++) {
                    Socket socket = new Socket(server.running.uri().getHost(), server.running.uri().getPort());
                    socket.setSoTimeout(15_000);
                    socket.getOutputStream().write(("POST /api/v1/problems/validate HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    sockets.add(socket);
                }
                List<String> responses = new ArrayList<>();
                for (Socket socket : sockets) {
                    socket.shutdownOutput();
                    responses.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                assertThat(responses).anySatisfy(response -> assertThat(response)
                        .startsWith("HTTP/1.1 503 ")
                        .containsIgnoringCase("Retry-After: 2")
                        .containsIgnoringCase("Content-Type: " + TestServer.PROBLEM_JSON)
                        .contains("urn:medsupply:problem:overloaded"));
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
