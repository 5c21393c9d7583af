// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.generate.ProblemGenerator.Options;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;

/** The problem files committed under problems/: all usable, and the generated ones exactly reproducible. */
class CommittedProblemsTest {

    private static final Path PROBLEMS = Path.of("problems");
    private static final Path GENERATED = PROBLEMS.resolve("generated");

    /** The options of every file in problems/generated (problems/README.md gives the commands). */
    private static final List<Options> GENERATED_OPTIONS = List.of(
            Options.of(1, 100, 3, 30),
            Options.of(1, 500, 5, 125),
            Options.of(1, 2000, 8, 500));

    static Stream<Path> problemFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PROBLEMS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("problemFiles")
    void everyProblemFileMapsToAPlanningProblem(Path file) throws Exception {
        ProblemFile problem = ProblemReader.read(file);
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        long lines = problem.hospitals().stream().mapToLong(h -> h.demands().size()).sum();
        assertThat(solution.getLines()).hasSize((int) lines);
        assertThat(solution.getVehicles()).hasSize(problem.vehicles().size());
    }

    @Test
    void theProblemSetHasTheDemoTinyAndGeneratedFiles() throws Exception {
        assertThat(problemFiles().map(PROBLEMS::relativize).map(Path::toString).toList())
                .contains("demo-city-outbreak.json")
                .anyMatch(name -> name.startsWith("tiny"))
                .anyMatch(name -> name.startsWith("generated"));
    }

    @Test
    void generatedFilesAreExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
        try (Stream<Path> files = Files.list(GENERATED)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(GENERATED_OPTIONS.stream().map(Options::fileName).toList());
        }
        for (Options options : GENERATED_OPTIONS) {
            Path fresh = dir.resolve(options.fileName());
            ProblemGenerator.write(ProblemGenerator.generate(options), fresh);
            assertThat(Files.mismatch(fresh, GENERATED.resolve(options.fileName())))
                    .as("%s differs from the generator's output at byte", options.fileName())
                    .isEqualTo(-1L);
        }
    }
}
