// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.Site;
import org.medsupply.domain.Trip;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * How close a destination (after another delivery, or at the start of a trip) is to a delivery, so
 * large problems try moves between neighbours first. Only the ranking matters, so plain coordinate
 * distance is used (lat/lon or x/y); with a matrix and no coordinates all destinations rank alike.
 */
public class DeliveryNearbyMeter implements NearbyDistanceMeter<Delivery, Object> {

    @Override
    public double getNearbyDistance(Delivery origin, Object destination) {
        Site site;
        if (destination instanceof Delivery other) {
            site = other.getHospital();
        } else {
            Trip trip = (Trip) destination;
            if (trip.isUnservedPool()) {
                return Double.MAX_VALUE;
            }
            site = trip.getVehicle().warehouse();
        }
        double distance = Math.hypot(origin.getHospital().a() - site.a(), origin.getHospital().b() - site.b());
        return Double.isNaN(distance) ? 0 : distance;
    }
}
