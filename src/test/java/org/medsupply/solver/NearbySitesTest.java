// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Travel;
import org.medsupply.domain.Warehouse;
import org.medsupply.testing.Fixtures;

class NearbySitesTest {

    private static final Travel HAVERSINE = new Travel.Haversine(1.3, null);

    private static Hospital at(int index, double a, double b) {
        return new Hospital("h" + index, "h" + index, index, a, b, 0, TimeAxis.OPEN_END, 0);
    }

    @Test
    void sweepFindsTheSameNearestHospitalsAsComparingEveryPair() {
        SplittableRandom random = new SplittableRandom(3);
        List<Hospital> hospitals = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            hospitals.add(at(i + 1, random.nextDouble(100), random.nextDouble(40)));
        }
        NearbySites sites = NearbySites.of(hospitals, List.of(), Fixtures.PLANE, 12);
        for (Hospital origin : hospitals) {
            double[] expected = hospitals.stream().mapToDouble(other -> distance(origin, other)).sorted().limit(12).toArray();
            Hospital[] nearest = sites.nearestHospitals(origin);
            assertThat(nearest[0]).isSameAs(origin);
            assertThat(Arrays.stream(nearest).mapToDouble(other -> distance(origin, other)).toArray())
                    .containsExactly(expected);
        }
    }

    @Test
    void smallProblemsKeepEveryHospital() {
        List<Hospital> hospitals = List.of(at(1, 0, 0), at(2, 5, 0), at(3, 1, 0));
        Hospital[] nearest = NearbySites.of(hospitals, List.of(), Fixtures.PLANE, 20).nearestHospitals(hospitals.get(0));
        assertThat(nearest).containsExactly(hospitals.get(0), hospitals.get(2), hospitals.get(1));
    }

    @Test
    void greatCircleTravelShrinksLongitudeAwayFromTheEquator() {
        // at 60 degrees north one degree of longitude is half as long as one of latitude
        Hospital origin = at(1, 60, 10);
        Hospital east = at(2, 60, 11);
        Hospital north = at(3, 60.6, 10);
        Hospital[] nearest = NearbySites.of(List.of(origin, east, north), List.of(), HAVERSINE, 3)
                .nearestHospitals(origin);
        assertThat(nearest).containsExactly(origin, east, north);
    }

    @Test
    void travelMatrixRanksByItsDistancesWithoutCoordinates() {
        List<Hospital> hospitals = List.of(at(1, Double.NaN, Double.NaN), at(2, Double.NaN, Double.NaN),
                at(3, Double.NaN, Double.NaN));
        double[][] km = {
                {0, 9, 9, 9},
                {9, 0, 7, 2},
                {9, 7, 0, 1},
                {1, 2, 1, 0}};
        NearbySites sites = NearbySites.of(hospitals, List.of(Fixtures.warehouse("wh", 0, 0)),
                new Travel.Matrix(km, km), 2);
        assertThat(sites.nearestHospitals(hospitals.get(0))).containsExactly(hospitals.get(0), hospitals.get(2));
        assertThat(sites.nearestHospitals(hospitals.get(1))).containsExactly(hospitals.get(1), hospitals.get(2));
    }

    @Test
    void nearestWarehouseIsTheClosestOne() {
        Warehouse west = new Warehouse("west", "west", 0, 0, 0, java.util.Map.of());
        Warehouse east = new Warehouse("east", "east", 1, 50, 0, java.util.Map.of());
        Hospital hospital = at(2, 30, 5);
        NearbySites sites = NearbySites.of(List.of(hospital), List.of(west, east), Fixtures.PLANE, 5);
        assertThat(sites.nearestWarehouse(hospital)).isSameAs(east);
    }

    private static double distance(Hospital one, Hospital other) {
        return Math.hypot(one.a() - other.a(), one.b() - other.b());
    }
}
