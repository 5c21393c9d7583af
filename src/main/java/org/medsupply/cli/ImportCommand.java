// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFiles;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.sheet.Spreadsheets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import WORKBOOK.xlsx|FOLDER|TABLES.zip -o PROBLEM.json}: a problem kept in a spreadsheet as the
 * JSON problem file of FORMAT.md. Nothing is written unless the tables make a valid problem; otherwise
 * every error is listed with its cell (exit code 2).
 */
@Command(name = "import", description = {"Converts a problem kept in a workbook (.xlsx) or in CSV tables (a folder or "
        + "a zip of them) into a JSON problem file.", "Tables, columns and dates: FORMAT.md, section Spreadsheets."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TABLES", description = "workbook (.xlsx), folder of CSV tables, or zip of CSV tables")
    private Path tables;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROBLEM",
            description = "problem file to write (JSON, FORMAT.md; required, no default)")
    private Path output;

    @Override
    public Integer call() throws Exception {
        ProblemFile problem = Spreadsheets.read(tables, ProblemReader.Limits.DEFAULT); // throws with every error
        ProblemFiles.write(problem, output);
        spec.commandLine().getOut().printf("wrote %s: %d supplies, %d warehouses, %d hospitals, %d vehicles%n",
                output, problem.supplies().size(), problem.warehouses().size(), problem.hospitals().size(),
                problem.vehicles().size());
        return 0;
    }
}
