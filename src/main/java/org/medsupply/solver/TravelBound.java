// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.List;
import java.util.Optional;

import org.medsupply.domain.Site;
import org.medsupply.domain.Travel;

/**
 * A distance between sites that is cheap to work out (no trigonometry), obeys the triangle inequality
 * and is never more than {@link #slackKm()} above the travel distance: straight lines through the earth
 * (chords, shorter than arcs) for great-circle travel, the plane for euclidean travel. With it the greedy
 * dispatcher leaves out trips too far from a hospital to be its cheapest insertion without working out
 * their insertion costs. A travel matrix has none (its distances need not obey the triangle inequality).
 */
final class TravelBound {

    /** Covers rounding in the last digits of either distance. */
    private static final double FLOATING_SLACK_KM = 1e-6;

    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double slackKm;

    private TravelBound(double[] x, double[] y, double[] z, double slackKm) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.slackKm = slackKm;
    }

    /** @param sites every site of the problem, each at its {@link Site#index()} */
    static Optional<TravelBound> of(Travel travel, List<? extends Site> sites) {
        Travel layout = travel instanceof Travel.Tabulated tabulated ? tabulated.source() : travel;
        double[] x = new double[sites.size()];
        double[] y = new double[sites.size()];
        double[] z = new double[sites.size()];
        if (layout instanceof Travel.Haversine haversine) {
            double radiusKm = Travel.EARTH_RADIUS_KM * haversine.roadFactor();
            for (Site site : sites) {
                double latitude = Math.toRadians(site.a());
                double longitude = Math.toRadians(site.b());
                x[site.index()] = radiusKm * Math.cos(latitude) * Math.cos(longitude);
                y[site.index()] = radiusKm * Math.cos(latitude) * Math.sin(longitude);
                z[site.index()] = radiusKm * Math.sin(latitude);
            }
            return Optional.of(new TravelBound(x, y, z, FLOATING_SLACK_KM));
        }
        if (layout instanceof Travel.Euclidean euclidean) {
            for (Site site : sites) {
                x[site.index()] = site.a();
                y[site.index()] = site.b();
            }
            // rounding to the nearest whole number takes at most half a unit off
            return Optional.of(new TravelBound(x, y, z, FLOATING_SLACK_KM + (euclidean.roundNearest() ? 0.5 : 0)));
        }
        return Optional.empty();
    }

    /** The travel distance is at least this minus {@link #slackKm()}. */
    double km(Site from, Site to) {
        int i = from.index();
        int j = to.index();
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dz = z[i] - z[j];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    double slackKm() {
        return slackKm;
    }

    /** Whether a detour never shortens a route: the travel obeys the triangle inequality (not when rounded). */
    boolean detoursTakeTime() {
        return slackKm == FLOATING_SLACK_KM;
    }
}
