// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Site;
import org.medsupply.domain.Travel;

/**
 * The greedy dispatcher skips trips on the strength of this bound, so it must never exceed the travel
 * distance (beyond its slack) and must obey the triangle inequality; a matrix gets none.
 */
class TravelBoundTest {

    private static List<Site> sites(double minA, double maxA, double minB, double maxB) {
        Random random = new Random(7);
        List<Site> sites = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            sites.add(new Hospital("h" + index, null, index, minA + random.nextDouble() * (maxA - minA),
                    minB + random.nextDouble() * (maxB - minB), 0, Long.MAX_VALUE, 0));
        }
        return sites;
    }

    private static void assertBoundsTravel(Travel travel, List<Site> sites) {
        TravelBound bound = TravelBound.of(travel, sites).orElseThrow();
        for (Site from : sites) {
            for (Site to : sites) {
                assertThat(bound.km(from, to) - bound.slackKm()).isLessThanOrEqualTo(travel.distanceKm(from, to));
                Site via = sites.get((from.index() + to.index()) % sites.size());
                assertThat(bound.km(from, to)).isLessThanOrEqualTo(bound.km(from, via) + bound.km(via, to) + 1e-9);
            }
        }
    }

    @Test
    void chordsThroughTheEarthNeverExceedTheGreatCircleTimesTheRoadFactor() {
        List<Site> province = sites(38.5, 41.5, -5.5, -1.5); // about 330 by 340 km
        Travel haversine = new Travel.Haversine(1.3, null);
        assertBoundsTravel(haversine, province);
        assertBoundsTravel(Travel.Tabulated.of(haversine, province), province);

        TravelBound bound = TravelBound.of(haversine, province).orElseThrow();
        Site from = province.get(0);
        Site to = province.get(1);
        assertThat(bound.km(from, to)).isCloseTo(haversine.distanceKm(from, to),
                withPercentage(0.1)); // and is tight at this scale
        assertThat(bound.detoursTakeTime()).isTrue();
    }

    @Test
    void thePlaneBoundsEuclideanTravelRoundedOrNot() {
        List<Site> plane = sites(0, 100, 0, 100);
        assertBoundsTravel(new Travel.Euclidean(false, null), plane);
        assertBoundsTravel(new Travel.Euclidean(true, null), plane);
        assertThat(TravelBound.of(new Travel.Euclidean(true, null), plane).orElseThrow().detoursTakeTime())
                .as("rounded arcs can make a detour shorter").isFalse();
    }

    @Test
    void aMatrixHasNoBound() {
        List<Site> sites = sites(0, 1, 0, 1).subList(0, 2);
        Travel matrix = new Travel.Matrix(new double[][] {{0, 5}, {1, 0}}, new double[][] {{0, 5}, {1, 0}});
        assertThat(TravelBound.of(matrix, sites)).isEmpty();
    }
}
