// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/** A quality run over a folder laid out like the shared instances: bks.csv naming instance files. */
class QualityRunTest {

    private static final Path CONVERT_FILES = Path.of("src/test/resources/org/medsupply/io/convert");

    @TempDir
    Path folder;

    private void instanceFolder(double solomonBest, double cvrpBest) throws IOException {
        Files.createDirectories(folder.resolve("solomon"));
        Files.createDirectories(folder.resolve("cvrp"));
        Files.copy(CONVERT_FILES.resolve("five-customers.txt"), folder.resolve("solomon/five.txt"));
        Files.copy(CONVERT_FILES.resolve("six-nodes.vrp"), folder.resolve("cvrp/six.vrp"));
        Files.writeString(folder.resolve("bks.csv"), String.join("\n",
                "instance,family,cost_bks,cost_bks_distance_only,instance_file",
                "five,SOL,99," + solomonBest + ",solomon/five.txt",
                "six,CVRP," + cvrpBest + ",,cvrp/six.vrp", ""));
    }

    @Test
    void everyPlanIsCheckedAndComparedWithTheBestKnownDistance() throws Exception {
        instanceFolder(40 + Math.sqrt(2), 32); // hand-computed costs of the files' reference solutions
        List<QualityRun.Entry> entries = QualityRun.run(folder, instance -> true, List.of(new MedSupplyContender()),
                Duration.ofSeconds(2), 1, entry -> { });

        assertThat(entries).extracting(entry -> entry.instance().instance()).containsExactly("five", "six");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.counts()).as(entry.violations().toString()).isTrue();
            assertThat(entry.distance()).isPositive();
            assertThat(entry.gapPercent()).isLessThanOrEqualTo(0) // at least as short as the reference
                    .isCloseTo(100 * (entry.distance() - entry.instance().distance()) / entry.instance().distance(),
                            within(1e-9));
        });
        double average = entries.stream().mapToDouble(QualityRun.Entry::gapPercent).average().orElseThrow();
        assertThat(QualityRun.toMarkdown(entries)).contains(String.format(java.util.Locale.ROOT,
                "| medsupply | 2 | 2 | %.2f |", average));
    }

    @Test
    void aPlanTheCheckerRejectsIsReportedAndLeftOutOfTheAverage() throws Exception {
        instanceFolder(42, 32);
        Contender liar = new Contender() {
            @Override
            public String name() {
                return "liar";
            }

            @Override
            public PlanFile solve(ProblemFile problem, Duration timeLimit, long seed) {
                PlanFile honest = new MedSupplyContender().solve(problem, timeLimit, seed);
                return new PlanFile(honest.problem(), honest.score(), honest.feasible(), honest.routes(),
                        honest.unmet(), honest.late(), new PlanFile.KpisDto(1.0, honest.kpis().vehiclesUsed(),
                                honest.kpis().fillRate(), honest.kpis().minHospitalFillRate(),
                                honest.kpis().lateLines()));
            }
        };
        List<QualityRun.Entry> entries = QualityRun.run(folder, instance -> instance.instance().equals("six"),
                List.of(liar), Duration.ofSeconds(1), 1, entry -> { });

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.counts()).isFalse();
            assertThat(entry.violations()).anyMatch(violation -> violation.startsWith("kpi"));
        });
        assertThat(QualityRun.toMarkdown(entries)).contains("INVALID").contains("| liar | 1 | 0 | NaN |");
    }
}
