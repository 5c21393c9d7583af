// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * finishing the searched plan, which starts when the greedy plan's is over, ends about when the limit does. Until
 * it is done, the time it has taken so far stands for its duration ({@link #reserveMillis}). The finished greedy
 * plan answers instead when local search found nothing better (finishing is deterministic: the same plan finished
 * again would only come later), and when finishing the searched plan is not done a tenth of the limit past it
 * ({@link #OVERRUN}; on the largest problems on a busy machine): the answer comes near the limit, and it is never
 * below the finished greedy plan.
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
        /** Finishing the searched plan missed the limit (see {@link SolverLaunch}). */
        GREEDY_FINISHED_SEARCHED_LATE("the greedy plan, finished; finishing the searched plan missed the limit");

        private final String description;

        Answer(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** How far past the limit, as a share of it, finishing the searched plan may go before the greedy plan answers. */
    private static final double OVERRUN = 0.1;

    /** The searched plan has more stops to share and merge than the greedy one, so finishing it takes longer. */
    private static final double FINISHING_RESERVE = 1.5;

    private final DispatchSolution problem;
    private final DefaultSolver<DispatchSolution> solver;
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
    /** The greedy plan, being finished; {@code null} on a warm start. */
    private CompletableFuture<DispatchSolution> finishedGreedy;
    private int phasesEnded;

    private SolverLaunch(DispatchSolution problem, SolverConfig config, boolean warmStart,
            Consumer<DispatchSolution> onNewBest) {
        this.problem = problem;
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
                    }, task -> onOwnThread(task, "finishing-greedy-plan"));
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
        boolean greedyAnswers = finishedGreedy != null && !problemChanged;
        // the greedy plan's finishing first: on a busy machine two finishings side by side would both be late
        DispatchSolution greedy = greedyAnswers ? finishedGreedy.join() : null;
        DispatchSolution searched = null; // the searched plan, finished; null when the greedy plan answers alone
        if (!greedyAnswers) {
            searched = finishing.finish(solved);
        } else if (improvedAfterGreedy) {
            searched = finishedByDeadline(solved);
        }
        DispatchSolution best = searched == null ? greedy : PlanTopUp.better(searched, greedy);
        Answer answer = best != greedy ? Answer.SEARCHED_THEN_FINISHED
                : improvedAfterGreedy && searched == null ? Answer.GREEDY_FINISHED_SEARCHED_LATE
                : Answer.GREEDY_FINISHED;
        return new Run(best, constructionMillis, solver.getTimeMillisSpent(), scoreCalculationCount,
                millisSince(finishingStarted), answer);
    }

    /**
     * The searched plan finished, on a thread of its own; {@code null} when that is not done {@link #OVERRUN} past
     * the limit, and then it stops at its next step. Without a time limit, however long it takes.
     */
    private DispatchSolution finishedByDeadline(DispatchSolution solved) {
        if (limitMillis == null) {
            return finishing.finish(solved);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<DispatchSolution> finished = CompletableFuture.supplyAsync(
                () -> finishing.finish(solved, cancelled::get), task -> onOwnThread(task, "finishing-searched-plan"));
        try {
            return finished.get(waitMillis(limitMillis, millisSince(startedNanos)), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            cancelled.set(true);
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
            return null;
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed);
        }
    }

    /** How long the searched plan's finishing may still take, {@code spentMillis} into the solve. */
    static long waitMillis(long limitMillis, long spentMillis) {
        return Math.max(0, limitMillis + (long) (limitMillis * OVERRUN) - spentMillis);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void onOwnThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the solve to stop at its next step, even when asked before it started; from any thread. */
    public void terminateEarly() {
        stopAsked = true;
        solver.terminateEarly();
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
