// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.Trip;
import org.medsupply.service.DaemonThreads;

/**
 * How a solve is going, in a coordinator's terms: time spent of the limit, fill rate per priority, units
 * still unmet and km of the best plan so far (never the raw score). On a terminal one line is rewritten in
 * place at most twice a second; in a log or pipe a plain line every 5 s, so the log stays readable. The
 * final figures are printed on {@link #close()} either way.
 */
final class Progress implements AutoCloseable {

    static final Duration TERMINAL_INTERVAL = Duration.ofMillis(500);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    /** The figures of one best plan, taken on the solver thread when it is found. */
    record Figures(Map<Priority, Long> unmetUnits, double km) {

        static Figures of(DispatchSolution best) {
            Map<Priority, Long> unmet = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                unmet.put(priority, -best.getScore().softScore(ScoreLevels.unmet(priority)));
            }
            double km = best.getTrips().stream().filter(trip -> !trip.isUnservedPool())
                    .mapToDouble(Trip::distanceKm).sum();
            return new Figures(unmet, km);
        }
    }

    private final PrintWriter err;
    private final boolean inPlace;
    private final Duration limit;
    private final Map<Priority, Long> requestedUnits = new EnumMap<>(Priority.class);
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ScheduledExecutorService ticker;
    private volatile Figures best;
    private int lastLineLength;
    /** Set when the last figures are printed: a tick already under way must not print after them. */
    private boolean closed;

    /**
     * @param inPlace   rewrite one line (a terminal) rather than print one line per update (a log)
     * @param nanoClock {@link System#nanoTime()} but in tests
     * @param ticking   print on a timer; tests print by calling {@link #print()}
     */
    Progress(PrintWriter err, boolean inPlace, Duration limit, DispatchSolution problem, LongSupplier nanoClock,
            boolean ticking) {
        this.err = err;
        this.inPlace = inPlace;
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        for (DemandLine line : problem.getLines()) {
            requestedUnits.merge(line.priority(), line.quantity(), Long::sum);
        }
        if (ticking) {
            long intervalMs = (inPlace ? TERMINAL_INTERVAL : LOG_INTERVAL).toMillis();
            ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("progress-"));
            ticker.scheduleAtFixedRate(this::print, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A progress display on a timer, rewriting its line when {@code err} is a terminal. */
    static Progress start(PrintWriter err, Duration limit, DispatchSolution problem) {
        return new Progress(err, System.console() != null, limit, problem, System::nanoTime, true);
    }

    /** Takes the figures of a new best plan; called on the solver thread. */
    void newBest(DispatchSolution solution) {
        best = Figures.of(solution);
    }

    /** Prints the current figures: rewrites the line in place, or adds one. */
    synchronized void print() {
        if (closed) {
            return;
        }
        String line = line(Duration.ofNanos(nanoClock.getAsLong() - startNanos), best);
        if (inPlace) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            lastLineLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Stops the timer and prints the last figures, ending the line rewritten in place. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        print();
        closed = true;
        if (inPlace) {
            err.println();
            err.flush();
        }
    }

    /** "12.5 s of 30 s  filled critical 98.2 %, high 75.0 %, normal -, low 100.0 %  unmet 1,234 units  412.3 km" */
    String line(Duration elapsed, Figures figures) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5.1f s of %s", elapsed.toMillis() / 1e3,
                limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms"));
        if (figures == null) {
            return line.append("  building the first plan").toString();
        }
        line.append("  filled");
        long unmetTotal = 0;
        for (Priority priority : Priority.values()) {
            long requested = requestedUnits.getOrDefault(priority, 0L);
            long unmet = figures.unmetUnits().get(priority);
            unmetTotal += unmet;
            line.append(priority == Priority.CRITICAL ? " " : ", ").append(priority.wireName()).append(' ')
                    .append(PlanSummary.fillPercent(requested, requested - unmet));
        }
        return line.append(String.format(Locale.ROOT, "  unmet %,d units  %.1f km", unmetTotal, figures.km()))
                .toString();
    }
}
