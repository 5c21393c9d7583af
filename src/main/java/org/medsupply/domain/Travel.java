// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * How far and how long between two sites, as FORMAT.md's {@code travel} defines it. Implementations
 * are immutable and shared by every vehicle of one problem.
 */
public sealed interface Travel permits Travel.Haversine, Travel.Euclidean, Travel.Matrix {

    double EARTH_RADIUS_KM = 6371.0088;

    double distanceKm(Site from, Site to);

    /** Driving time in minutes for a vehicle driving at {@code speedKmh}. */
    double durationMinutes(Site from, Site to, double speedKmh);

    /** Great-circle distance times a road factor; duration from speed unless {@code minutesPerKm}. */
    record Haversine(double roadFactor, Double minutesPerKm) implements Travel {
        @Override
        public double distanceKm(Site from, Site to) {
            if (from == to) {
                return 0;
            }
            double lat1 = Math.toRadians(from.a());
            double lat2 = Math.toRadians(to.a());
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(to.b() - from.b());
            double h = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * roadFactor;
        }

        @Override
        public double durationMinutes(Site from, Site to, double speedKmh) {
            return durationFromDistance(distanceKm(from, to), speedKmh, minutesPerKm);
        }
    }

    /** Plane distance between x/y; {@code roundNearest} rounds each arc as CVRPLIB does. */
    record Euclidean(boolean roundNearest, Double minutesPerKm) implements Travel {
        @Override
        public double distanceKm(Site from, Site to) {
            double d = Math.hypot(from.a() - to.a(), from.b() - to.b());
            return roundNearest ? Math.floor(d + 0.5) : d;
        }

        @Override
        public double durationMinutes(Site from, Site to, double speedKmh) {
            return durationFromDistance(distanceKm(from, to), speedKmh, minutesPerKm);
        }
    }

    /** Given matrices indexed by {@link Site#index()}; asymmetric allowed. */
    record Matrix(double[][] distanceKm, double[][] durationMinutes) implements Travel {
        @Override
        public double distanceKm(Site from, Site to) {
            return from == to ? 0 : distanceKm[from.index()][to.index()];
        }

        @Override
        public double durationMinutes(Site from, Site to, double speedKmh) {
            return from == to ? 0 : durationMinutes[from.index()][to.index()];
        }
    }

    private static double durationFromDistance(double km, double speedKmh, Double minutesPerKm) {
        return minutesPerKm != null ? km * minutesPerKm : km / speedKmh * 60d;
    }
}
