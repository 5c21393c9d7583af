// SPDX-License-Identifier: Apache-2.0

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.medsupply.io.Json;
import org.medsupply.io.ManifestLine;
import org.medsupply.io.PlanCsv;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWorkbook;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;

/**
 * Time to write a plan as a workbook (what {@code solve --xlsx} and {@code Accept: ...sheet} do), the problem
 * as a workbook, and the plan as CSV for comparison: median, min and max of RUNS runs in one JVM.
 * Run from the repository root: {@code java -cp target/medsupply.jar benchmarks/workbooks/WorkbookTiming.java
 * PROBLEM PLAN [RUNS]}.
 */
public class WorkbookTiming {

    public static void main(String[] args) throws Exception {
        ProblemFile problem = ProblemReader.read(Path.of(args[0]));
        PlanFile plan = Json.MAPPER.readValue(Path.of(args[1]).toFile(), PlanFile.class);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<Double> planMs = new ArrayList<>();
        List<Double> problemMs = new ArrayList<>();
        List<Double> csvMs = new ArrayList<>();
        int planBytes = 0;
        int problemBytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            planBytes = planWorkbook(problem, plan).length;
            long planDone = System.nanoTime();
            problemBytes = problemWorkbook(problem).length;
            long problemDone = System.nanoTime();
            PlanCsv.write(problem, plan);
            long csvDone = System.nanoTime();
            planMs.add((planDone - start) / 1e6);
            problemMs.add((problemDone - planDone) / 1e6);
            csvMs.add((csvDone - problemDone) / 1e6);
        }
        long rows = plan.routes().stream().mapToLong(route -> ManifestLine.of(route).size()).sum();
        System.out.printf(Locale.ROOT, "%d manifests, %d manifest rows, %d unmet lines, %d runs%n",
                plan.routes().size(), rows, plan.unmet().size(), runs);
        print("plan workbook", planMs, planBytes);
        print("problem workbook", problemMs, problemBytes);
        print("plan CSV", csvMs, -1);
    }

    private static byte[] planWorkbook(ProblemFile problem, PlanFile plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanWorkbook.write(problem, plan, out);
        return out.toByteArray();
    }

    private static byte[] problemWorkbook(ProblemFile problem) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProblemWorkbook.write(problem, out);
        return out.toByteArray();
    }

    private static void print(String what, List<Double> millis, int bytes) {
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%s: median %.0f ms (min %.0f, max %.0f)%s%n", what,
                millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1),
                bytes < 0 ? "" : ", " + bytes / 1024 + " KiB");
    }
}
