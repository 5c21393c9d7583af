// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * Units of a supply announced earlier for one hospital on one vehicle (FORMAT.md, {@code reference}): the
 * plan keeps them on that vehicle unless a higher level of the objective gains by moving them. A vehicle,
 * hospital or supply that the problem no longer has is {@code null}: such units can never be kept.
 */
public record ReferenceLoad(Vehicle vehicle, Hospital hospital, Supply supply, long units) {

    /** Whether a delivery counts toward keeping these units: same vehicle, hospital and supply. */
    public boolean keptBy(Delivery delivery) {
        return vehicle != null && delivery.getVehicle() == vehicle && delivery.getHospital() == hospital
                && delivery.getSupply() == supply;
    }
}
