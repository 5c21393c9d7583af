// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medsupply.testing.Fixtures.MASKS;
import static org.medsupply.testing.Fixtures.VACCINE;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.testing.Fixtures;

/** Masks weigh 1 kg and take 0.01 m3 a box, vaccine trays 4 kg and 0.02 m3. */
class LoadTest {

    private static final Warehouse DEPOT = Fixtures.warehouse("wh", 1000, 1000);
    private static final Hospital SITE = Fixtures.hospital("h", 0, 1, 1);

    @Test
    void sumsTheDeliveriesAndTakesUnitsOff() {
        Load load = Load.of(List.of(Fixtures.delivery(Fixtures.line(0, SITE, MASKS, 50, Priority.HIGH), 30),
                Fixtures.delivery(Fixtures.line(1, SITE, VACCINE, 5, Priority.CRITICAL), 5)));
        assertThat(load.weightMg()).isEqualTo(Supply.kgToMg(50));
        assertThat(load.volumeMm3()).isEqualTo(Supply.m3ToMm3(0.4));

        load.add(MASKS, -10);
        assertThat(load.weightMg()).isEqualTo(Supply.kgToMg(40));
        assertThat(load.volumeMm3()).isEqualTo(Supply.m3ToMm3(0.3));
    }

    @Test
    void roomIsWhatTheTighterOfWeightAndVolumeLeaves() {
        Vehicle van = Fixtures.vehicle("van", DEPOT, 100, false); // 100 kg; its volume is ample
        Load load = new Load();
        load.add(MASKS, 97);
        assertThat(load.roomFor(MASKS, van)).isEqualTo(3);
        assertThat(load.roomFor(VACCINE, van)).isZero();
        assertThat(load.fullByWeight(VACCINE, van)).isTrue();
        assertThat(load.fitsIn(van)).isTrue();

        load.add(MASKS, 4);
        assertThat(load.fitsIn(van)).isFalse();
        assertThat(load.roomFor(MASKS, van)).isNegative();
    }

    @Test
    void anUnlimitedVehicleAlwaysHasRoom() {
        Vehicle truck = new Vehicle("truck", DEPOT, Vehicle.UNLIMITED, Vehicle.UNLIMITED, false, 60, 0,
                TimeAxis.OPEN_END, 0, 1, 1, Fixtures.PLANE);
        Load load = new Load();
        load.add(VACCINE, 1_000_000);
        assertThat(load.fitsIn(truck)).isTrue();
        assertThat(load.roomFor(VACCINE, truck)).isPositive();
        assertThat(load.fullByWeight(VACCINE, truck)).isFalse();
    }
}
