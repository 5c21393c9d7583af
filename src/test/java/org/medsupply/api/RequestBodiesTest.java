// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.medsupply.io.InvalidInputException;

class RequestBodiesTest {

    /** A body whose connection breaks after a few bytes, or that says it is too large. */
    private static InputStream failing(IOException failure) {
        return new InputStream() {
            private int left = 3;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return '{';
                }
                throw failure;
            }
        };
    }

    @Test
    void readsUtf8Text() throws Exception {
        assertThat(RequestBodies.readUtf8(new ByteArrayInputStream("{\"name\":\"Wuhan ✓\"}"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo("{\"name\":\"Wuhan ✓\"}");
    }

    @Test
    void aBodyCutShortIsAnInputErrorAndAnOversizedOneStays413() {
        assertThatThrownBy(() -> RequestBodies.readUtf8(failing(new IOException("connection reset"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestBodies.readUtf8(failing(new PayloadTooLargeException(2))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void emptyBodiesAndInvalidUtf8AreInputErrors() {
        assertThatThrownBy(() -> RequestBodies.readUtf8(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestBodies.readUtf8(new ByteArrayInputStream(new byte[] {'"', (byte) 0xc3, '"'})))
                .isInstanceOf(InvalidInputException.class);
    }
}
