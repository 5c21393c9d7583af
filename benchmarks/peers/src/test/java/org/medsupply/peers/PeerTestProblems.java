// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;

/** Small problems: files under {@code src/test/resources/problems}, or JSON written in a test. */
final class PeerTestProblems {

    private PeerTestProblems() {
    }

    static ProblemFile load(String fileName) {
        return parse(text(fileName));
    }

    static String text(String fileName) {
        try (InputStream in = PeerTestProblems.class.getResourceAsStream("/problems/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no test problem " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemFile parse(String json) {
        try {
            return Json.MAPPER.readValue(json, ProblemFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
