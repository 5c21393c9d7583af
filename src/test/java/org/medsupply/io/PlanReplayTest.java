// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsupply.solver.Dispatcher;
import org.medsupply.testing.TestProblems;
import org.medsupply.testing.TestSolving;

/** Replaying a solved plan's decisions on its problem gives back the very plan the solver wrote. */
class PlanReplayTest {

    @ParameterizedTest
    @MethodSource("problems")
    void replayingASolvedPlanRecomputesTheSamePlan(ProblemFile problem) throws Exception {
        PlanFile solved = PlanWriter.toPlan(TestSolving.solve(problem));

        PlanFile replayed = PlanWriter.toPlan(Dispatcher.score(PlanReplay.apply(problem, solved)));

        assertThat(replayed).isEqualTo(solved);
    }

    /** The tiny problems, and random ones with windows, shifts, two trips, cold chain and short stock. */
    static Stream<Named<ProblemFile>> problems() throws IOException {
        List<ProblemFile> problems;
        try (Stream<Path> files = Files.list(Path.of("problems/tiny"))) {
            problems = files.filter(f -> f.toString().endsWith(".json")).sorted().map(PlanReplayTest::read).toList();
        }
        return Stream.concat(problems.stream(), Stream.of(TestProblems.random(4, 8, 3, 0),
                TestProblems.random(6, 8, 3, 2))).map(problem -> Named.of(problem.name(), problem));
    }

    private static ProblemFile read(Path file) {
        try {
            return ProblemReader.read(file);
        } catch (IOException | InvalidInputException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
