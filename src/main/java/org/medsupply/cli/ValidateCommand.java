// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Checks a problem file against FORMAT.md and lists every error.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROBLEM", description = "problem: JSON file (FORMAT.md), workbook (.xlsx), or a folder or zip of CSV tables")
    private Path problemFile;

    @Override
    public Integer call() throws Exception {
        ProblemFile problem = ProblemFiles.readProblem(problemFile); // throws with every error: exit 2
        spec.commandLine().getOut().printf("valid: %d supplies, %d warehouses, %d hospitals, %d vehicles%n",
                problem.supplies().size(), problem.warehouses().size(), problem.hospitals().size(),
                problem.vehicles().size());
        return 0;
    }
}
