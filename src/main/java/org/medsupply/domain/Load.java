// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/** The weight and volume a trip carries, in whole milligrams and cubic millimetres, kept in step as units come and go. */
public final class Load {

    private long weightMg;
    private long volumeMm3;

    public static Load of(Iterable<Delivery> deliveries) {
        Load load = new Load();
        deliveries.forEach(load::add);
        return load;
    }

    public void add(Delivery delivery) {
        weightMg += delivery.weightMg();
        volumeMm3 += delivery.volumeMm3();
    }

    /** Adds {@code quantity} units of the supply; a negative quantity takes them off. */
    public void add(Supply supply, long quantity) {
        weightMg += quantity * supply.weightMg();
        volumeMm3 += quantity * supply.volumeMm3();
    }

    public long weightMg() {
        return weightMg;
    }

    public long volumeMm3() {
        return volumeMm3;
    }

    public boolean fitsIn(Vehicle vehicle) {
        return weightMg <= vehicle.capacityMg() && volumeMm3 <= vehicle.capacityMm3();
    }

    /** How many more units of the supply the vehicle can take on top of this load (0 or less when full). */
    public long roomFor(Supply supply, Vehicle vehicle) {
        return Math.min((vehicle.capacityMg() - weightMg) / supply.weightMg(),
                (vehicle.capacityMm3() - volumeMm3) / supply.volumeMm3());
    }

    /** Whether weight, rather than volume, leaves no room for another unit of the supply. */
    public boolean fullByWeight(Supply supply, Vehicle vehicle) {
        return (vehicle.capacityMg() - weightMg) / supply.weightMg() <= 0;
    }
}
