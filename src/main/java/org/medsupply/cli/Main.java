// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;

import org.medsupply.io.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar medsupply.jar COMMAND}. Exit codes: 0 done, 2 bad input (the message names the
 * problem), 1 internal error.
 */
// INHERIT gives every subcommand --help and --version
@Command(name = "medsupply", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "MedSupply 0.1.0",
        description = "Plans the dispatch of emergency medical supplies.",
        subcommands = {SolveCommand.class, ValidateCommand.class, ImportCommand.class, CheckCommand.class,
            GenerateCommand.class, ConvertCommand.class, TemplateCommand.class, ServeCommand.class,
            BenchmarkCommand.class, QualityCommand.class, ScarcityCommand.class, KeysCommand.class,
            ReplanCommand.class})
public final class Main {

    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 1;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command with its output and error text going to the given writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(Main::exitCode)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println(message(exception));
                    commandLine.getErr().flush();
                    return exitCode(exception);
                })
                .execute(args);
    }

    static int exitCode(Throwable exception) {
        return exception instanceof InvalidInputException || exception instanceof CommandLine.ParameterException
                || exception instanceof FileSystemException ? BAD_INPUT : INTERNAL_ERROR;
    }

    private static String message(Exception exception) {
        if (exception instanceof InvalidInputException invalid) {
            return invalid.getMessage();
        }
        if (exception instanceof FileSystemException file) { // missing or unreadable input
            return "cannot read " + file.getFile() + (file.getReason() == null ? "" : ": " + file.getReason())
                    + (exception instanceof java.nio.file.NoSuchFileException ? ": no such file" : "");
        }
        return "internal error: " + exception;
    }
}
