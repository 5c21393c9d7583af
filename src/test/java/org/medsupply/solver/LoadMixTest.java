// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Supply;
import org.medsupply.domain.Vehicle;

class LoadMixTest {

    /** 1 kg and 2 litres a unit. */
    private static final Supply BULKY = new Supply("bulky", "Bulky", Supply.kgToMg(1), Supply.m3ToMm3(0.002), false);
    /** 2 kg and 1 litre a unit. */
    private static final Supply HEAVY = new Supply("heavy", "Heavy", Supply.kgToMg(2), Supply.m3ToMm3(0.001), false);
    private static final long LITRE = Supply.m3ToMm3(0.001);

    @Test
    void aRoomThatWeightLimitsTakesTheLightestUnits() {
        Map<Supply, Long> mix = LoadMix.mostUnits(List.of(new LoadMix.Option(HEAVY, 100), new LoadMix.Option(BULKY, 100)),
                Supply.kgToMg(10), Vehicle.UNLIMITED);
        assertThat(mix).containsOnly(entry(BULKY, 10L));
    }

    @Test
    void aRoomThatVolumeLimitsTakesTheMostCompactUnitsThenWhatStillFits() {
        Map<Supply, Long> mix = LoadMix.mostUnits(List.of(new LoadMix.Option(BULKY, 100), new LoadMix.Option(HEAVY, 4)),
                Vehicle.UNLIMITED, 10 * LITRE);
        assertThat(mix).containsOnly(entry(HEAVY, 4L), entry(BULKY, 3L));
    }

    /** 10 kg and 10 litres: either supply alone fills it with 5 units; a mix of both brings 6 (3 + 3, or 2 + 4). */
    @Test
    void whenWeightAndVolumeBothBindTheRoomIsSplitBetweenTwoSupplies() {
        Map<Supply, Long> mix = LoadMix.mostUnits(List.of(new LoadMix.Option(BULKY, 10), new LoadMix.Option(HEAVY, 10)),
                Supply.kgToMg(10), 10 * LITRE);
        assertThat(mix.get(BULKY) + mix.get(HEAVY)).isEqualTo(6);
        assertThat(mix.get(BULKY) * BULKY.weightMg() + mix.get(HEAVY) * HEAVY.weightMg()).isLessThanOrEqualTo(
                Supply.kgToMg(10));
        assertThat(mix.get(BULKY) * BULKY.volumeMm3() + mix.get(HEAVY) * HEAVY.volumeMm3()).isLessThanOrEqualTo(10 * LITRE);
    }

    @Test
    void noRoomNoUnits() {
        assertThat(LoadMix.mostUnits(List.of(new LoadMix.Option(BULKY, 10)), 0, 10 * LITRE)).isEmpty();
        assertThat(LoadMix.mostUnits(List.of(new LoadMix.Option(BULKY, 0)), Supply.kgToMg(10), 10 * LITRE)).isEmpty();
    }

    /** Against every mix of three supplies, on random small rooms: within a unit of the best, and always within the room. */
    @Test
    void comesWithinAUnitOfTheBestMixOnRandomRooms() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            List<LoadMix.Option> options = List.of(option(random, "a"), option(random, "b"), option(random, "c"));
            long roomMg = Supply.kgToMg(random.nextInt(1, 40));
            long roomMm3 = random.nextInt(1, 40) * LITRE;
            Map<Supply, Long> mix = LoadMix.mostUnits(options, roomMg, roomMm3);

            long mg = 0;
            long mm3 = 0;
            for (LoadMix.Option option : options) {
                long units = mix.getOrDefault(option.supply(), 0L);
                assertThat(units).isBetween(0L, option.most());
                mg += units * option.supply().weightMg();
                mm3 += units * option.supply().volumeMm3();
            }
            assertThat(mg).isLessThanOrEqualTo(roomMg);
            assertThat(mm3).isLessThanOrEqualTo(roomMm3);
            long total = mix.values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).as("trial %d", trial).isGreaterThanOrEqualTo(best(options, roomMg, roomMm3) - 1);
        }
    }

    private static LoadMix.Option option(Random random, String id) {
        return new LoadMix.Option(new Supply(id, id, Supply.kgToMg(random.nextInt(1, 6)),
                random.nextInt(1, 6) * LITRE, false), random.nextInt(0, 15));
    }

    private static long best(List<LoadMix.Option> options, long roomMg, long roomMm3) {
        long best = 0;
        for (long x = 0; x <= options.get(0).most(); x++) {
            for (long y = 0; y <= options.get(1).most(); y++) {
                for (long z = 0; z <= options.get(2).most(); z++) {
                    long[] units = {x, y, z};
                    long mg = 0;
                    long mm3 = 0;
                    for (int i = 0; i < 3; i++) {
                        mg += units[i] * options.get(i).supply().weightMg();
                        mm3 += units[i] * options.get(i).supply().volumeMm3();
                    }
                    if (mg <= roomMg && mm3 <= roomMm3) {
                        best = Math.max(best, x + y + z);
                    }
                }
            }
        }
        return best;
    }
}
