// SPDX-License-Identifier: Apache-2.0
package org.medsupply.testing;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;

/** Plans laid out by hand in tests: chunks taken from the unserved pool onto named trips. */
public final class HandPlans {

    private HandPlans() {
    }

    public static Trip trip(DispatchSolution plan, String id) {
        return plan.getTrips().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Moves pool chunks of the hospital's line of that supply, of exactly these sizes, onto the end of the
     * trip ("van#1": the van's first trip), and sets the plan's times.
     */
    public static void load(DispatchSolution plan, String tripId, String hospitalId, String supplyId, long... sizes) {
        Trip trip = trip(plan, tripId);
        for (long size : sizes) {
            Delivery chunk = plan.unservedPool().getDeliveries().stream()
                    .filter(d -> d.getHospital().id().equals(hospitalId) && d.getSupply().id().equals(supplyId)
                            && d.getQuantity() == size)
                    .findFirst().orElseThrow();
            plan.unservedPool().getDeliveries().remove(chunk);
            trip.getDeliveries().add(chunk);
        }
        Timeline.connect(plan.getTrips());
    }

    /** Moves every pool chunk of the hospital's line of that supply onto the end of the trip: the whole request. */
    public static void loadAll(DispatchSolution plan, String tripId, String hospitalId, String supplyId) {
        long[] sizes = plan.unservedPool().getDeliveries().stream()
                .filter(d -> d.getHospital().id().equals(hospitalId) && d.getSupply().id().equals(supplyId))
                .mapToLong(Delivery::getQuantity).toArray();
        load(plan, tripId, hospitalId, supplyId, sizes);
    }
}
