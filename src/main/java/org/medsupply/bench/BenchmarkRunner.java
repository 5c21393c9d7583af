// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.medsupply.domain.DispatchSolution;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.benchmark.api.PlannerBenchmark;
import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;
import org.optaplanner.benchmark.config.ProblemBenchmarksConfig;
import org.optaplanner.benchmark.config.SolverBenchmarkConfig;
import org.optaplanner.benchmark.impl.DefaultPlannerBenchmark;
import org.optaplanner.benchmark.impl.result.PlannerBenchmarkResult;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Runs an OptaPlanner Benchmarker configuration over problem files. Configurations state only what
 * they vary: a solver benchmark without a model gets MedSupply's model, one without phases gets the
 * production phases, and problems are read with {@link ProblemFileIO} unless the file says otherwise.
 */
public final class BenchmarkRunner {

    /** @param reportDirectory this run's HTML report (index.html), beside which the command writes {@code summary.md} */
    public record Result(File reportDirectory, BenchmarkSummary summary) {
    }

    private BenchmarkRunner() {
    }

    /** @param problems when not empty, replace the configuration's input files (for instance a folder's instances) */
    public static Result run(PlannerBenchmarkConfig config, List<Path> problems) {
        complete(config, problems);
        PlannerBenchmark benchmark = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark();
        benchmark.benchmark();
        PlannerBenchmarkResult result = ((DefaultPlannerBenchmark) benchmark).getPlannerBenchmarkResult();
        return new Result(result.getBenchmarkReportDirectory(), BenchmarkSummary.of(result));
    }

    static void complete(PlannerBenchmarkConfig config, List<Path> problems) {
        SolverConfig production = SolverConfigs.production();
        SolverBenchmarkConfig inherited = config.getInheritedSolverBenchmarkConfig();
        if (inherited == null) {
            inherited = new SolverBenchmarkConfig();
            config.setInheritedSolverBenchmarkConfig(inherited);
        }
        if (inherited.getSolverConfig() == null) {
            inherited.setSolverConfig(new SolverConfig());
        }
        SolverConfig model = inherited.getSolverConfig();
        if (model.getSolutionClass() == null) {
            model.setSolutionClass(production.getSolutionClass());
            model.setEntityClassList(production.getEntityClassList());
            model.setScoreDirectorFactoryConfig(production.getScoreDirectorFactoryConfig());
        }
        boolean inheritsPhases = model.getPhaseConfigList() != null;
        for (SolverBenchmarkConfig solverBenchmark : config.getSolverBenchmarkConfigList()) {
            if (solverBenchmark.getSolverConfig() == null) {
                solverBenchmark.setSolverConfig(new SolverConfig());
            }
            if (!inheritsPhases && solverBenchmark.getSolverConfig().getPhaseConfigList() == null) {
                // a fresh copy for each: solver benchmarks must not share mutable phase configurations
                solverBenchmark.getSolverConfig().setPhaseConfigList(SolverConfigs.production().getPhaseConfigList());
            }
        }
        ProblemBenchmarksConfig problemConfig = inherited.getProblemBenchmarksConfig();
        if (problemConfig == null) {
            problemConfig = new ProblemBenchmarksConfig();
            inherited.setProblemBenchmarksConfig(problemConfig);
        }
        if (problemConfig.getSolutionFileIOClass() == null) {
            problemConfig.setSolutionFileIOClass(ProblemFileIO.class);
        }
        if (!problems.isEmpty()) {
            problemConfig.setInputSolutionFileList(problems.stream().map(Path::toFile).toList());
        }
    }

    /** Reads an XML configuration (PlannerBenchmarkConfig, as in the OptaPlanner documentation). */
    public static PlannerBenchmarkConfig read(Path configFile) {
        return PlannerBenchmarkConfig.createFromXmlFile(configFile.toFile(), DispatchSolution.class.getClassLoader());
    }
}
