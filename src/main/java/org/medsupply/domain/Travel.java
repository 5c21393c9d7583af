// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.List;

/**
 * How far and how long between two sites, as FORMAT.md's {@code travel} defines it. Implementations
 * are immutable and shared by every vehicle of one problem.
 */
public sealed interface Travel permits Travel.Haversine, Travel.Euclidean, Travel.Matrix, Travel.Tabulated {

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

    /**
     * The distances of a haversine or euclidean travel worked out once for every pair of sites: the
     * solver and the greedy dispatcher ask for them millions of times, and trigonometry dominated.
     *
     * @param source the travel tabulated, which still says how the sites are laid out
     */
    record Tabulated(double[][] distanceKm, Travel source) implements Travel {

        /**
         * Sites beyond which travel is not tabulated. The table costs 8 bytes and one haversine (about
         * 150 ns) a pair: at 4,096 sites 128 MiB and 2.5 s, at 10,050 (a province) 770 MiB and 15 s, more
         * than the greedy dispatcher then spends asking for distances.
         */
        public static final int MAX_SITES = 4096;

        /** @param sites every site of the problem, each at its {@link Site#index()} */
        public static Travel of(Travel source, List<? extends Site> sites) {
            if (!(source instanceof Haversine || source instanceof Euclidean) || sites.size() > MAX_SITES) {
                return source; // a matrix is a table already
            }
            double[][] table = new double[sites.size()][sites.size()];
            for (Site from : sites) {
                for (Site to : sites) {
                    table[from.index()][to.index()] = source.distanceKm(from, to);
                }
            }
            return new Tabulated(table, source);
        }

        @Override
        public double distanceKm(Site from, Site to) {
            return distanceKm[from.index()][to.index()];
        }

        @Override
        public double durationMinutes(Site from, Site to, double speedKmh) {
            Double minutesPerKm = source instanceof Haversine haversine ? haversine.minutesPerKm()
                    : ((Euclidean) source).minutesPerKm();
            return durationFromDistance(distanceKm(from, to), speedKmh, minutesPerKm);
        }
    }

    private static double durationFromDistance(double km, double speedKmh, Double minutesPerKm) {
        return minutesPerKm != null ? km * minutesPerKm : km / speedKmh * 60d;
    }
}
