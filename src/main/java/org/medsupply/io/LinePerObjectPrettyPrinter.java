// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;

/**
 * Lays JSON out the way FORMAT.md shows it: the root object one field per line, every object that is
 * an array element (a supply, a hospital, a demand line) on a line of its own, everything inside such an
 * object on that line. A large problem file stays readable and diffs line by line, at a third of the
 * size of one-field-per-line output. Line ends are always {@code \n}, so output is byte-identical on
 * every platform.
 */
public final class LinePerObjectPrettyPrinter implements PrettyPrinter, Instantiatable<LinePerObjectPrettyPrinter> {

    private static final String INDENT = "  ";

    /** One entry per open container: whether it is laid out over several lines. */
    private final Deque<Container> open = new ArrayDeque<>();

    private static final class Container {
        final boolean array;
        boolean multiLine;

        Container(boolean array, boolean multiLine) {
            this.array = array;
            this.multiLine = multiLine;
        }
    }

    @Override
    public LinePerObjectPrettyPrinter createInstance() {
        return new LinePerObjectPrettyPrinter();
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
        startOnNewLineInArray(gen);
        gen.writeRaw('{');
        open.push(new Container(false, open.isEmpty()));
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) throws IOException {
        if (open.peek().multiLine) {
            newLine(gen, depthOfMultiLineContainers());
        }
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(',');
        if (open.peek().multiLine) {
            newLine(gen, depthOfMultiLineContainers());
        } else {
            gen.writeRaw(' ');
        }
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int nrOfEntries) throws IOException {
        close(gen, nrOfEntries, '}');
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
        startOnNewLineInArray(gen);
        gen.writeRaw('[');
        open.push(new Container(true, false));
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) {
        // a scalar follows '[' directly; an object or array starts its own line itself
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(',');
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
        close(gen, nrOfValues, ']');
    }

    /** An object or array inside an array goes on its own line, which makes the array multi-line. */
    private void startOnNewLineInArray(JsonGenerator gen) throws IOException {
        Container parent = open.peek();
        if (parent != null && parent.array) {
            parent.multiLine = true;
            newLine(gen, depthOfMultiLineContainers());
        }
    }

    private void close(JsonGenerator gen, int entries, char bracket) throws IOException {
        Container closing = open.pop();
        if (closing.multiLine && entries > 0) {
            newLine(gen, depthOfMultiLineContainers());
        }
        gen.writeRaw(bracket);
    }

    private int depthOfMultiLineContainers() {
        int depth = 0;
        for (Container container : open) {
            if (container.multiLine) {
                depth++;
            }
        }
        return depth;
    }

    private static void newLine(JsonGenerator gen, int depth) throws IOException {
        gen.writeRaw('\n');
        gen.writeRaw(INDENT.repeat(depth));
    }
}
