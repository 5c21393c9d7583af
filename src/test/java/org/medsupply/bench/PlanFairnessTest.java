// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medsupply.bench.PlanFairness.Line;

/** The Jain index and its whole-unit proportional reference on spreads worked out by hand. */
class PlanFairnessTest {

    @Test
    void equalFillRatesAreFullyFair() {
        assertThat(PlanFairness.jain(new long[] {100, 300, 50}, new long[] {20, 60, 10})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void unequalFillRatesScoreLess() {
        // (10)² / (20 · 10²/10) = 0.5: one of two equal lines gets everything
        assertThat(PlanFairness.jain(new long[] {10, 10}, new long[] {10, 0})).isCloseTo(0.5, within(1e-12));
        // (100)² / (400 · (50²/100 + 50²/300)) = 0.75
        assertThat(PlanFairness.jain(new long[] {100, 300}, new long[] {50, 50})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void proportionalSharesGoByLargestRemainder() {
        // 30 · 5000 / 7000 = 21.43 and 30 · 2000 / 7000 = 8.57: the unit left goes to the larger remainder
        assertThat(PlanFairness.proportionalShares(30, new long[] {5000, 2000})).containsExactly(21, 9);
        // 7 over 1, 1, 10: 0.58, 0.58, 5.83; the two units left go to the third line, then the first of the tie
        assertThat(PlanFairness.proportionalShares(7, new long[] {1, 1, 10})).containsExactly(1, 0, 6);
        assertThat(PlanFairness.proportionalShares(12, new long[] {2, 10})).containsExactly(2, 10);
        assertThatThrownBy(() -> PlanFairness.proportionalShares(13, new long[] {2, 10}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPriorityIsTheRequestWeightedMeanOverTheShortSuppliesThatGotSomething() {
        List<Line> lines = List.of(
                new Line("ventilator", "critical", 10, 10, true), new Line("ventilator", "critical", 10, 0, true), // J 0.5
                new Line("mask", "critical", 30, 15, true), new Line("mask", "critical", 10, 5, true), // J 1
                new Line("ventilator", "high", 5, 0, true), // got nothing: no Jain index
                new Line("gown", "critical", 10, 0, true), new Line("gown", "critical", 10, 10, true)); // not short
        Map<String, PlanFairness.Score> scores = PlanFairness.byPriority(lines, Set.of("ventilator", "mask"),
                PlanMetrics.PRIORITIES);

        PlanFairness.Score critical = scores.get("critical");
        assertThat(critical.groups()).isEqualTo(2);
        assertThat(critical.planJain()).isCloseTo((20 * 0.5 + 40 * 1.0) / 60, within(1e-12));
        assertThat(critical.referenceJain()).isCloseTo(1.0, within(1e-12)); // 5 + 5 and 15 + 5
        assertThat(critical.ratio()).isCloseTo(50.0 / 60, within(1e-12));
        assertThat(scores.get("high").groups()).isZero();
        assertThat(scores.get("high").ratio()).isNaN();
        assertThat(scores).containsOnlyKeys(PlanMetrics.PRIORITIES);
    }

    @Test
    void theRequestsOnReachedLinesBoundTheJainIndex() {
        // 30 of the 40 masks asked for are on lines the plan reaches; the other line gets nothing
        List<Line> lines = List.of(new Line("mask", "high", 20, 4, true), new Line("mask", "high", 10, 2, true),
                new Line("mask", "high", 10, 0, false));
        PlanFairness.Score high = PlanFairness.byPriority(lines, Set.of("mask"), PlanMetrics.PRIORITIES).get("high");

        assertThat(high.reachedShare()).isCloseTo(0.75, within(1e-12));
        // equal fill rates on the reached lines reach the bound exactly
        assertThat(high.planJain()).isCloseTo(high.reachedShare(), within(1e-12));
    }
}
