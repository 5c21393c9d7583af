// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The one way into the program for a problem file: parses it, checks every rule of FORMAT.md and
 * either returns a {@link ProblemFile} that {@link ProblemMapper} can use as it is, or throws an
 * {@link InvalidInputException} listing every error found (capped by {@link Limits#maxErrors()}).
 * Nothing else escapes for bad input: no parser exception, no stack trace.
 */
public final class ProblemReader {

    /**
     * NaN and Infinity are read as numbers so that the validator can point at them; trailing content is
     * checked here so that its message can give a line and column.
     */
    private static final ObjectReader TREE_READER = Json.MAPPER.reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * What one problem may ask of the machine, beyond what FORMAT.md itself forbids.
     *
     * @param maxBytes            size of the document (files and streams; a string is already in memory)
     * @param maxListLength       entries in any one JSON array (supplies, demands, matrix rows, ...)
     * @param maxTripsPerVehicle  highest {@code maxTrips}: each trip is a planning object
     * @param maxErrors           errors listed before a final "and N more" entry
     */
    public record Limits(long maxBytes, int maxListLength, int maxTripsPerVehicle, int maxErrors) {

        /** Generous limits for files a coordinator runs on their own machine. */
        public static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 100_000, 1_000, 200);

        public Limits {
            if (maxBytes < 1 || maxListLength < 1 || maxTripsPerVehicle < 1 || maxErrors < 1) {
                throw new IllegalArgumentException("every limit must be at least 1");
            }
        }
    }

    private ProblemReader() {
    }

    public static ProblemFile read(String json) throws InvalidInputException {
        try (JsonParser parser = TREE_READER.createParser(json)) {
            return read(parser, Limits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    /** @throws IOException when the file cannot be opened or read (the caller reports it) */
    public static ProblemFile read(Path file) throws IOException, InvalidInputException {
        long size = Files.size(file);
        if (size > Limits.DEFAULT.maxBytes()) {
            throw tooLarge(Limits.DEFAULT);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, Limits.DEFAULT);
        }
    }

    public static ProblemFile read(InputStream in) throws IOException, InvalidInputException {
        return read(in, Limits.DEFAULT);
    }

    /**
     * Reads a UTF-8 (or UTF-16/32, detected) document of at most {@code limits.maxBytes()} bytes;
     * stops reading as soon as the document is known to be too large. Does not close {@code in}.
     *
     * @throws IOException only when {@code in} itself fails
     */
    public static ProblemFile read(InputStream in, Limits limits) throws IOException, InvalidInputException {
        try (JsonParser parser = TREE_READER.createParser(new BoundedInputStream(in, limits.maxBytes()))) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return read(parser, limits);
        } catch (DocumentTooLargeException e) {
            throw tooLarge(limits);
        }
    }

    private static ProblemFile read(JsonParser parser, Limits limits) throws IOException, InvalidInputException {
        return read(parse(parser), limits);
    }

    /** Checks an already parsed problem (a patched one, say) by every rule and binds it. */
    public static ProblemFile read(JsonNode root, Limits limits) throws InvalidInputException {
        List<InputError> errors = new ProblemValidator(limits).validate(root);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return Json.MAPPER.treeToValue(root, ProblemFile.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("a problem that passed validation could not be bound", e);
        }
    }

    private static JsonNode parse(JsonParser parser) throws IOException, InvalidInputException {
        try {
            JsonNode root = TREE_READER.readTree(parser);
            if (root == null) {
                throw invalid("", "the document is empty; expected a JSON object");
            }
            if (parser.nextToken() != null) {
                throw invalid("", "unexpected content after the end of the JSON object" + at(parser.currentTokenLocation()));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw invalid("", "the document is too deeply nested or holds a too long string, number or name (at most "
                    + Json.MAX_NESTING_DEPTH + " levels and " + Json.MAX_STRING_LENGTH + " characters)"
                    + at(parser.currentLocation()));
        } catch (JsonParseException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                String name = parser.getParsingContext().getCurrentName();
                throw invalid(parser.getParsingContext().pathAsPointer().toString(), "duplicate key '" + name + "'");
            }
            throw invalid("", "malformed JSON" + at(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw invalid("", "malformed JSON" + at(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The parser's own words without its hints about Java settings and redacted sources, and without
     * offering NaN and infinities, which are not JSON (the problem reader reads them only so that they can
     * be reported with a pointer).
     */
    public static String plain(String parserMessage) {
        String text = parserMessage.replace(" (or 'NaN'/'+INF'/'-INF')", "");
        for (String cut : List.of(" (start marker", ": enable", "[Source", "`")) {
            int index = text.indexOf(cut);
            if (index >= 0) {
                text = text.substring(0, index);
            }
        }
        return text.strip();
    }

    private static InvalidInputException invalid(String pointer, String detail) {
        return new InvalidInputException(List.of(new InputError(pointer, detail)));
    }

    private static InvalidInputException tooLarge(Limits limits) {
        return invalid("", "the document is larger than " + limits.maxBytes() + " bytes");
    }

    /** Signals that a stream went past {@link Limits#maxBytes()}; turned into an input error above. */
    private static final class DocumentTooLargeException extends IOException {
        DocumentTooLargeException() {
            super("document too large");
        }
    }

    /** Fails as soon as more than {@code maxBytes} have been read, so a huge body is never buffered whole. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws DocumentTooLargeException {
            remaining -= bytes;
            if (remaining < 0) {
                throw new DocumentTooLargeException();
            }
        }
    }
}
