// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * A kind of supply, counted in units (a box, a device, a tray).
 *
 * @param weightMg   weight of one unit in milligrams (exact integer arithmetic in the score)
 * @param volumeMm3  volume of one unit in cubic millimetres
 * @param coldChain  may only travel on a refrigerated vehicle
 */
public record Supply(String id, String name, long weightMg, long volumeMm3, boolean coldChain) {

    public static long kgToMg(double kg) {
        return Math.round(kg * 1_000_000d);
    }

    public static long m3ToMm3(double m3) {
        return Math.round(m3 * 1_000_000_000d);
    }
}
