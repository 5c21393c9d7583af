// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Files a command writes: refused up front when they cannot be written, rescued when writing fails late. */
final class OutputFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /** Refuses, before any work, an output that cannot be written: a directory, or a file in a missing one. */
    static void requireWritable(CommandSpec spec, String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is a directory: give a file name");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(),
                    option + " " + file + ": there is no directory " + directory);
        }
    }

    /**
     * Writes the content to {@code file}; when that fails (the disk filled up or the directory went away
     * while solving), saves it to a temporary file with the same suffix instead and says where, so a solved
     * plan is never lost.
     *
     * @return {@code file}, or the temporary file holding the content
     */
    static Path saveOrRescue(Path file, String suffix, Content content, PrintWriter err) throws IOException {
        try {
            write(file, content);
            return file;
        } catch (IOException e) {
            Path rescued = Files.createTempFile("medsupply-plan-", suffix);
            write(rescued, content);
            err.println("cannot write " + file + " (" + e.getMessage() + "); the plan is saved in " + rescued);
            err.flush();
            return rescued;
        }
    }

    private static void write(Path file, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            content.writeTo(out);
        }
    }
}
