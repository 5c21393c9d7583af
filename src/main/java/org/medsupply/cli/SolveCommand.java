// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.io.ProblemReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "solve", description = "Solves a problem file, showing on stderr how the best plan so far fills "
        + "each priority as it improves, then a summary.")
final class SolveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROBLEM", description = "problem file (JSON, FORMAT.md)")
    private Path problemFile;

    @Mixin
    private SolveOptions solving;

    @Override
    public Integer call() throws Exception {
        solving.checkOutput();
        return solving.solve(ProblemReader.read(problemFile), (plan, out) -> { });
    }
}
