// SPDX-License-Identifier: Apache-2.0
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.medsupply.bench.Contender;
import org.medsupply.bench.QualityRun;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The classic instances solved by the jar on the class path (any commit since the quality run exists),
 * stopped by work rather than the clock, so that commits and settings compare on a busy machine:
 *
 * <pre>
 * java -cp medsupply.jar benchmarks/classic/FixedWorkQuality.java FOLDER REGEX MODE SEED LABEL [NAME=VALUE...]
 * </pre>
 *
 * MODE is {@code greedy} (the construction alone), {@code calculations:N} (local search until N score
 * calculations, reproducible with the seed) or {@code seconds:S} (the quality run's full-time solve).
 * NAME=VALUE sets a property of the local search's move factory (e.g. {@code stringRemovalShare=0.1}) or,
 * as {@code lateAcceptanceSize=N}, its acceptor. Prints one tab-separated line per instance: label,
 * instance, seed, distance, gap %, vehicles, seconds, checker verdict; then the average gap.
 */
public class FixedWorkQuality {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Pattern only = Pattern.compile(args[1]);
        String mode = args[2];
        long seed = Long.parseLong(args[3]);
        String label = args[4];
        Map<String, String> settings = new HashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            settings.put(setting[0], setting[1]);
        }
        Contender contender = new Contender() {
            @Override
            public String name() {
                return label;
            }

            @Override
            public PlanFile solve(ProblemFile problem, Duration timeLimit, long runSeed) {
                SolverConfig config = config(mode, runSeed, settings);
                return PlanWriter.toPlan(Dispatcher.solve(ProblemMapper.toSolution(problem), config, score -> { }));
            }
        };
        double[] gapSum = {0};
        int[] counted = {0};
        QualityRun.run(folder, instance -> only.matcher(instance.instance()).matches()
                || only.matcher(instance.family()).matches(), List.of(contender), Duration.ofSeconds(60), seed,
                entry -> {
                    System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%.2f\t%.2f\t%d\t%.1f\t%s%n", label,
                            entry.instance().instance(), seed, entry.distance(), entry.gapPercent(), entry.vehicles(),
                            entry.millisSpent() / 1e3, entry.counts() ? "valid" : "NOT COUNTED " + entry.violations());
                    if (entry.counts()) {
                        gapSum[0] += entry.gapPercent();
                        counted[0]++;
                    }
                });
        System.out.printf(Locale.ROOT, "%s\taverage gap %%\t%d\t%.2f over %d instances%n", label, seed,
                gapSum[0] / counted[0], counted[0]);
    }

    private static SolverConfig config(String mode, long seed, Map<String, String> settings) {
        if (mode.equals("greedy")) {
            return SolverConfigs.greedyOnly();
        }
        SolverConfig config;
        if (mode.startsWith("calculations:")) {
            config = SolverConfigs.production().withTerminationConfig(new TerminationConfig()
                    .withScoreCalculationCountLimit(Long.parseLong(mode.substring("calculations:".length()))));
            config.withRandomSeed(seed).withEnvironmentMode(EnvironmentMode.REPRODUCIBLE);
        } else if (mode.startsWith("seconds:")) {
            config = SolverConfigs.forFullRun(Duration.ofSeconds(Long.parseLong(mode.substring("seconds:".length()))),
                    seed);
        } else {
            throw new IllegalArgumentException("MODE is greedy, calculations:N or seconds:S, not " + mode);
        }
        LocalSearchPhaseConfig localSearch = (LocalSearchPhaseConfig) config.getPhaseConfigList()
                .get(config.getPhaseConfigList().size() - 1);
        Map<String, String> moveProperties = new HashMap<>();
        settings.forEach((name, value) -> {
            if (name.equals("lateAcceptanceSize")) {
                localSearch.getAcceptorConfig().setLateAcceptanceSize(Integer.parseInt(value));
            } else {
                moveProperties.put(name, value);
            }
        });
        if (!moveProperties.isEmpty()) {
            ((MoveIteratorFactoryConfig) localSearch.getMoveSelectorConfig())
                    .setMoveIteratorFactoryCustomProperties(moveProperties);
        }
        return config;
    }
}
