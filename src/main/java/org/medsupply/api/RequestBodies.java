// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/** Reads request bodies (JSON as text, workbooks and zips as bytes); the size limit is enforced by {@link RequestBodyFilter} underneath. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The byte order mark some editors put first; RFC 8259 lets a parser ignore it, and we do. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * The body as strict UTF-8 text without a leading byte order mark; an empty, incomplete (cut before
     * its length, or too slow to arrive) or invalid UTF-8 body is an input error.
     */
    static String readUtf8(InputStream body) throws PayloadTooLargeException, InvalidInputException {
        byte[] bytes = readBytes(body, "send JSON");
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(new InputError("", "the body is not valid UTF-8")));
        }
    }

    /**
     * The whole body; an empty or incomplete one is an input error.
     *
     * @param expected what to send instead of nothing, for the message
     */
    static byte[] readBytes(InputStream body, String expected) throws PayloadTooLargeException, InvalidInputException {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException cut) {
            throw new InvalidInputException(List.of(new InputError("", "the body could not be read completely")));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(List.of(new InputError("", "the body is empty; " + expected)));
        }
        return bytes;
    }
}
