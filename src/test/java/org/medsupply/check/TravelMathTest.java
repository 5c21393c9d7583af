// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

/** The checker's own travel: each method on distances known by hand. */
class TravelMathTest {

    /** One degree of longitude on the equator: 2 pi 6371.0088 / 360 = 111.19508 km. */
    private static final double EQUATOR_DEGREE_KM = 111.19508;

    @Test
    void haversineIsTheGreatCircleTimesTheRoadFactor() {
        TravelMath defaultFactor = travel(new TravelDto(null, null, null, null, null, null, null, null));
        TravelMath factorTwo = travel(new TravelDto("haversine", 2.0, null, 1.5, null, null, null, null));

        assertThat(defaultFactor.distanceKm("wh", "h")).isCloseTo(EQUATOR_DEGREE_KM * 1.3, within(1e-4));
        assertThat(defaultFactor.durationMinutes("wh", "h", 40)).isCloseTo(EQUATOR_DEGREE_KM * 1.3 * 1.5, within(1e-4));
        assertThat(factorTwo.distanceKm("wh", "h")).isCloseTo(EQUATOR_DEGREE_KM * 2, within(1e-4));
        assertThat(factorTwo.durationMinutes("wh", "h", 40)).isCloseTo(EQUATOR_DEGREE_KM * 2 * 1.5, within(1e-4));
    }

    @Test
    void euclideanOnXyRoundsToNearestOnlyWhenAsked() {
        TravelMath plain = travel(new TravelDto("euclidean", null, null, null, null, null, null, null));
        TravelMath rounded = travel(new TravelDto("euclidean", null, "nearest", null, null, null, null, null));

        assertThat(plain.distanceKm("wh", "h")).isEqualTo(Math.hypot(1.5, 2.2));
        assertThat(plain.durationMinutes("wh", "h", 30)).isEqualTo(Math.hypot(1.5, 2.2) * 2);
        assertThat(rounded.distanceKm("wh", "h")).isEqualTo(3.0);
    }

    @Test
    void matrixIsReadInLocationsOrderAndMayBeAsymmetric() {
        TravelMath matrix = travel(new TravelDto("matrix", null, null, null, List.of("h", "wh"),
                new double[][] {{0, 7}, {9, 0}}, new double[][] {{0, 11}, {13, 0}}, null));

        assertThat(matrix.distanceKm("h", "wh")).isEqualTo(7);
        assertThat(matrix.distanceKm("wh", "h")).isEqualTo(9);
        assertThat(matrix.durationMinutes("wh", "h", 40)).isEqualTo(13);
        assertThat(matrix.distanceKm("wh", "wh")).isZero();
    }

    /** Warehouse wh at lat/lon (0, 0) and x/y (0, 0); hospital h at lat/lon (0, 1) and x/y (1.5, 2.2). */
    private static TravelMath travel(TravelDto dto) {
        return new TravelMath(new ProblemFile("travel", "2026-02-01T06:00:00Z", List.of(),
                List.of(new WarehouseDto("wh", "wh", 0.0, 0.0, 0.0, 0.0, null, null)),
                List.of(new HospitalDto("h", "h", 0.0, 1.0, 1.5, 2.2, null, null, List.of(), null)),
                List.of(), dto, null));
    }
}
