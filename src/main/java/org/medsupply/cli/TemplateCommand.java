// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.medsupply.io.ProblemWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "template", description = "Writes a problem workbook to fill in: every sheet, a note on every "
        + "column (what it means, its unit, whether it is required) and a small example that solves.")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "WORKBOOK", required = true,
            description = "the workbook to write (.xlsx)")
    private Path output;

    @Override
    public Integer call() throws Exception {
        OutputFiles.requireWritable(spec, "-o", output);
        try (OutputStream out = Files.newOutputStream(output)) {
            ProblemWorkbook.writeTemplate(out);
        }
        spec.commandLine().getOut().println("Template written to " + output
                + ": its rows are an example, replace them with your own");
        return 0;
    }
}
