// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Hospital;
import org.medsupply.domain.Site;
import org.medsupply.domain.Travel;
import org.medsupply.domain.Warehouse;

/**
 * For each hospital, its nearest hospitals (itself first) and its nearest warehouse: what the local
 * search needs to try moves between neighbours. Memory is hospitals x count, never hospitals squared.
 * Only the ranking matters, so coordinates are compared on a plane (longitude scaled by the cosine of
 * the mean latitude for great-circle travel); with a travel matrix the matrix distances are used.
 */
final class NearbySites {

    private final Map<Hospital, Hospital[]> nearestHospitals;
    private final Map<Hospital, Warehouse> nearestWarehouse;

    private NearbySites(Map<Hospital, Hospital[]> nearestHospitals, Map<Hospital, Warehouse> nearestWarehouse) {
        this.nearestHospitals = nearestHospitals;
        this.nearestWarehouse = nearestWarehouse;
    }

    /**
     * @param travel how the vehicles drive; decides how sites are compared
     * @param count  hospitals kept per hospital (at most all of them), itself included
     */
    static NearbySites of(List<Hospital> hospitals, List<Warehouse> warehouses, Travel travel, int count) {
        Ranking ranking = Ranking.of(travel, hospitals);
        int kept = Math.min(count, hospitals.size());
        Map<Hospital, Hospital[]> nearestHospitals = travel instanceof Travel.Matrix
                ? byFullScan(hospitals, ranking, kept) : bySweep(hospitals, ranking, kept);
        Map<Hospital, Warehouse> nearestWarehouse = new IdentityHashMap<>();
        for (Hospital hospital : hospitals) {
            warehouses.stream().min(Comparator.comparingDouble(warehouse -> ranking.distance(hospital, warehouse)))
                    .ifPresent(warehouse -> nearestWarehouse.put(hospital, warehouse));
        }
        return new NearbySites(nearestHospitals, nearestWarehouse);
    }

    /** Nearest first; the hospital itself is at rank 0 (unless others share its place). */
    Hospital[] nearestHospitals(Hospital hospital) {
        return nearestHospitals.get(hospital);
    }

    /** {@code null} only when there is no warehouse. */
    Warehouse nearestWarehouse(Hospital hospital) {
        return nearestWarehouse.get(hospital);
    }

    /** Every pair: for travel matrices, which have no plane to sweep (and are hospitals squared already). */
    private static Map<Hospital, Hospital[]> byFullScan(List<Hospital> hospitals, Ranking ranking, int kept) {
        Map<Hospital, Hospital[]> result = new IdentityHashMap<>();
        for (Hospital origin : hospitals) {
            Nearest nearest = new Nearest(kept);
            hospitals.forEach(other -> nearest.offer(other, origin == other ? 0 : ranking.distance(origin, other)));
            result.put(origin, nearest.sites());
        }
        return result;
    }

    /**
     * Hospitals sorted by x; from each, walk left and right until the x gap alone exceeds the current
     * count-th distance. About hospitals x sqrt(hospitals x count) distance checks on spread-out sites.
     */
    private static Map<Hospital, Hospital[]> bySweep(List<Hospital> hospitals, Ranking ranking, int kept) {
        Hospital[] byX = hospitals.toArray(Hospital[]::new);
        Arrays.sort(byX, Comparator.comparingDouble(ranking::x));
        Map<Hospital, Hospital[]> result = new IdentityHashMap<>();
        for (int position = 0; position < byX.length; position++) {
            Hospital origin = byX[position];
            Nearest nearest = new Nearest(kept);
            nearest.offer(origin, 0);
            for (int step : new int[] {-1, 1}) {
                for (int other = position + step; other >= 0 && other < byX.length; other += step) {
                    double gap = Math.abs(ranking.x(byX[other]) - ranking.x(origin));
                    if (nearest.isFull() && gap > nearest.worstDistance()) {
                        break;
                    }
                    nearest.offer(byX[other], ranking.distance(origin, byX[other]));
                }
            }
            result.put(origin, nearest.sites());
        }
        return result;
    }

    /** Distance used only to rank sites; {@link #x} is a lower bound of it along one axis. */
    private record Ranking(Travel travel, double longitudeScale) {

        static Ranking of(Travel travel, List<Hospital> hospitals) {
            if (travel instanceof Travel.Haversine) {
                double meanLatitude = hospitals.stream().mapToDouble(Hospital::a).average().orElse(0);
                return new Ranking(travel, Math.cos(Math.toRadians(meanLatitude)));
            }
            return new Ranking(travel, 1);
        }

        double x(Site site) {
            return travel instanceof Travel.Haversine ? site.b() * longitudeScale : site.a();
        }

        double y(Site site) {
            return travel instanceof Travel.Haversine ? site.a() : site.b();
        }

        double distance(Site from, Site to) {
            if (travel instanceof Travel.Matrix) {
                return travel.distanceKm(from, to);
            }
            return Math.hypot(x(from) - x(to), y(from) - y(to));
        }
    }

    /** The best {@code capacity} sites offered so far, nearest first (insertion into a short sorted array). */
    private static final class Nearest {
        private final Hospital[] sites;
        private final double[] distances;
        private int size;

        Nearest(int capacity) {
            sites = new Hospital[capacity];
            distances = new double[capacity];
        }

        boolean isFull() {
            return size == sites.length;
        }

        double worstDistance() {
            return distances[size - 1];
        }

        void offer(Hospital site, double distance) {
            if (isFull() && distance >= worstDistance()) {
                return;
            }
            int position = isFull() ? size - 1 : size++;
            while (position > 0 && distances[position - 1] > distance) {
                sites[position] = sites[position - 1];
                distances[position] = distances[position - 1];
                position--;
            }
            sites[position] = site;
            distances[position] = distance;
        }

        Hospital[] sites() {
            return Arrays.copyOf(sites, size);
        }
    }
}
