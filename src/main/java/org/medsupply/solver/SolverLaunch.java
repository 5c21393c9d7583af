// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.medsupply.domain.DispatchSolution;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * The one place a MedSupply solver is built and run: the CLI, the benchmarks and the job service all
 * launch here and hold the returned handle. {@link #solve()} runs on the calling thread; other threads
 * may meanwhile ask it to stop ({@link #terminateEarly()}) or feed it changes to the problem
 * ({@link #addProblemChange}). The plan it returns has been through the finishing steps ({@link PlanTopUp}).
 * <p>
 * Finishing is part of the time limit: the greedy plan is finished on a thread of its own while local search
 * runs, and once that is done local search stops early by its duration (times {@link #FINISHING_RESERVE}), so
 * finishing the searched plan ends about when the limit does. Until it is done, the time it has taken so far
 * stands for its duration ({@link #reserveMillis}). The finished greedy plan answers instead when local search
 * found nothing better (finishing is deterministic: the same plan finished again would only come later). When
 * finishing the greedy plan took so long that no time is left to finish another ({@link #searchedPlanFits}: on the
 * largest problems the greedy plan and its finishing take most of the limit), local search goes on from the
 * finished greedy plan for the time left, and its best plan answers as it is: never worse than the finished greedy
 * plan, as local search never returns a plan worse than its start.
 */
public final class SolverLaunch {

    /**
     * The outcome of a solve and the figures analysts compare.
     *
     * @param constructionMillis when the greedy plan (the first complete plan) was ready; -1 on a warm start
     * @param scoreCalculationCount score calculations over the whole solve
     * @param answer                which plan {@code best} is
     */
    public record Run(DispatchSolution best, long constructionMillis, long totalMillis, long scoreCalculationCount,
            long finishingMillis, Answer answer) {
        public long scoreCalculationsPerSecond() {
            return totalMillis == 0 ? 0 : scoreCalculationCount * 1000 / totalMillis;
        }
    }

    /** Which plan answers a solve. */
    public enum Answer {
        SEARCHED_THEN_FINISHED("the searched plan, finished"),
        /** Local search found nothing better, or the searched plan finished scored lower. */
        GREEDY_FINISHED("the greedy plan, finished"),
        /** No time was left to finish the searched plan (see {@link SolverLaunch}). */
        GREEDY_FINISHED_THEN_SEARCHED("the greedy plan, finished, then searched");

        private final String description;

        Answer(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Local search from the finished greedy plan is not started with less time than this left. */
    private static final long SHORTEST_SEARCH_MILLIS = 1_000;

    /** The searched plan has more stops to share and merge than the greedy one, so finishing it takes longer. */
    private static final double FINISHING_RESERVE = 1.5;

    private final DispatchSolution problem;
    private final SolverConfig config;
    private final Consumer<DispatchSolution> onNewBest;
    private final DefaultSolver<DispatchSolution> solver;
    /** The solver searching on from the finished greedy plan, once there is one. */
    private volatile DefaultSolver<DispatchSolution> searchingOn;
    private final PlanTopUp finishing;
    /** The config's time limit in ms, or {@code null} when it has none. */
    private final Long limitMillis;
    /** How long finishing the greedy plan took; {@code null} until it is finished. */
    private volatile Long greedyFinishingMillis;
    private volatile boolean stopAsked;
    /** Whether the problem changed while solving: then the greedy plan answers another problem. */
    private volatile boolean problemChanged;
    /** Whether local search (or a problem change) gave a new best plan after the greedy one. */
    private boolean improvedAfterGreedy;
    private long constructionMillis = -1;
    private long startedNanos;
    private long scoreCalculationCount;
    private long searchCalculationCount;
    /** The greedy plan, being finished; {@code null} on a warm start. */
    private CompletableFuture<DispatchSolution> finishedGreedy;
    private int phasesEnded;

    private SolverLaunch(DispatchSolution problem, SolverConfig config, boolean warmStart,
            Consumer<DispatchSolution> onNewBest) {
        this.problem = problem;
        this.config = config;
        this.onNewBest = onNewBest;
        SolverFactory<DispatchSolution> solverFactory = SolverFactory.create(config);
        this.solver = (DefaultSolver<DispatchSolution>) solverFactory.buildSolver();
        this.finishing = new PlanTopUp(solverFactory);
        this.limitMillis = config.getTerminationConfig() == null ? null
                : config.getTerminationConfig().calculateTimeMillisSpentLimit();
        solver.addEventListener(event -> {
            improvedAfterGreedy |= phasesEnded > 0;
            onNewBest.accept(event.getNewBestSolution());
        });
        solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<DispatchSolution> phaseScope) {
                // solve() clears a stop asked before it started, so a stop is asked again at every phase
                if (stopAsked) {
                    solver.terminateEarly();
                }
            }

            @Override
            public void stepEnded(AbstractStepScope<DispatchSolution> stepScope) {
                long spentMillis = stepScope.getPhaseScope().calculateSolverTimeMillisSpentUpToNow();
                if (limitMillis != null && finishedGreedy != null && spentMillis
                        + reserveMillis(greedyFinishingMillis, constructionMillis, spentMillis) >= limitMillis) {
                    solver.terminateEarly();
                }
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<DispatchSolution> phaseScope) {
                if (phasesEnded++ == 0 && !warmStart) {
                    constructionMillis = phaseScope.calculateSolverTimeMillisSpentUpToNow();
                    DispatchSolution greedy = phaseScope.getSolverScope().getBestSolution();
                    finishedGreedy = CompletableFuture.supplyAsync(() -> {
                        long started = System.nanoTime();
                        DispatchSolution finished = finishing.finish(greedy);
                        greedyFinishingMillis = (System.nanoTime() - started) / 1_000_000;
                        return finished;
                    }, SolverLaunch::onOwnThread);
                }
                // read here: after solving the count is gone with the score director
                scoreCalculationCount = phaseScope.getSolverScope().getScoreCalculationCount();
            }
        });
    }

    /**
     * The time local search keeps back for finishing its plan: {@link #FINISHING_RESERVE} times how long finishing
     * the greedy plan took, or, while that is still under way, has taken so far (less than it will take, so local
     * search still stops in time to finish when the greedy plan's finishing overruns).
     *
     * @param greedyFinishingMillis how long finishing the greedy plan took, {@code null} while it is under way
     * @param constructionMillis    when the greedy plan was ready, and its finishing started
     */
    static long reserveMillis(Long greedyFinishingMillis, long constructionMillis, long spentMillis) {
        long finishingMillis = greedyFinishingMillis != null ? greedyFinishingMillis : spentMillis - constructionMillis;
        return (long) (finishingMillis * FINISHING_RESERVE);
    }

    /**
     * Whether the searched plan can be finished within the limit. When the greedy plan was finished before local
     * search ended, the search stopped in time for it; otherwise it stopped on a guess, and now that finishing the
     * greedy plan is over, its duration tells.
     */
    static boolean searchedPlanFits(boolean greedyFinishedFirst, long nowMillis, long greedyFinishingMillis,
            Long limitMillis) {
        return greedyFinishedFirst || limitMillis == null
                || nowMillis + (long) (greedyFinishingMillis * FINISHING_RESERVE) <= limitMillis;
    }

    /**
     * @param warmStart whether {@code problem} is already planned (a checkpoint, a plan under way): the
     *                  config then has no construction phase and the finishing steps have no greedy plan
     *                  to compare with
     * @param onNewBest told each new best solution while solving (on the solver thread): a clone the solver
     *                  no longer changes, with its score set; may be a no-op
     */
    public static SolverLaunch of(DispatchSolution problem, SolverConfig config, boolean warmStart,
            Consumer<DispatchSolution> onNewBest) {
        return new SolverLaunch(problem, config, warmStart, onNewBest);
    }

    /** Solves on the calling thread until the config's termination or {@link #terminateEarly()}. */
    public Run solve() {
        startedNanos = System.nanoTime();
        DispatchSolution solved = solver.solve(problem);
        long finishingStarted = System.nanoTime();
        boolean greedyFinishedFirst = finishedGreedy != null && finishedGreedy.isDone();
        DispatchSolution greedy = finishedGreedy == null || problemChanged ? null : finishedGreedy.join();
        DispatchSolution best;
        Answer answer;
        if (greedy != null && !improvedAfterGreedy) {
            best = greedy;
            answer = Answer.GREEDY_FINISHED;
        } else if (greedy != null && !searchedPlanFits(greedyFinishedFirst, millisSince(startedNanos),
                greedyFinishingMillis, limitMillis)) {
            best = searchedOnFrom(greedy, limitMillis - millisSince(startedNanos));
            answer = best == greedy ? Answer.GREEDY_FINISHED : Answer.GREEDY_FINISHED_THEN_SEARCHED;
        } else {
            best = PlanTopUp.better(finishing.finish(solved), greedy);
            answer = best == greedy ? Answer.GREEDY_FINISHED : Answer.SEARCHED_THEN_FINISHED;
        }
        long searchMillis = solver.getTimeMillisSpent()
                + (searchingOn == null ? 0 : searchingOn.getTimeMillisSpent());
        return new Run(best, constructionMillis, searchMillis, scoreCalculationCount, millisSince(finishingStarted),
                answer);
    }

    /**
     * Local search on from the finished greedy plan for the time left, the config's other terminations kept; its
     * best plan, or the finished greedy plan itself when it found nothing better or too little time is left.
     */
    DispatchSolution searchedOnFrom(DispatchSolution finishedGreedy, long leftMillis) {
        if (leftMillis < SHORTEST_SEARCH_MILLIS || stopAsked) {
            return finishedGreedy;
        }
        SolverConfig searchOnly = config.copyConfig();
        searchOnly.setPhaseConfigList(config.getPhaseConfigList().subList(1, config.getPhaseConfigList().size()));
        searchOnly.getTerminationConfig().setSpentLimit(Duration.ofMillis(leftMillis));
        DefaultSolver<DispatchSolution> search =
                (DefaultSolver<DispatchSolution>) SolverFactory.<DispatchSolution>create(searchOnly).buildSolver();
        search.addEventListener(event -> onNewBest.accept(event.getNewBestSolution()));
        search.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<DispatchSolution> phaseScope) {
                if (stopAsked) { // as for the first solver: a stop asked before solving started
                    search.terminateEarly();
                }
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<DispatchSolution> phaseScope) {
                searchCalculationCount = phaseScope.getSolverScope().getScoreCalculationCount();
            }
        });
        searchingOn = search;
        DispatchSolution searched = search.solve(finishedGreedy);
        scoreCalculationCount += searchCalculationCount;
        return searched.getScore().compareTo(finishedGreedy.getScore()) > 0 ? searched : finishedGreedy;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void onOwnThread(Runnable task) {
        Thread thread = new Thread(task, "finishing-greedy-plan");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the solve to stop at its next step, even when asked before it started; from any thread. */
    public void terminateEarly() {
        stopAsked = true;
        solver.terminateEarly();
        DefaultSolver<DispatchSolution> searching = searchingOn;
        if (searching != null) {
            searching.terminateEarly();
        }
    }

    /**
     * Hands a change of the problem to the running solve (from any thread): the solver applies it to its
     * working solution between steps and goes on from there. Returns whether it was accepted (false once
     * solving has ended).
     */
    public boolean addProblemChange(ProblemChange<DispatchSolution> change) {
        if (!solver.isSolving()) {
            return false;
        }
        problemChanged = true;
        solver.addProblemChange(change);
        return true;
    }
}
