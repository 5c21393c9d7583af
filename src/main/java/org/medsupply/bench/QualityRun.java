// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.medsupply.check.CheckReport;
import org.medsupply.check.PlanChecker;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFiles;

/**
 * Solves classic instances with each contender and compares the distance, as the project's checker
 * recomputes it from the plan, with the literature's best-known distance. A plan the checker rejects,
 * or one that leaves a customer unserved, is reported as such and kept out of the averages.
 */
public final class QualityRun {

    /** @param gapPercent (distance - best known) / best known, in percent */
    public record Entry(BestKnown instance, String contender, double distance, int vehicles, long undelivered,
            List<String> violations, double gapPercent, long millisSpent) {

        public boolean counts() {
            return violations.isEmpty() && undelivered == 0;
        }
    }

    private QualityRun() {
    }

    public static List<Entry> run(Path folder, Predicate<BestKnown> selected, List<Contender> contenders,
            Duration timeLimit, long seed, Consumer<Entry> onEntry) throws IOException, InvalidInputException {
        List<Entry> entries = new ArrayList<>();
        for (BestKnown instance : BestKnown.read(folder)) {
            if (!selected.test(instance)) {
                continue;
            }
            ProblemFile problem = ProblemFiles.read(folder.resolve(instance.instanceFile()));
            for (Contender contender : contenders) {
                long started = System.nanoTime();
                PlanFile plan = contender.solve(problem, timeLimit, seed);
                long millis = (System.nanoTime() - started) / 1_000_000;
                CheckReport report = PlanChecker.check(problem, plan);
                double distance = report.summary().distanceKm();
                Entry entry = new Entry(instance, contender.name(), distance, report.summary().vehiclesUsed(),
                        report.summary().requested() - report.summary().delivered(),
                        report.violations().stream().map(v -> v.rule() + ": " + v.message()).toList(),
                        100 * (distance - instance.distance()) / instance.distance(), millis);
                entries.add(entry);
                onEntry.accept(entry);
            }
        }
        return entries;
    }

    /** One row per instance and contender, then each contender's average gap over the plans that count. */
    public static String toMarkdown(List<Entry> entries) {
        StringBuilder text = new StringBuilder(
                "| instance | family | best known | contender | distance | vehicles | gap % | time (s) | check |\n"
                        + "|---|---|---:|---|---:|---:|---:|---:|---|\n");
        Map<String, List<Entry>> byContender = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byContender.computeIfAbsent(entry.contender(), name -> new ArrayList<>()).add(entry);
            text.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %.2f | %d | %.2f | %.1f | %s |%n",
                    entry.instance().instance(), entry.instance().family(), entry.instance().distance(),
                    entry.contender(), entry.distance(), entry.vehicles(), entry.gapPercent(),
                    entry.millisSpent() / 1e3, verdict(entry)));
        }
        text.append("\n| contender | instances | valid plans | average gap % (valid plans) |\n|---|---:|---:|---:|\n");
        byContender.forEach((contender, list) -> {
            List<Entry> counted = list.stream().filter(Entry::counts).toList();
            double average = counted.stream().mapToDouble(Entry::gapPercent).average().orElse(Double.NaN);
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |%n", contender, list.size(), counted.size(),
                    average));
        });
        return text.toString();
    }

    private static String verdict(Entry entry) {
        if (!entry.violations().isEmpty()) {
            return "INVALID: " + entry.violations().get(0).replace('|', '/');
        }
        return entry.undelivered() > 0 ? "valid, " + entry.undelivered() + " units undelivered" : "valid";
    }
}
