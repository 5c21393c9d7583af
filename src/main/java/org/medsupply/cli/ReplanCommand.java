// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.check.PlanChecker;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanChanges;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ReplanProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replan", description = "Re-makes a plan under way at a given time: trips that left before it are "
        + "kept as they are, the others may change; solves that problem and says what changed.")
final class ReplanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "the problem the plan answers (JSON, FORMAT.md)")
    private Path problemFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "the plan under way (JSON)")
    private Path planFile;

    @Option(names = "--at", required = true, paramLabel = "TIME",
            description = "when to re-plan, ISO-8601 with an offset, e.g. 2026-02-01T11:00:00+08:00")
    private String at;

    @Option(names = "--patch", paramLabel = "PATCH.json",
            description = "changes to apply to the re-planning problem (RFC 6902 JSON Patch, FORMAT.md)")
    private Path patchFile;

    @Option(names = "--problem-out", paramLabel = "FILE", description = "write the re-planning problem to this file")
    private Path problemOut;

    @Mixin
    private SolveOptions solving;

    @Override
    public Integer call() throws Exception {
        solving.checkOutput();
        ProblemFile problem = ProblemReader.read(problemFile);
        PlanFile before = PlanChecker.readPlan(Files.readString(planFile));
        JsonNode patch = patchFile == null ? null : readPatch(patchFile);
        ProblemFile replanning = ReplanProblem.build(problem, before, at, patch);
        if (problemOut != null) {
            Json.MAPPER.writeValue(problemOut.toFile(), replanning);
        }
        return solving.solve(replanning, (after, out) -> {
            PlanChanges changes = PlanChanges.between(before, after);
            out.printf(Locale.ROOT, "What changed since the plan under way: %d announced units moved to another "
                    + "vehicle or dropped; %d of %d trips not yet left changed; %d hospital and supply pairs newly "
                    + "served%n", changes.unitsMoved(), changes.tripsChanged(), changes.announcedTrips(),
                    changes.newLinesServed());
        });
    }

    private static JsonNode readPatch(Path file) throws java.io.IOException, InvalidInputException {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new InputError("", file + ": not valid JSON: "
                    + ProblemReader.plain(e.getOriginalMessage()))));
        }
    }
}
