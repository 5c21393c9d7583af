// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.HashMap;
import java.util.Map;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.TravelDto;

/**
 * The checker's own reading of FORMAT.md's {@code travel}, written apart from the planning model's so a
 * mistake there cannot hide: km and minutes between two sites named by id. The same site is 0 km and 0
 * minutes away under every method.
 */
final class TravelMath {

    static final double EARTH_RADIUS_KM = 6371.0088;
    static final double DEFAULT_ROAD_FACTOR = 1.3;

    private final String method;
    private final double roadFactor;
    private final boolean roundNearest;
    private final Double minutesPerKm;
    /** Site id to its two coordinates: lat/lon for haversine, x/y for euclidean. */
    private final Map<String, double[]> coordinates = new HashMap<>();
    private final Map<String, Integer> matrixIndex = new HashMap<>();
    private final double[][] distanceKm;
    private final double[][] durationMinutes;

    TravelMath(ProblemFile problem) {
        TravelDto travel = problem.travel();
        method = travel == null || travel.method() == null ? "haversine" : travel.method();
        roadFactor = travel == null || travel.roadFactor() == null ? DEFAULT_ROAD_FACTOR : travel.roadFactor();
        roundNearest = travel != null && "nearest".equals(travel.round());
        minutesPerKm = travel == null ? null : travel.minutesPerKm();
        distanceKm = travel == null ? null : travel.distanceKm();
        durationMinutes = travel == null ? null : travel.durationMinutes();
        boolean plane = "euclidean".equals(method);
        ProblemIndex.orEmpty(problem.warehouses()).forEach(w ->
                coordinates.put(w.id(), plane ? pair(w.x(), w.y()) : pair(w.lat(), w.lon())));
        ProblemIndex.orEmpty(problem.hospitals()).forEach(h ->
                coordinates.put(h.id(), plane ? pair(h.x(), h.y()) : pair(h.lat(), h.lon())));
        if (travel != null && travel.locations() != null) {
            for (int i = 0; i < travel.locations().size(); i++) {
                matrixIndex.put(travel.locations().get(i), i);
            }
        }
    }

    /** Km from one site to another; both ids must name a warehouse or hospital of the problem. */
    double distanceKm(String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        return switch (method) {
            case "matrix" -> distanceKm[index(from)][index(to)];
            case "euclidean" -> euclidean(site(from), site(to));
            default -> haversine(site(from), site(to)) * roadFactor;
        };
    }

    /** Driving minutes for a vehicle at {@code speedKmh}: the matrix, else km per {@code minutesPerKm} or speed. */
    double durationMinutes(String from, String to, double speedKmh) {
        if (from.equals(to)) {
            return 0;
        }
        if ("matrix".equals(method)) {
            return durationMinutes[index(from)][index(to)];
        }
        double km = distanceKm(from, to);
        return minutesPerKm != null ? km * minutesPerKm : km / speedKmh * 60;
    }

    private double euclidean(double[] a, double[] b) {
        double d = Math.hypot(a[0] - b[0], a[1] - b[1]);
        return roundNearest ? Math.floor(d + 0.5) : d;
    }

    private static double haversine(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double sinHalfLat = Math.sin((lat2 - lat1) / 2);
        double sinHalfLon = Math.sin(Math.toRadians(b[1] - a[1]) / 2);
        double h = sinHalfLat * sinHalfLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfLon * sinHalfLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    private double[] site(String id) {
        double[] site = coordinates.get(id);
        if (site == null) {
            throw new IllegalArgumentException("no site " + id + " with coordinates for " + method + " travel");
        }
        return site;
    }

    private int index(String id) {
        Integer index = matrixIndex.get(id);
        if (index == null) {
            throw new IllegalArgumentException("site " + id + " is not in travel.locations");
        }
        return index;
    }

    private static double[] pair(Double first, Double second) {
        return first == null || second == null ? null : new double[] {first, second};
    }
}
