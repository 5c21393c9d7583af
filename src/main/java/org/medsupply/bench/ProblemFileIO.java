// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFiles;
import org.medsupply.io.ProblemMapper;
import org.optaplanner.persistence.common.api.domain.solution.SolutionFileIO;

/** Lets the Benchmarker read problem files (FORMAT.md or a classic instance) and write plans. */
public final class ProblemFileIO implements SolutionFileIO<DispatchSolution> {

    @Override
    public String getInputFileExtension() {
        return "json";
    }

    @Override
    public DispatchSolution read(File inputSolutionFile) {
        try {
            return ProblemMapper.toSolution(ProblemFiles.read(inputSolutionFile.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(inputSolutionFile.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(DispatchSolution solution, File outputSolutionFile) {
        try {
            Json.MAPPER.writeValue(outputSolutionFile, PlanWriter.toPlan(solution));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
