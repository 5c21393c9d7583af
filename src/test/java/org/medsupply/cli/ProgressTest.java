// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemReader;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/** The progress line, on a clock the test moves: what it says and how it is laid out on a terminal and in a log. */
class ProgressTest {

    /** Two sites asking for 10 high-priority masks each: 20 units at high, nothing at the other priorities. */
    private static final Path TINY = Path.of("problems/tiny/round-trip.json");

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter err = new StringWriter();

    private Progress progress(boolean terminal) throws Exception {
        DispatchSolution problem = ProblemMapper.toSolution(ProblemReader.read(TINY));
        return new Progress(new PrintWriter(err), terminal, Duration.ofSeconds(30), problem, nanos::get, false);
    }

    /** A best plan missing {@code units} of the 20 high-priority units, as the solver scores it. */
    private static DispatchSolution bestMissing(long units) throws Exception {
        DispatchSolution best = ProblemMapper.toSolution(ProblemReader.read(TINY));
        best.setScore(BendableLongScore.of(new long[] {0}, new long[] {0, 0, -units, 0, 0, 0, 0, 0, 0, -18_000}));
        return best;
    }

    @Test
    void theLineGivesTimeFillPerPriorityUnitsUnmetAndKmButNoScore() throws Exception {
        Progress progress = progress(false);
        progress.print();
        progress.newBest(bestMissing(5));
        nanos.set(Duration.ofMillis(12_500).toNanos());
        progress.close();

        String[] lines = err.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("  0.0 s of 30 s  building the first plan");
        assertThat(lines[1]).isEqualTo(
                " 12.5 s of 30 s  filled critical -, high 75.0 %, normal -, low -  unmet 5 units  0.0 km");
        assertThat(err.toString()).doesNotContain("hard", "soft", "\r");
    }

    @Test
    void onATerminalOneLineIsRewrittenInPlaceAndEndedWhenDone() throws Exception {
        Progress progress = progress(true);
        progress.print();
        progress.newBest(bestMissing(5));
        nanos.set(Duration.ofSeconds(1).toNanos());
        progress.print();
        String whileSolving = err.toString();
        progress.close();
        String closed = err.toString();
        progress.print(); // a tick that was already under way

        assertThat(whileSolving).doesNotContain("\n").startsWith("\r  0.0 s of 30 s  building the first plan\r");
        assertThat(err.toString()).endsWith("unmet 5 units  0.0 km\n");
        String[] rewrites = err.toString().split("\r");
        assertThat(rewrites).hasSize(4); // nothing before the first \r, then one rewrite per print
        assertThat(rewrites[3]).startsWith("  1.0 s of 30 s  filled critical -, high 75.0 %");
        assertThat(err.toString()).isEqualTo(closed);
    }

    @Test
    void aShorterLineBlanksWhatIsLeftOfTheLongerOneBeforeIt() throws Exception {
        Progress progress = progress(true);
        progress.newBest(bestMissing(15));
        progress.print();
        progress.newBest(bestMissing(5));
        progress.print();

        String[] rewrites = err.toString().split("\r");
        assertThat(rewrites[1]).endsWith("unmet 15 units  0.0 km");
        assertThat(rewrites[2]).endsWith("unmet 5 units  0.0 km ").hasSameSizeAs(rewrites[1]);
    }
}
